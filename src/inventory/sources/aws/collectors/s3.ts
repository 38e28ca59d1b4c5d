import type { PropValue } from '../../../values.js';
import { defineCollector, listing, type CollectorContext } from '../collector.js';
import { AwsCallError } from '../errors.js';
import { fromDetail, policyDocument, props, tagsList } from '../props.js';

const BUCKET = 'AWS::S3::Bucket';
const BUCKET_POLICY = 'AWS::S3::BucketPolicy';
const ACCOUNT_BLOCK = 'Demarc::S3::AccountPublicAccessBlock';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

/** The canned ACL (CloudFormation `AccessControl`) that an ACL's grants amount to. */
export function cannedAcl(grants: ReadonlyArray<{ Grantee?: { URI?: string }; Permission?: string }>): string {
  const to = (uri: string): string[] => grants.filter((grant) => grant.Grantee?.URI === uri).map((grant) => grant.Permission ?? '');
  const everyone = to(ALL_USERS);
  if (everyone.includes('WRITE') || everyone.includes('FULL_CONTROL')) return 'PublicReadWrite';
  if (everyone.length > 0) return 'PublicRead';
  if (to(AUTHENTICATED_USERS).length > 0) return 'AuthenticatedRead';
  return 'Private';
}

/** GetBucketLocation answers null for us-east-1 and `EU` for the oldest eu-west-1 buckets. */
export function regionOfLocation(location: string | undefined | null): string {
  if (!location) return 'us-east-1';
  return location === 'EU' ? 'eu-west-1' : location;
}

export default defineCollector({
  service: 's3',
  global: true,
  resourceTypes: [BUCKET, BUCKET_POLICY, ACCOUNT_BLOCK],
  calls: [
    's3:ListAllMyBuckets',
    's3:GetBucketLocation',
    's3:GetEncryptionConfiguration',
    's3:GetBucketVersioning',
    's3:GetBucketPublicAccessBlock',
    's3:GetBucketLogging',
    's3:GetBucketPolicy',
    's3:GetBucketAcl',
    's3:GetBucketOwnershipControls',
    's3:GetBucketTagging',
    's3:GetBucketObjectLockConfiguration',
    's3:GetReplicationConfiguration',
    's3:GetLifecycleConfiguration',
    's3:GetBucketNotification',
    's3:GetAccountPublicAccessBlock',
  ],
  async collect(ctx) {
    await listing(ctx, [BUCKET, BUCKET_POLICY], () => buckets(ctx));
    if (ctx.wants(ACCOUNT_BLOCK)) await accountBlock(ctx);
  },
});

