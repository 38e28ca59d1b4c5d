import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props } from '../props.js';

const KEY = 'AWS::KMS::Key';
const ALIAS = 'AWS::KMS::Alias';

export default defineCollector({
  service: 'kms',
  global: false,
  resourceTypes: [KEY, ALIAS],
  calls: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy', 'kms:ListAliases'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-kms');
    const kms = ctx.client(sdk.KMSClient);
    await listing(ctx, [KEY], async () => {
      const keys: string[] = [];
      for await (const page of ctx.pages(kms, 'kms:ListKeys', (Marker) => new sdk.ListKeysCommand({ Marker, Limit: 1000 }), (page) => (page.Truncated ? page.NextMarker : undefined))) {
        for (const key of page.Keys ?? []) if (key.KeyArn) keys.push(key.KeyArn);
      }
      await ctx.each(keys, async (arn) => {
        const described = await ctx.detail(kms, 'kms:DescribeKey', new sdk.DescribeKeyCommand({ KeyId: arn }), arn, ['NotFoundException']);
        if (described === ABSENT) return; // deleted between the listing and now
        // Unread details stay Unknown with the reason: an absent KeyState or Enabled would read as a key in use.
        const unread = described instanceof Unknown ? described : undefined;
        const metadata = described instanceof Unknown ? undefined : described.KeyMetadata;
        const awsManaged = metadata?.KeyManager === 'AWS';
        const usable = metadata?.KeyState !== 'PendingDeletion' && metadata?.KeyState !== 'PendingReplicaDeletion';
        // AWS rotates its managed keys itself; only customer keys with symmetric key material can rotate.
        const rotates = !awsManaged && usable && metadata?.KeySpec === 'SYMMETRIC_DEFAULT' && metadata.Origin === 'AWS_KMS';
        // The key policy is read for every key, pending deletion and AWS managed ones too (KMS answers GetKeyPolicy
        // in every key state): a policy not read is Unknown, never "no policy given".
        const [rotation, policy] = await Promise.all([
          rotates ? ctx.detail(kms, 'kms:GetKeyRotationStatus', new sdk.GetKeyRotationStatusCommand({ KeyId: arn }), arn) : undefined,
          ctx.detail(kms, 'kms:GetKeyPolicy', new sdk.GetKeyPolicyCommand({ KeyId: arn, PolicyName: 'default' }), arn),
        ]);
        ctx.emit({
          type: KEY,
          id: arn,
          arn,
          name: metadata?.KeyId ?? arn.split('/').pop() ?? arn,
          ...(awsManaged ? { managedBy: { owner: 'provider' as const, reason: 'AWS managed KMS key: AWS sets its policy and rotates it every year' } } : {}),
          properties: props({
            KeyId: metadata?.KeyId ?? arn.split('/').pop(),
            Description: metadata?.Description,
            Enabled: unread ?? metadata?.Enabled,
            KeyState: unread ?? metadata?.KeyState,
            KeyManager: unread ?? metadata?.KeyManager,
            KeySpec: unread ?? metadata?.KeySpec,
            KeyUsage: unread ?? metadata?.KeyUsage,
            Origin: unread ?? metadata?.Origin,
            MultiRegion: unread ?? metadata?.MultiRegion,
            DeletionDate: metadata?.DeletionDate,
            EnableKeyRotation: unread ?? (rotation === undefined ? (awsManaged ? true : undefined) : fromDetail(rotation, (output) => output.KeyRotationEnabled === true)),
            RotationPeriodInDays: rotation === undefined ? undefined : fromDetail(rotation, (output) => output.RotationPeriodInDays),
            KeyPolicy: fromDetail(policy, (output) => policyDocument(output.Policy) ?? new Unknown('kms:GetKeyPolicy returned no policy document')),
          }),
        });
      });
    });
    await listing(ctx, [ALIAS], async () => {
      for await (const page of ctx.pages(kms, 'kms:ListAliases', (Marker) => new sdk.ListAliasesCommand({ Marker, Limit: 100 }), (page) => (page.Truncated ? page.NextMarker : undefined))) {
        for (const alias of page.Aliases ?? []) {
          if (!alias.AliasArn) continue;
          ctx.emit({ type: ALIAS, id: alias.AliasArn, arn: alias.AliasArn, name: alias.AliasName, properties: props({ AliasName: alias.AliasName, TargetKeyId: alias.TargetKeyId }) });
        }
      }
    });
  },
});
