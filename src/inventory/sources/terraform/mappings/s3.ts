import { block, blocks, isRecord, isUnknown, nonEmpty, rename, single, tags, type FieldSpec, type MappingTable, type TypeMapping } from './dsl.js';
import { hasPolicy, policyDocument } from './shared.js';
import type { PropRecord, PropValue } from '../../../values.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
// Write access to the objects or to the ACL itself hands over the bucket; reading the ACL or the objects does not.
const WRITING = new Set(['WRITE', 'WRITE_ACP', 'FULL_CONTROL']);

/**
 * ACL grants (`grant` blocks, `access_control_policy.grant`) as the canned ACL that exposes the bucket the same way:
 * a grant to AllUsers is PublicRead (PublicReadWrite when it writes), to AuthenticatedUsers AuthenticatedRead.
 * Undefined when no grant reaches either group; unknown when a grantee or permission cannot be read.
 */
function grantsAsCannedAcl(value: PropValue | undefined, read: (grant: PropRecord) => { uri: PropValue | undefined; permissions: PropValue | undefined }): PropValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  let exposure: 'PublicReadWrite' | 'PublicRead' | 'AuthenticatedRead' | undefined;
  let doubt: PropValue | undefined;
  for (const grant of Array.isArray(value) ? value : [value]) {
    if (isUnknown(grant)) {
      doubt ??= grant;
      continue;
    }
    if (!isRecord(grant)) continue;
    const { uri, permissions } = read(grant);
    if (isUnknown(uri) || isUnknown(permissions)) {
      doubt ??= isUnknown(uri) ? uri : permissions;
      continue;
    }
    if (uri !== ALL_USERS && uri !== AUTHENTICATED_USERS) continue;
    const list = Array.isArray(permissions) ? permissions : [permissions];
    if (uri === ALL_USERS) exposure = list.some((permission) => typeof permission === 'string' && WRITING.has(permission)) ? 'PublicReadWrite' : exposure === 'PublicReadWrite' ? exposure : 'PublicRead';
    else exposure ??= 'AuthenticatedRead';
  }
  return exposure ?? doubt;
}

/**
 * The provider v3 `versioning { enabled, mfa_delete }` block: both default to false, and MFA delete needs versioning,
 * so with versioning off it is not in effect.
 */
function legacyVersioning(versioning: PropRecord): Record<string, PropValue | undefined> {
  const enabled = versioning['enabled'];
  const mfa = versioning['mfa_delete'];
  const out: Record<string, PropValue | undefined> = {};
  if (enabled === true) out['Status'] = 'Enabled';
  else if (isUnknown(enabled)) out['Status'] = enabled;
  if (enabled === false || enabled === undefined || enabled === null || mfa === false || mfa === undefined || mfa === null) out['MfaDelete'] = 'Disabled';
  else if (isUnknown(mfa)) out['MfaDelete'] = mfa;
  else if (isUnknown(enabled)) out['MfaDelete'] = enabled;
  else if (mfa === true) out['MfaDelete'] = 'Enabled';
  return out;
}

/** Terraform's canned ACL names as CloudFormation's `AccessControl` values. */
const CANNED_ACL = rename({
  private: 'Private',
  'public-read': 'PublicRead',
  'public-read-write': 'PublicReadWrite',
  'authenticated-read': 'AuthenticatedRead',
  'log-delivery-write': 'LogDeliveryWrite',
  'bucket-owner-read': 'BucketOwnerRead',
  'bucket-owner-full-control': 'BucketOwnerFullControl',
  'aws-exec-read': 'AwsExecRead',
});

const ENCRYPTION: FieldSpec = {
  rule: [
    'ServerSideEncryptionConfiguration',
    blocks({
      apply_server_side_encryption_by_default: [
        'ServerSideEncryptionByDefault',
        block({ sse_algorithm: 'SSEAlgorithm', kms_master_key_id: 'KMSMasterKeyID' }),
      ],
      bucket_key_enabled: 'BucketKeyEnabled',
    }),
  ],
};

const LOGGING: FieldSpec = { target_bucket: 'DestinationBucketName', target_prefix: 'LogFilePrefix' };

const LIFECYCLE_RULE: FieldSpec = {
  id: 'Id',
  status: 'Status',
  expiration: ['ExpirationInDays', (value) => {
    const expiration = single(value);
    return isRecord(expiration) && typeof expiration['days'] === 'number' && expiration['days'] > 0 ? expiration['days'] : undefined;
  }],
  noncurrent_version_expiration: ['NoncurrentVersionExpiration', block({ noncurrent_days: 'NoncurrentDays', newer_noncurrent_versions: 'NewerNoncurrentVersions' })],
  abort_incomplete_multipart_upload: ['AbortIncompleteMultipartUpload', block({ days_after_initiation: 'DaysAfterInitiation' })],
  transition: ['Transitions', blocks({ days: 'TransitionInDays', storage_class: 'StorageClass' })],
};

const bucketLink = { types: ['aws_s3_bucket'], attribute: 'bucket', keys: ['bucket', 'id'], mode: 'assign' } as const;

