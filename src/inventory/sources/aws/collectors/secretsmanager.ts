import { defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props } from '../props.js';

const SECRET = 'AWS::SecretsManager::Secret';
const ROTATION = 'AWS::SecretsManager::RotationSchedule';
const POLICY = 'AWS::SecretsManager::ResourcePolicy';

export default defineCollector({
  service: 'secretsmanager',
  global: false,
  resourceTypes: [SECRET, ROTATION, POLICY],
  calls: ['secretsmanager:ListSecrets', 'secretsmanager:GetResourcePolicy'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-secrets-manager');
    const secrets = ctx.client(sdk.SecretsManagerClient);
    await listing(ctx, [SECRET, ROTATION, POLICY], async () => {
      const found = [];
      for await (const page of ctx.pages(secrets, 'secretsmanager:ListSecrets', (NextToken) => new sdk.ListSecretsCommand({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) found.push(...(page.SecretList ?? []));
      await ctx.each(found, async (secret) => {
        if (!secret.ARN) return;
        const arn = secret.ARN;
        ctx.emit({
          type: SECRET,
          id: arn,
          arn,
          name: secret.Name,
          properties: props({ Name: secret.Name, Description: secret.Description, KmsKeyId: secret.KmsKeyId, RotationEnabled: secret.RotationEnabled === true, LastRotatedDate: secret.LastRotatedDate, LastAccessedDate: secret.LastAccessedDate, CreatedDate: secret.CreatedDate }),
        });
        if (secret.RotationEnabled && ctx.wants(ROTATION)) {
          ctx.emit({
            type: ROTATION,
            id: `${arn}/rotation`,
            name: secret.Name,
            properties: props({ SecretId: arn, RotationLambdaARN: secret.RotationLambdaARN, RotationRules: secret.RotationRules ? { AutomaticallyAfterDays: secret.RotationRules.AutomaticallyAfterDays, ScheduleExpression: secret.RotationRules.ScheduleExpression } : undefined }),
          });
        }
        if (ctx.wants(POLICY)) {
          const policy = await ctx.detail(secrets, 'secretsmanager:GetResourcePolicy', new sdk.GetResourcePolicyCommand({ SecretId: arn }), arn, ['ResourceNotFoundException']);
          const document = fromDetail(policy, (output) => policyDocument(output.ResourcePolicy));
          if (document !== undefined) ctx.emit({ type: POLICY, id: `${arn}/policy`, name: secret.Name, properties: { SecretId: arn, ResourcePolicy: document } });
        }
      });
    });
  },
});