async function buckets(ctx: CollectorContext): Promise<void> {
  const sdk = await import('@aws-sdk/client-s3');
  const home = ctx.client(sdk.S3Client);
  const found: Array<{ name: string; region: string | undefined; created: Date | undefined }> = [];
  for await (const page of ctx.pages(home, 's3:ListAllMyBuckets', (ContinuationToken) => new sdk.ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken }), (page) => page.ContinuationToken)) {
    for (const bucket of page.Buckets ?? []) if (bucket.Name) found.push({ name: bucket.Name, region: bucket.BucketRegion, created: bucket.CreationDate });
  }
  await ctx.each(found, async (bucket) => {
    const Bucket = bucket.name;
    const arn = `arn:${ctx.partition}:s3:::${Bucket}`;
    let region = bucket.region;
    if (region === undefined) {
      const location = await ctx.detail(home, 's3:GetBucketLocation', new sdk.GetBucketLocationCommand({ Bucket }), arn);
      region = typeof location === 'object' && 'LocationConstraint' in location ? regionOfLocation(location.LocationConstraint) : regionOfLocation(undefined);
    }
    const s3 = ctx.client(sdk.S3Client, region);
    const [encryption, versioning, block, logging, policy, acl, ownership, tagging, objectLock, replication, lifecycle, notification] = await Promise.all([
      ctx.detail(s3, 's3:GetEncryptionConfiguration', new sdk.GetBucketEncryptionCommand({ Bucket }), arn, ['ServerSideEncryptionConfigurationNotFoundError']),
      ctx.detail(s3, 's3:GetBucketVersioning', new sdk.GetBucketVersioningCommand({ Bucket }), arn),
      ctx.detail(s3, 's3:GetBucketPublicAccessBlock', new sdk.GetPublicAccessBlockCommand({ Bucket }), arn, ['NoSuchPublicAccessBlockConfiguration']),
      ctx.detail(s3, 's3:GetBucketLogging', new sdk.GetBucketLoggingCommand({ Bucket }), arn),
      ctx.detail(s3, 's3:GetBucketPolicy', new sdk.GetBucketPolicyCommand({ Bucket }), arn, ['NoSuchBucketPolicy']),
      ctx.detail(s3, 's3:GetBucketAcl', new sdk.GetBucketAclCommand({ Bucket }), arn),
      ctx.detail(s3, 's3:GetBucketOwnershipControls', new sdk.GetBucketOwnershipControlsCommand({ Bucket }), arn, ['OwnershipControlsNotFoundError']),
      ctx.detail(s3, 's3:GetBucketTagging', new sdk.GetBucketTaggingCommand({ Bucket }), arn, ['NoSuchTagSet']),
      ctx.detail(s3, 's3:GetBucketObjectLockConfiguration', new sdk.GetObjectLockConfigurationCommand({ Bucket }), arn, ['ObjectLockConfigurationNotFoundError']),
      ctx.detail(s3, 's3:GetReplicationConfiguration', new sdk.GetBucketReplicationCommand({ Bucket }), arn, ['ReplicationConfigurationNotFoundError']),
      ctx.detail(s3, 's3:GetLifecycleConfiguration', new sdk.GetBucketLifecycleConfigurationCommand({ Bucket }), arn, ['NoSuchLifecycleConfiguration']),
      ctx.detail(s3, 's3:GetBucketNotification', new sdk.GetBucketNotificationConfigurationCommand({ Bucket }), arn),
    ]);
    ctx.emit({
      type: BUCKET,
      id: arn,
      arn,
      name: Bucket,
      region,
      properties: props({
        BucketName: Bucket,
        BucketEncryption: fromDetail(encryption, (output) => ({
          ServerSideEncryptionConfiguration: (output.ServerSideEncryptionConfiguration?.Rules ?? []).map((rule) => ({
            ServerSideEncryptionByDefault: rule.ApplyServerSideEncryptionByDefault
              ? { SSEAlgorithm: rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm, KMSMasterKeyID: rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID }
              : undefined,
            BucketKeyEnabled: rule.BucketKeyEnabled,
          })),
        })),
        // An empty answer means versioning was never enabled: the property is absent, as in a template. MFA delete has
        // no CloudFormation property; it is kept beside Status, where the checks read it (a live-only state).
        VersioningConfiguration: fromDetail(versioning, (output) => (output.Status || output.MFADelete ? { Status: output.Status, MfaDelete: output.MFADelete } : undefined)),
        PublicAccessBlockConfiguration: fromDetail(block, (output) => output.PublicAccessBlockConfiguration),
        LoggingConfiguration: fromDetail(logging, (output) =>
          output.LoggingEnabled ? { DestinationBucketName: output.LoggingEnabled.TargetBucket, LogFilePrefix: output.LoggingEnabled.TargetPrefix } : undefined,
        ),
        AccessControl: fromDetail(acl, (output) => cannedAcl(output.Grants ?? [])),
        OwnershipControls: fromDetail(ownership, (output) => ({ Rules: (output.OwnershipControls?.Rules ?? []).map((rule) => ({ ObjectOwnership: rule.ObjectOwnership })) })),
        // ObjectLockConfigurationNotFoundError: Object Lock was never turned on, as an absent ObjectLockEnabled says.
        ObjectLockEnabled: fromDetail(objectLock, (output) => output?.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled'),
        ObjectLockConfiguration: fromDetail(objectLock, (output) => output?.ObjectLockConfiguration),
        ReplicationConfiguration: fromDetail(replication, (output) => {
          const configuration = output?.ReplicationConfiguration;
          if (!configuration) return undefined;
          return {
            Role: configuration.Role,
            Rules: (configuration.Rules ?? []).map((rule) => ({ Id: rule.ID, Status: rule.Status, Priority: rule.Priority, Destination: rule.Destination ? { Bucket: rule.Destination.Bucket, StorageClass: rule.Destination.StorageClass, Account: rule.Destination.Account } : undefined })),
          };
        }),
        // NoSuchLifecycleConfiguration: the bucket has no lifecycle rules, as an absent LifecycleConfiguration says.
        LifecycleConfiguration: fromDetail(lifecycle, (output) => (output?.Rules ? { Rules: output.Rules.map((rule) => ({ Id: rule.ID, Status: rule.Status })) } : undefined)),
        // An empty answer means no notification is set: the property is absent, as in a template.
        NotificationConfiguration: fromDetail(notification, (output) => notificationConfiguration(output)),
        CreationDate: bucket.created,
        // NoSuchTagSet: the bucket has no tags, which is what an absent Tags property says.
        Tags: fromDetail(tagging, (output) => tagsList(output?.TagSet)),
      }),
    });
    const document: PropValue | undefined = fromDetail(policy, (output) => output.Policy);
    if (document !== undefined && ctx.wants(BUCKET_POLICY)) {
      ctx.emit({
        type: BUCKET_POLICY,
        id: `${arn}/policy`,
        name: Bucket,
        region,
        properties: { Bucket, PolicyDocument: typeof document === 'string' ? (policyDocument(document) ?? null) : document },
      });
    }
  });
}

