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
  ['1.3', 1, true, 'No access key exists for the root user', ['iam-root-no-access-keys'], ['configure-iam-credentials']],
  ['1.4', 1, true, 'MFA is enabled for the root user', ['iam-root-mfa-enabled'], ['configure-iam-credentials']],
  ['1.5', 2, false, 'Hardware MFA is enabled for the root user', ['iam-root-hardware-mfa'], ['configure-iam-credentials']],
  ['1.6', 1, false, 'The root user is not used for administrative or daily tasks', ['iam-root-not-used-recently'], ['detect-insecure-user-behaviour']],
  ['1.7', 1, true, 'The password policy requires at least 14 characters', ['iam-password-policy-min-length'], ['configure-iam-credentials']],
  ['1.8', 1, true, 'The password policy prevents password reuse', ['iam-password-policy-reuse-prevention'], ['configure-iam-credentials']],
  ['1.9', 1, true, 'MFA is enabled for every IAM user with a console password', ['iam-user-console-mfa'], ['configure-iam-credentials']],
  ['1.10', 1, false, 'No access keys are created at initial setup of users with a console password', [], ['configure-iam-credentials']],
  ['1.11', 1, true, 'Credentials unused for 45 days or more are disabled', ['iam-user-unused-credentials'], ['configure-iam-credentials']],
  ['1.12', 1, true, 'Each IAM user has at most one active access key', ['iam-user-single-active-access-key'], ['rotate-access-keys']],
  ['1.13', 1, true, 'Access keys are rotated every 90 days or sooner', ['iam-user-access-keys-rotated'], ['rotate-access-keys']],
  ['1.14', 1, true, 'IAM users get permissions only through groups', ['iam-user-no-attached-policies'], ['least-privilege-policies']],
  ['1.15', 1, true, 'No policy granting full "*:*" administrative privileges is attached', ['iam-policy-no-full-admin'], ['least-privilege-policies']],
  ['1.16', 1, true, 'A support role exists to manage incidents with AWS Support', ['iam-support-role-exists'], ['incident-response-plan']],
  ['1.17', 2, true, 'Instances reach AWS through IAM instance roles', ['ec2-instance-profile-attached'], ['configure-iam-credentials']],
  ['1.18', 1, true, 'Expired SSL/TLS certificates stored in IAM are removed', ['iam-server-certificate-not-expired'], ['encrypt-in-transit']],
  ['1.19', 1, true, 'IAM Access Analyzer is enabled in every region', ['accessanalyzer-enabled'], ['restrict-access']],
  ['1.20', 2, false, 'IAM users are managed centrally through federation or AWS Organizations', [], ['restrict-access']],
  ['1.21', 1, true, 'Access to the AWSCloudShellFullAccess policy is restricted', ['iam-cloudshell-full-access-restricted'], ['least-privilege-policies']],
  ['2.1.1', 2, true, 'Bucket policies deny HTTP (non-TLS) requests', ['s3-bucket-ssl-requests-only'], ['encrypt-in-transit']],
  ['2.1.2', 2, false, 'MFA Delete is enabled on S3 buckets', ['s3-bucket-mfa-delete'], ['back-up-data']],
  ['2.1.3', 2, false, 'All data in S3 is discovered, classified and secured where needed', ['macie-enabled', 's3-bucket-data-classification-tag'], ['classify-assets', 'prevent-data-loss']],
  ['2.1.4', 1, true, 'S3 Block Public Access is enabled (bucket and account)', ['s3-bucket-public-access-block', 's3-account-public-access-block'], ['prevent-data-loss']],
  ['2.2.1', 1, true, 'RDS instances are encrypted at rest', ['rds-storage-encrypted'], ['manage-encryption-options']],
  ['2.2.2', 1, true, 'Auto minor version upgrade is enabled on RDS instances', ['rds-auto-minor-version-upgrade'], ['choose-supported-versions']],
  ['2.2.3', 1, true, 'RDS instances are not publicly accessible', ['rds-instance-not-public'], ['restrict-access']],
  ['2.2.4', 1, false, 'RDS uses Multi-AZ deployments', ['rds-multi-az'], ['back-up-data']],
  ['2.3.1', 1, true, 'EFS file systems are encrypted', ['efs-file-system-encryption'], ['manage-encryption-options']],
  ['3.1', 1, true, 'CloudTrail is enabled in every region', ['cloudtrail-multi-region', 'cloudtrail-logging-enabled'], ['enable-audit-logging']],
  ['3.2', 2, true, 'CloudTrail log file validation is enabled', ['cloudtrail-log-file-validation'], ['enable-audit-logging']],
  ['3.3', 2, true, 'AWS Config is enabled in every region', ['config-recording-all-regions'], ['enable-audit-logging']],
  ['3.4', 1, true, 'The CloudTrail bucket has server access logging', ['cloudtrail-bucket-access-logging'], ['enable-audit-logging']],
  ['3.5', 2, true, 'CloudTrail logs are encrypted with KMS customer managed keys', ['cloudtrail-kms-encryption'], ['enable-audit-logging']],
  ['3.6', 2, true, 'Rotation is enabled for customer-created symmetric KMS keys', ['kms-key-rotation'], ['manage-encryption-options']],
  ['3.7', 2, true, 'VPC flow logging is enabled in every VPC', ['vpc-flow-logs-enabled'], ['enable-audit-logging']],
  ['3.8', 2, true, 'Object-level logging of S3 write events is enabled', ['cloudtrail-s3-object-data-events'], ['enable-audit-logging']],
  ['3.9', 2, true, 'Object-level logging of S3 read events is enabled', ['cloudtrail-s3-object-data-events'], ['enable-audit-logging']],
  ['4.1', 2, true, 'Unauthorized API calls are monitored', ['cloudwatch-alarm-unauthorized-api-calls'], ['detect-account-compromise']],
  ['4.2', 1, false, 'Console sign-in without MFA is monitored', ['cloudwatch-alarm-console-signin-without-mfa'], ['detect-account-compromise']],
  ['4.3', 1, false, 'Use of the root user is monitored', ['cloudwatch-alarm-root-usage'], ['detect-account-compromise']],
  ['4.4', 1, false, 'IAM policy changes are monitored', ['cloudwatch-alarm-iam-policy-changes'], ['detect-insecure-user-behaviour']],
  ['4.5', 1, false, 'CloudTrail configuration changes are monitored', ['cloudwatch-alarm-cloudtrail-changes'], ['detect-insecure-user-behaviour']],
  ['4.6', 2, false, 'Console authentication failures are monitored', ['cloudwatch-alarm-console-auth-failures'], ['detect-account-compromise']],
  ['4.7', 2, false, 'Disabling or scheduled deletion of customer-created KMS keys is monitored', ['cloudwatch-alarm-cmk-disable-or-deletion'], ['detect-insecure-user-behaviour']],
  ['4.8', 1, false, 'S3 bucket policy changes are monitored', ['cloudwatch-alarm-s3-bucket-policy-changes'], ['detect-insecure-user-behaviour']],
  ['4.9', 2, false, 'AWS Config configuration changes are monitored', ['cloudwatch-alarm-config-changes'], ['detect-insecure-user-behaviour']],
  ['4.10', 2, false, 'Security group changes are monitored', ['cloudwatch-alarm-security-group-changes'], ['detect-insecure-user-behaviour']],
  ['4.11', 2, false, 'Network ACL changes are monitored', ['cloudwatch-alarm-nacl-changes'], ['detect-insecure-user-behaviour']],
  ['4.12', 1, false, 'Network gateway changes are monitored', ['cloudwatch-alarm-network-gateway-changes'], ['detect-insecure-user-behaviour']],
  ['4.13', 1, false, 'Route table changes are monitored', ['cloudwatch-alarm-route-table-changes'], ['detect-insecure-user-behaviour']],
  ['4.14', 1, false, 'VPC changes are monitored', ['cloudwatch-alarm-vpc-changes'], ['detect-insecure-user-behaviour']],
  ['4.15', 1, false, 'AWS Organizations changes are monitored', ['cloudwatch-alarm-organizations-changes'], ['detect-insecure-user-behaviour']],
  ['4.16', 2, true, 'AWS Security Hub is enabled', ['securityhub-enabled'], ['detect-account-compromise']],
  ['5.1.1', 1, true, 'EBS encryption by default is enabled in every region', ['ec2-ebs-default-encryption'], ['manage-encryption-options']],
  ['5.1.2', 1, false, 'CIFS (port 445) is reachable only from trusted networks', [], ['configure-security-groups']],
  ['5.2', 1, true, 'No network ACL allows ingress from 0.0.0.0/0 to administration ports', ['vpc-network-acl-admin-ports-open'], ['configure-security-groups']],
  ['5.3', 1, true, 'No security group allows ingress from 0.0.0.0/0 to administration ports', ['vpc-security-group-ssh-open', 'vpc-security-group-rdp-open'], ['configure-security-groups']],
  ['5.4', 1, true, 'No security group allows ingress from ::/0 to administration ports', ['vpc-security-group-ssh-open', 'vpc-security-group-rdp-open'], ['configure-security-groups']],
  ['5.5', 2, true, 'The default security group of every VPC restricts all traffic', ['vpc-default-security-group-closed'], ['configure-security-groups']],
  ['5.6', 2, false, 'Routing tables for VPC peering are least access', [], ['configure-security-groups']],
  ['5.7', 1, true, 'The EC2 metadata service allows only IMDSv2', ['ec2-imdsv2-required', 'autoscaling-launch-config-imdsv2'], ['configure-guest-os']],
];

// Items that test one address family of checks that judge both.
const FACETS: Readonly<Record<string, string>> = { '5.3': 'ipv4', '5.4': 'ipv6' };

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
    id, title, section: sectionOf(id), level, automated, checks, duties, owner: 'customer', ...(FACETS[id] ? { facet: FACETS[id] } : {}),
  })),
};
