import { block, blocks, isRecord, isUnknown, nonEmpty, rename, single, tags, type FieldSpec, type MappingTable, type TypeMapping } from './dsl.js';
import { policyDocument } from './shared.js';

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
    versioning: ['VersioningConfiguration', block({}, (v) => (v['enabled'] === true ? { Status: 'Enabled' } : {}))],
    server_side_encryption_configuration: ['BucketEncryption', block(ENCRYPTION)],
    logging: ['LoggingConfiguration', block(LOGGING)],
    lifecycle_rule: ['LifecycleConfiguration.Rules', (value, all) => nonEmpty(blocks({ id: 'Id' }, (rule) => ({ Status: rule['enabled'] === true ? 'Enabled' : 'Disabled' }))(value, all) ?? [], all)],
  },
  computed: ['versioning', 'server_side_encryption_configuration', 'logging', 'acl', 'lifecycle_rule', 'replication_configuration', 'object_lock_configuration', 'policy', 'grant', 'website', 'cors_rule'],
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