const bucket: TypeMapping = {
  cfnType: 'AWS::S3::Bucket',
  name: 'bucket',
  fields: {
    bucket: 'BucketName',
    tags: ['Tags', tags],
    object_lock_enabled: 'ObjectLockEnabled',
    acl: ['AccessControl', CANNED_ACL],
    // Provider v3 inline blocks; in v4 and later they are computed mirrors of the separate resources below.
    versioning: ['VersioningConfiguration', block({}, legacyVersioning)],
    server_side_encryption_configuration: ['BucketEncryption', block(ENCRYPTION)],
    logging: ['LoggingConfiguration', block(LOGGING)],
    lifecycle_rule: ['LifecycleConfiguration.Rules', (value, all) => nonEmpty(blocks({ id: 'Id' }, (rule) => ({ Status: rule['enabled'] === true ? 'Enabled' : 'Disabled' }))(value, all) ?? [], all)],
  },
  // Provider v3 `grant` blocks: the public exposure they give, in the canned ACL that gives the same.
  build: (attributes) => ({ AccessControl: grantsAsCannedAcl(attributes['grant'], (grant) => ({ uri: grant['uri'], permissions: grant['permissions'] })) }),
  computed: ['versioning', 'server_side_encryption_configuration', 'logging', 'acl', 'lifecycle_rule', 'replication_configuration', 'object_lock_configuration', 'policy', 'grant', 'website', 'cors_rule'],
  // Provider v3 `policy` argument: the bucket policy that aws_s3_bucket_policy would attach.
  companions: (attributes, self) =>
    hasPolicy(attributes['policy'])
      ? [{ suffix: '#policy', cfnType: 'AWS::S3::BucketPolicy', properties: { Bucket: self, PolicyDocument: policyDocument(attributes['policy'] ?? null, attributes) ?? null } }]
      : [],
};

export const s3Mappings: MappingTable = {
  aws_s3_bucket: bucket,
  aws_s3_bucket_versioning: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    // The provider computes `mfa_delete` when it is not configured (empty in state, unknown in a plan): then it says
    // nothing, as in a template; either way the check cannot tell MFA delete from the configuration alone.
    fields: { versioning_configuration: ['VersioningConfiguration', block({ status: 'Status', mfa_delete: ['MfaDelete', (value) => (value === '' || isUnknown(value) ? undefined : value)] })] },
  },
  aws_s3_bucket_server_side_encryption_configuration: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    fields: { rule: ['BucketEncryption', (value, all) => block(ENCRYPTION)([{ rule: value }], all)] },
  },
  aws_s3_bucket_public_access_block: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    fields: {
      block_public_acls: 'PublicAccessBlockConfiguration.BlockPublicAcls',
      block_public_policy: 'PublicAccessBlockConfiguration.BlockPublicPolicy',
      ignore_public_acls: 'PublicAccessBlockConfiguration.IgnorePublicAcls',
      restrict_public_buckets: 'PublicAccessBlockConfiguration.RestrictPublicBuckets',
    },
  },
  aws_s3_bucket_logging: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    build: (attributes) => ({ LoggingConfiguration: block(LOGGING)([attributes], attributes) ?? {} }),
  },
  aws_s3_bucket_acl: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    fields: { acl: ['AccessControl', CANNED_ACL] },
    build: (attributes) => {
      const policy = single(attributes['access_control_policy']);
      if (!isRecord(policy)) return {};
      return {
        AccessControl: grantsAsCannedAcl(policy['grant'], (grant) => {
          const grantee = single(grant['grantee']);
          return { uri: isRecord(grantee) ? grantee['uri'] : grantee, permissions: grant['permission'] };
        }),
      };
    },
  },
  aws_s3_bucket_ownership_controls: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    fields: { rule: ['OwnershipControls.Rules', blocks({ object_ownership: 'ObjectOwnership' })] },
  },
  aws_s3_bucket_lifecycle_configuration: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    fields: { rule: ['LifecycleConfiguration.Rules', blocks(LIFECYCLE_RULE)] },
  },
  aws_s3_bucket_replication_configuration: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    fields: {
      role: 'ReplicationConfiguration.Role',
      rule: ['ReplicationConfiguration.Rules', blocks({ id: 'Id', status: 'Status', priority: 'Priority', destination: ['Destination', block({ bucket: 'Bucket', storage_class: 'StorageClass' })] })],
    },
  },
  aws_s3_bucket_object_lock_configuration: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    fields: {
      object_lock_enabled: 'ObjectLockEnabled',
      rule: ['ObjectLockConfiguration.Rule', block({ default_retention: ['DefaultRetention', block({ mode: 'Mode', days: 'Days', years: 'Years' })] })],
    },
    build: () => ({ ObjectLockEnabled: true }),
  },
  aws_s3_bucket_policy: {
    cfnType: 'AWS::S3::BucketPolicy',
    fields: { bucket: 'Bucket', policy: ['PolicyDocument', policyDocument] },
  },
  aws_s3_account_public_access_block: {
    cfnType: 'Demarc::S3::AccountPublicAccessBlock',
    fields: {
      block_public_acls: 'BlockPublicAcls',
      block_public_policy: 'BlockPublicPolicy',
      ignore_public_acls: 'IgnorePublicAcls',
      restrict_public_buckets: 'RestrictPublicBuckets',
    },
    build: () => ({ Exists: true }),
  },
};
