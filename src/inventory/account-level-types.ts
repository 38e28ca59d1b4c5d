/**
 * demarc's own resource types for account-level settings that no CloudFormation type describes. Live collectors
 * produce them (one per account, or per account and region); checks read them; template scans never contain them,
 * so the checks on them are "not applicable" there. Property names follow the AWS API field names.
 */

/** `Demarc::IAM::RootAccount`, from the `<root_account>` row of the IAM credential report. Once per account. */
export interface RootAccountProperties {
  MfaActive: boolean;
  AccessKey1Active: boolean;
  AccessKey2Active: boolean;
  /** ISO date, or null when never used. */
  PasswordLastUsed: string | null;
  AccessKey1LastUsedDate: string | null;
  AccessKey2LastUsedDate: string | null;
  /** True when the root MFA is a hardware device (from ListVirtualMFADevices: no virtual device for root). */
  HardwareMfa?: boolean;
}

/** `Demarc::IAM::PasswordPolicy`, from GetAccountPasswordPolicy; `Exists: false` when the API says NoSuchEntity. */
export interface PasswordPolicyProperties {
  Exists: boolean;
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  ExpirePasswords?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

/**
 * Live `AWS::IAM::User` resources carry, besides their CloudFormation properties (`UserName`, `Groups`,
 * `ManagedPolicyArns`, `Policies`, `LoginProfile`), a `CredentialReport` object from the credential report.
 */
export interface UserCredentialReport {
  PasswordEnabled: boolean;
  PasswordLastUsed: string | null;
  PasswordLastChanged: string | null;
  MfaActive: boolean;
  /** One entry per access key slot that has a key. */
  AccessKeys: Array<{ Active: boolean; LastRotated: string | null; LastUsedDate: string | null }>;
  UserCreationTime: string;
}

/** `Demarc::EC2::EbsEncryptionDefault`, per region, from GetEbsEncryptionByDefault and GetEbsDefaultKmsKeyId. */
export interface EbsEncryptionDefaultProperties {
  EbsEncryptionByDefault: boolean;
  KmsKeyId?: string;
}

/** `Demarc::S3::AccountPublicAccessBlock`, once per account, from s3control GetPublicAccessBlock. */
export interface AccountPublicAccessBlockProperties {
  Exists: boolean;
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}

/**
 * `Demarc::GuardDuty::RegionStatus`, `Demarc::SecurityHub::RegionStatus`, `Demarc::Macie::RegionStatus`,
 * `Demarc::AccessAnalyzer::RegionStatus`: whether the service is on in one region of one account.
 */
export interface RegionServiceStatusProperties {
  Enabled: boolean;
  /** Service-specific detail: detector id, hub ARN, analyzer names and types ... */
  Detail?: Record<string, unknown>;
}

/** `Demarc::Config::RegionStatus`, per region, from DescribeConfigurationRecorders and ...RecorderStatus. */
export interface ConfigRegionStatusProperties {
  RecorderExists: boolean;
  Recording: boolean;
  AllSupported: boolean;
  IncludeGlobalResourceTypes: boolean;
}

/**
 * `Demarc::CloudTrail::RegionStatus`, per account and region, from DescribeTrails with shadow trails and
 * GetTrailStatus: every trail that records this region, whatever its home region or owning account (multi-region
 * trails homed elsewhere, organization trails of the management account). Emitted whenever the CloudTrail collector
 * runs, so a region without any trail says so (`Trails: []`) instead of saying nothing.
 */
export interface CloudTrailRegionStatusProperties {
  Trails: CloudTrailInRegion[];
}

/** One trail that applies in a region, with what the account-level checks judge; `TrailARN` finds the full trail. */
export interface CloudTrailInRegion {
  TrailARN: string;
  Name: string;
  HomeRegion: string;
  IsMultiRegionTrail: boolean;
  IsOrganizationTrail: boolean;
  /** From GetTrailStatus; an `Unknown` when that call failed. */
  IsLogging: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
}

/** `Demarc::EC2::Snapshot` (EBS) and `Demarc::RDS::Snapshot`: snapshots exist only in accounts, not templates. */
export interface SnapshotProperties {
  SnapshotId: string;
  Encrypted: boolean;
  /** True when the snapshot's create-volume permission (EBS) or restore attribute (RDS) includes `all`. */
  Public: boolean;
}

/** `Demarc::EC2::Image`: AMIs owned by the account. */
export interface ImageProperties {
  ImageId: string;
  Public: boolean;
}

/** `Demarc::IAM::ServerCertificate`, from ListServerCertificates. */
export interface ServerCertificateProperties {
  ServerCertificateName: string;
  Expiration: string;
}

/** `Demarc::EMR::BlockPublicAccess`, per region, from GetBlockPublicAccessConfiguration. */
export interface EmrBlockPublicAccessProperties {
  BlockPublicSecurityGroupRules: boolean;
}
