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
  'emr-block-public-access': {
    cloudformation: 'no CloudFormation resource type holds EMR block public access (an account and region setting)',
  },
  'iam-password-policy-min-length': {
    cloudformation: 'no CloudFormation resource type holds the account password policy',
  },
  'iam-password-policy-reuse-prevention': {
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
  'rds-snapshot-not-public': {
    cloudformation: 'RDS snapshot attributes in the account (Demarc::RDS::Snapshot)',
    terraform: 'RDS snapshot attributes in the account (Demarc::RDS::Snapshot)',
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
  'ssm-document-not-public': {
    cloudformation: 'no fail: AWS::SSM::Document has no sharing property, so a template cannot share a document',
  },
  'vpc-default-security-group-closed': {
    cloudformation: 'CloudFormation cannot manage a VPC\'s default security group (AWS creates it with the VPC)',
  },
};
