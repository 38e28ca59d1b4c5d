/**
 * Checks that cannot (yet) have a pass and a fail fixture from one of the three sources, and why. Keep it exact:
 * test/meta/fixture-sources.test.ts fails for an entry whose check now has both fixtures from that source, and for
 * a check that does not exist. A reason says why the source cannot express the state, never that a fixture is
 * merely missing (a `TODO` reason fails the meta-test).
 */
export type CoveredSource = 'cloudformation' | 'terraform' | 'live';

export type FixtureSourceAllowlist = Readonly<Record<string, Partial<Record<CoveredSource, string>>>>;

export const FIXTURE_SOURCE_ALLOWLIST: FixtureSourceAllowlist = {
  'accessanalyzer-enabled': {
    cloudformation: 'no fail: a template can only declare an analyzer, which is then active; a region without one is an account state',
    terraform: 'no fail: a configuration can only declare an analyzer, which is then active; a region without one is an account state',
  },
  'acm-certificate-not-expiring': {
    cloudformation: 'a template does not know when the certificate it requests will expire: only a live scan reads NotAfter',
    terraform: 'a configuration does not know when the certificate it requests will expire: only a live scan reads NotAfter',
  },
  'amplify-app-no-hardcoded-credentials': {
    live: 'a live account has no template or configuration to find a written token in, and Amplify never returns the access or OAuth token: live scans are not-applicable',
  },
  'amplify-branch-no-hardcoded-basic-auth-password': {
    live: 'a live account has no template or configuration to find a written password in: where the branch\'s basic-auth password was kept cannot be seen, so live scans are not-applicable',
  },
  'appsync-api-cache-encryption-at-rest': {
    cloudformation: 'no fail: AppSync encrypts every cache created since May 2025 whatever AtRestEncryptionEnabled says, so a template that leaves it off is unknown (it may describe an older cache); only an account reports an unencrypted cache',
    terraform: 'no fail: AppSync encrypts every cache created since May 2025 whatever at_rest_encryption_enabled says, so a configuration that leaves it off is unknown (it may describe an older cache); only an account reports an unencrypted cache',
  },
  'appsync-api-cache-encryption-in-transit': {
    cloudformation: 'no fail: AppSync encrypts every cache created since May 2025 whatever TransitEncryptionEnabled says, so a template that leaves it off is unknown (it may describe an older cache); only an account reports an unencrypted cache',
    terraform: 'no fail: AppSync encrypts every cache created since May 2025 whatever transit_encryption_enabled says, so a configuration that leaves it off is unknown (it may describe an older cache); only an account reports an unencrypted cache',
  },
  'directoryservice-directory-no-hardcoded-password': {
    live: 'Directory Service never returns the administrator password, and a live account has no template or configuration to find it written in: live scans are not-applicable',
  },
  'directoryservice-microsoft-ad-log-forwarding': {
    cloudformation: 'CloudFormation has no resource for Directory Service log subscriptions: a template cannot show forwarding on or off, so its directories are unknown',
  },
  'dms-endpoint-no-hardcoded-password': {
    live: 'DMS never returns an endpoint\'s passwords, and a live account has no template or configuration to find them written in: live scans are not-applicable',
  },
  'documentdb-cluster-no-hardcoded-password': {
    live: 'DocumentDB never returns the master password, and a live account has no template or configuration to find it written in: live scans are not-applicable',
  },
  'ebs-snapshot-encrypted': {
    cloudformation: 'EBS snapshots in the account (Demarc::EC2::Snapshot)',
    terraform: 'EBS snapshots in the account (Demarc::EC2::Snapshot)',
  },
  'ebs-snapshot-not-public': {
    cloudformation: 'EBS snapshot permissions in the account (Demarc::EC2::Snapshot)',
    terraform: 'EBS snapshot permissions in the account (Demarc::EC2::Snapshot)',
  },
  'ec2-ami-not-public': {
    cloudformation: 'AMI launch permissions in the account (Demarc::EC2::Image)',
    terraform: 'AMI launch permissions in the account (Demarc::EC2::Image)',
  },
  'ec2-ebs-default-encryption': {
    cloudformation: 'no CloudFormation resource sets EBS encryption by default (it is an account and region setting)',
  },
  'elasticache-replication-group-no-hardcoded-auth-token': {
    live: 'ElastiCache only says whether an AUTH token is set, never its value, and a live account has no template or configuration to find it written in: live scans are not-applicable',
  },
  'elb-classic-desync-mitigation': {
    cloudformation: 'no fail: AWS::ElasticLoadBalancing::LoadBalancer has no property for the desync mitigation mode, so a load balancer a template creates keeps the default, defensive',
  },
  'emr-block-public-access': {
    cloudformation: 'no CloudFormation resource type holds EMR block public access (an account and region setting)',
  },
  'iam-password-policy-min-length': {
    cloudformation: 'no CloudFormation resource type holds the account password policy',
  },
  'iam-password-policy-reuse-prevention': {
    cloudformation: 'no CloudFormation resource type holds the account password policy',
  },
  'iam-password-policy-max-age': {
    cloudformation: 'no CloudFormation resource type holds the account password policy',
  },
  'iam-password-policy-require-lowercase': {
    cloudformation: 'no CloudFormation resource type holds the account password policy',
  },
  'iam-password-policy-require-numbers': {
    cloudformation: 'no CloudFormation resource type holds the account password policy',
  },
  'iam-password-policy-require-symbols': {
    cloudformation: 'no CloudFormation resource type holds the account password policy',
  },
  'iam-password-policy-require-uppercase': {
    cloudformation: 'no CloudFormation resource type holds the account password policy',
  },
  'iam-root-hardware-mfa': {
    cloudformation: 'the root user\'s MFA device kind (Demarc::IAM::RootAccount)',
    terraform: 'the root user\'s MFA device kind (Demarc::IAM::RootAccount)',
  },
  'iam-root-mfa-enabled': {
    cloudformation: 'the root user\'s MFA, from the account summary (Demarc::IAM::RootAccount)',
    terraform: 'the root user\'s MFA, from the account summary (Demarc::IAM::RootAccount)',
  },
  'iam-root-no-access-keys': {
    cloudformation: 'the root user\'s access keys, from the account summary (Demarc::IAM::RootAccount)',
    terraform: 'the root user\'s access keys, from the account summary (Demarc::IAM::RootAccount)',
  },
  'iam-root-not-used-recently': {
    cloudformation: 'the root user\'s last use, from the credential report (Demarc::IAM::RootAccount)',
    terraform: 'the root user\'s last use, from the credential report (Demarc::IAM::RootAccount)',
    live: 'no fail: a recent root sign-in is a date within 90 days of the scan; the emulator\'s credential report has no root row and a recorded one holds a fixed date, which stops being recent',
  },
  'iam-server-certificate-not-expired': {
    cloudformation: 'server certificate expiry, read from IAM (Demarc::IAM::ServerCertificate)',
    terraform: 'server certificate expiry, read from IAM (Demarc::IAM::ServerCertificate)',
  },
  'iam-support-role-exists': {
    cloudformation: 'the roles of the whole account (Demarc::IAM::RootAccount)',
    terraform: 'the roles of the whole account (Demarc::IAM::RootAccount)',
  },
  'iam-user-access-keys-rotated': {
    cloudformation: 'a key\'s age exists only in the account: templates are not-applicable',
    terraform: 'a key\'s age exists only in the account: Terraform configurations are not-applicable',
  },
  'iam-user-console-mfa': {
    cloudformation: 'MFA devices are activated after deployment: templates are not-applicable',
    terraform: 'MFA devices are activated after deployment: Terraform configurations are not-applicable',
  },
  'iam-user-unused-credentials': {
    cloudformation: 'when credentials were last used exists only in the account: templates are not-applicable',
    terraform: 'when credentials were last used exists only in the account: Terraform configurations are not-applicable',
  },
  'kms-key-not-pending-deletion': {
    cloudformation: 'no fail: a key scheduled for deletion (PendingDeletion) is a state no template can declare',
    terraform: 'no fail: a key scheduled for deletion (PendingDeletion) is a state no configuration can declare',
  },
  'mq-broker-no-hardcoded-user-password': {
    live: 'Amazon MQ returns broker users without their passwords, and a live account has no template or configuration to find them written in: live scans are not-applicable',
  },
  'rds-no-hardcoded-master-password': {
    live: 'RDS never returns the master password, and a live account has no template or configuration to find it written in: live scans are not-applicable',
  },
  'rds-snapshot-encrypted': {
    cloudformation: 'no CloudFormation resource takes an RDS snapshot; a live account\'s snapshots are Demarc::RDS::Snapshot',
  },
  'rds-snapshot-not-public': {
    cloudformation: 'no CloudFormation resource takes or shares an RDS snapshot; a live account\'s snapshot attributes are Demarc::RDS::Snapshot',
  },
  'redshift-cluster-no-hardcoded-password': {
    live: 'Redshift never returns the admin password, and a live account has no template or configuration to find it written in: live scans are not-applicable',
  },
  's3-account-public-access-block': {
    cloudformation: 'no CloudFormation resource type holds the account-level S3 public access block',
  },
  's3-bucket-mfa-delete': {
    cloudformation: 'a template cannot set or show MFA delete (only the root user, through the API): templates are not-applicable',
  },
  'securityhub-enabled': {
    cloudformation: 'no fail: a template that declares a hub enables it; a region without one is an account state',
    terraform: 'no fail: a configuration that declares aws_securityhub_account enables it; a region without one is an account state',
  },
  'ses-email-identity-dkim-signing': {
    terraform: 'no fail: aws_sesv2_email_identity has no argument that turns DKIM signing off (only BYODKIM keys in dkim_signing_attributes), and a configuration does not know whether the DKIM records get verified',
  },
  'ses-receipt-rule-scan-enabled': {
    live: 'demarc does not collect SES receipt rules from an account: they exist only in the SES v1 API, whose SDK client is not a dependency (SES v2 has none)',
  },
  'ses-receipt-rule-tls-required': {
    live: 'demarc does not collect SES receipt rules from an account: they exist only in the SES v1 API, whose SDK client is not a dependency (SES v2 has none)',
  },
  'ssm-document-not-public': {
    cloudformation: 'no fail: AWS::SSM::Document has no sharing property, so a template cannot share a document',
  },
  'networkfirewall-stateless-rule-group-not-empty': {
    terraform: 'no fail: the provider requires at least one stateless_rule block in stateless_rules_and_custom_actions, so a configuration cannot declare an empty stateless rule group',
  },
  'vpc-eip-attached': {
    cloudformation: 'no fail: an address the template does not associate may be associated by something outside it, so it is unknown; only an account shows an unused address',
    terraform: 'no fail: an address the configuration does not associate may be associated by something outside it, so it is unknown; only an account shows an unused address',
  },
  'vpc-default-security-group-closed': {
    cloudformation: 'CloudFormation cannot manage a VPC\'s default security group (AWS creates it with the VPC)',
  },
};