interface NotificationOutput {
  TopicConfigurations?: Array<{ TopicArn?: string; Events?: string[] }>;
  QueueConfigurations?: Array<{ QueueArn?: string; Events?: string[] }>;
  LambdaFunctionConfigurations?: Array<{ LambdaFunctionArn?: string; Events?: string[] }>;
  EventBridgeConfiguration?: object;
}

/** GetBucketNotificationConfiguration's answer in CloudFormation's NotificationConfiguration shape: one entry an event. */
export function notificationConfiguration(output: NotificationOutput | undefined): PropValue | undefined {
  if (!output) return undefined;
  const each = <T extends { Events?: string[] }>(items: T[] | undefined, target: (item: T) => Record<string, string | undefined>) =>
    (items ?? []).flatMap((item) => (item.Events ?? []).map((Event) => ({ ...target(item), Event })));
  const topics = each(output.TopicConfigurations, (item) => ({ Topic: item.TopicArn }));
  const queues = each(output.QueueConfigurations, (item) => ({ Queue: item.QueueArn }));
  const functions = each(output.LambdaFunctionConfigurations, (item) => ({ Function: item.LambdaFunctionArn }));
  const eventBridge = output.EventBridgeConfiguration !== undefined;
  if (topics.length + queues.length + functions.length === 0 && !eventBridge) return undefined;
  return props({
    TopicConfigurations: topics.length > 0 ? topics : undefined,
    QueueConfigurations: queues.length > 0 ? queues : undefined,
    LambdaConfigurations: functions.length > 0 ? functions : undefined,
    EventBridgeConfiguration: eventBridge ? { EventBridgeEnabled: true } : undefined,
  });
}

async function accountBlock(ctx: CollectorContext): Promise<void> {
  const { S3ControlClient, GetPublicAccessBlockCommand } = await import('@aws-sdk/client-s3-control');
  const control = ctx.client(S3ControlClient);
  const id = `arn:${ctx.partition}:s3:::account/${ctx.account}/public-access-block`;
  try {
    const output = await ctx.call(control, 's3:GetAccountPublicAccessBlock', new GetPublicAccessBlockCommand({ AccountId: ctx.account }));
    ctx.emit({ type: ACCOUNT_BLOCK, id, name: 'account-public-access-block', region: null, properties: props({ Exists: true, ...output.PublicAccessBlockConfiguration }) });
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    if (error.is('NoSuchPublicAccessBlockConfiguration')) ctx.emit({ type: ACCOUNT_BLOCK, id, name: 'account-public-access-block', region: null, properties: { Exists: false } });
    else ctx.gap([ACCOUNT_BLOCK], error, 's3:GetAccountPublicAccessBlock');
  }
}
