import type { Framework, FrameworkItem } from '../types.js';

// CIS Amazon Web Services Foundations Benchmark v5.0.0: item numbers, profile levels and assessment types are the
// benchmark's; titles are demarc's own short wording. Items point at the checks that evidence them, and manual
// items at the duties an attestation can cover.

type ItemSpec = [id: string, level: 1 | 2, automated: boolean, title: string, checks: string[], duties: string[]];

const SECTIONS: Record<string, string> = {
  '1': 'Identity and Access Management',
  '2.1': 'Storage: Simple Storage Service (S3)',
  '2.2': 'Storage: Relational Database Service (RDS)',
  '2.3': 'Storage: Elastic File System (EFS)',
  '3': 'Logging',
  '4': 'Monitoring',
  '5.1': 'Networking: Elastic Compute Cloud (EC2)',
  '5': 'Networking',
};

const ITEMS: ItemSpec[] = [
  ['1.1', 1, false, 'Keep the account contact details current', [], ['incident-response-plan']],
  ['1.2', 1, false, 'Register security contact information for the account', [], ['incident-response-plan']],
  ['1.3', 1, true, 'No access key exists for the root user', [], ['configure-iam-credentials']],
  ['1.4', 1, true, 'MFA is enabled for the root user', [], ['configure-iam-credentials']],
  ['1.5', 2, false, 'Hardware MFA is enabled for the root user', [], ['configure-iam-credentials']],
  ['1.6', 1, false, 'The root user is not used for administrative or daily tasks', [], ['detect-insecure-user-behaviour']],
  ['1.7', 1, true, 'The password policy requires at least 14 characters', [], ['configure-iam-credentials']],
  ['1.8', 1, true, 'The password policy prevents password reuse', [], ['configure-iam-credentials']],
  ['1.9', 1, true, 'MFA is enabled for every IAM user with a console password', [], ['configure-iam-credentials']],
  ['1.10', 1, false, 'No access keys are created at initial setup of users with a console password', [], ['configure-iam-credentials']],
  ['1.11', 1, true, 'Credentials unused for 45 days or more are disabled', [], ['configure-iam-credentials']],
  ['1.12', 1, true, 'Each IAM user has at most one active access key', [], ['rotate-access-keys']],
  ['1.13', 1, true, 'Access keys are rotated every 90 days or sooner', [], ['rotate-access-keys']],
  ['1.14', 1, true, 'IAM users get permissions only through groups', [], ['least-privilege-policies']],
  ['1.15', 1, true, 'No policy granting full "*:*" administrative privileges is attached', [], ['least-privilege-policies']],
  ['1.16', 1, true, 'A support role exists to manage incidents with AWS Support', [], ['incident-response-plan']],
  ['1.17', 2, true, 'Instances reach AWS through IAM instance roles', [], ['configure-iam-credentials']],
  ['1.18', 1, true, 'Expired SSL/TLS certificates stored in IAM are removed', [], ['encrypt-in-transit']],
  ['1.19', 1, true, 'IAM Access Analyzer is enabled in every region', [], ['restrict-access']],
  ['1.20', 2, false, 'IAM users are managed centrally through federation or AWS Organizations', [], ['restrict-access']],
  ['1.21', 1, true, 'Access to the AWSCloudShellFullAccess policy is restricted', [], ['least-privilege-policies']],
  ['2.1.1', 2, true, 'Bucket policies deny HTTP (non-TLS) requests', [], ['encrypt-in-transit']],
  ['2.1.2', 2, false, 'MFA Delete is enabled on S3 buckets', [], ['back-up-data']],
  ['2.1.3', 2, false, 'All data in S3 is discovered, classified and secured where needed', [], ['classify-assets', 'prevent-data-loss']],
  ['2.1.4', 1, true, 'S3 Block Public Access is enabled (bucket and account)', [], ['prevent-data-loss']],
  ['2.2.1', 1, true, 'RDS instances are encrypted at rest', [], ['manage-encryption-options']],
  ['2.2.2', 1, true, 'Auto minor version upgrade is enabled on RDS instances', [], ['choose-supported-versions']],
  ['2.2.3', 1, true, 'RDS instances are not publicly accessible', [], ['restrict-access']],
  ['2.2.4', 1, false, 'RDS uses Multi-AZ deployments', [], ['back-up-data']],
  ['2.3.1', 1, true, 'EFS file systems are encrypted', [], ['manage-encryption-options']],
  ['3.1', 1, true, 'CloudTrail is enabled in every region', [], ['enable-audit-logging']],
  ['3.2', 2, true, 'CloudTrail log file validation is enabled', [], ['enable-audit-logging']],
  ['3.3', 2, true, 'AWS Config is enabled in every region', [], ['enable-audit-logging']],
  ['3.4', 1, true, 'The CloudTrail bucket has server access logging', [], ['enable-audit-logging']],
  ['3.5', 2, true, 'CloudTrail logs are encrypted with KMS customer managed keys', [], ['enable-audit-logging']],
  ['3.6', 2, true, 'Rotation is enabled for customer-created symmetric KMS keys', [], ['manage-encryption-options']],
  ['3.7', 2, true, 'VPC flow logging is enabled in every VPC', [], ['enable-audit-logging']],
  ['3.8', 2, true, 'Object-level logging of S3 write events is enabled', [], ['enable-audit-logging']],
  ['3.9', 2, true, 'Object-level logging of S3 read events is enabled', [], ['enable-audit-logging']],
  ['4.1', 2, true, 'Unauthorized API calls are monitored', [], ['detect-account-compromise']],
  ['4.2', 1, false, 'Console sign-in without MFA is monitored', [], ['detect-account-compromise']],
  ['4.3', 1, false, 'Use of the root user is monitored', [], ['detect-account-compromise']],
  ['4.4', 1, false, 'IAM policy changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.5', 1, false, 'CloudTrail configuration changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.6', 2, false, 'Console authentication failures are monitored', [], ['detect-account-compromise']],
  ['4.7', 2, false, 'Disabling or scheduled deletion of customer-created KMS keys is monitored', [], ['detect-insecure-user-behaviour']],
  ['4.8', 1, false, 'S3 bucket policy changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.9', 2, false, 'AWS Config configuration changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.10', 2, false, 'Security group changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.11', 2, false, 'Network ACL changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.12', 1, false, 'Network gateway changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.13', 1, false, 'Route table changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.14', 1, false, 'VPC changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.15', 1, false, 'AWS Organizations changes are monitored', [], ['detect-insecure-user-behaviour']],
  ['4.16', 2, true, 'AWS Security Hub is enabled', [], ['detect-account-compromise']],
  ['5.1.1', 1, true, 'EBS encryption by default is enabled in every region', [], ['manage-encryption-options']],
  ['5.1.2', 1, false, 'CIFS (port 445) is reachable only from trusted networks', [], ['configure-security-groups']],
  ['5.2', 1, true, 'No network ACL allows ingress from 0.0.0.0/0 to administration ports', [], ['configure-security-groups']],
  ['5.3', 1, true, 'No security group allows ingress from 0.0.0.0/0 to administration ports', [], ['configure-security-groups']],
  ['5.4', 1, true, 'No security group allows ingress from ::/0 to administration ports', [], ['configure-security-groups']],
  ['5.5', 2, true, 'The default security group of every VPC restricts all traffic', [], ['configure-security-groups']],
  ['5.6', 2, false, 'Routing tables for VPC peering are least access', [], ['configure-security-groups']],
  ['5.7', 1, true, 'The EC2 metadata service allows only IMDSv2', [], ['configure-guest-os']],
];

function sectionOf(id: string): string {
  const parts = id.split('.');
  const sub = parts.slice(0, 2).join('.');
  return parts.length > 2 && SECTIONS[sub] ? SECTIONS[sub] : (SECTIONS[parts[0] ?? ''] ?? '');
}

export const cisAwsV5: Framework = {
  id: 'cis-aws-v5',
  title: 'CIS Amazon Web Services Foundations Benchmark',
  version: '5.0.0',
  description: 'The Center for Internet Security baseline for AWS accounts: identity, storage, logging, monitoring and networking. Every item is on the customer\'s side of the model.',
  items: ITEMS.map(([id, level, automated, title, checks, duties]): FrameworkItem => ({
    id, title, section: sectionOf(id), level, automated, checks, duties, owner: 'customer',
  })),
};
