import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props } from '../props.js';

const TABLE = 'AWS::DynamoDB::Table';

export default defineCollector({
  service: 'dynamodb',
  global: false,
  resourceTypes: [TABLE],
  calls: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups', 'dynamodb:GetResourcePolicy'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-dynamodb');
    const dynamodb = ctx.client(sdk.DynamoDBClient);
    await listing(ctx, [TABLE], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(dynamodb, 'dynamodb:ListTables', (ExclusiveStartTableName) => new sdk.ListTablesCommand({ ExclusiveStartTableName, Limit: 100 }), (page) => page.LastEvaluatedTableName)) names.push(...(page.TableNames ?? []));
      await ctx.each(names, async (TableName) => {
        const arn = ctx.arn('dynamodb', `table/${TableName}`);
        const [described, backups, resourcePolicy] = await Promise.all([
          ctx.detail(dynamodb, 'dynamodb:DescribeTable', new sdk.DescribeTableCommand({ TableName }), arn, ['ResourceNotFoundException']),
          ctx.detail(dynamodb, 'dynamodb:DescribeContinuousBackups', new sdk.DescribeContinuousBackupsCommand({ TableName }), arn, ['TableNotFoundException']),
          // PolicyNotFoundException: the table has no resource policy.
          ctx.detail(dynamodb, 'dynamodb:GetResourcePolicy', new sdk.GetResourcePolicyCommand({ ResourceArn: arn }), arn, ['PolicyNotFoundException']),
        ]);
        if (described === ABSENT) return;
        const table = described instanceof Unknown ? undefined : described.Table;
        const sse = table?.SSEDescription;
        ctx.emit({
          type: TABLE,
          id: table?.TableArn ?? arn,
          arn: table?.TableArn ?? arn,
          name: TableName,
          properties: props({
            TableName,
            BillingMode: table?.BillingModeSummary?.BillingMode ?? (table ? 'PROVISIONED' : undefined),
            TableClass: table?.TableClassSummary?.TableClass,
            DeletionProtectionEnabled: described instanceof Unknown ? described : table?.DeletionProtectionEnabled === true,
            // No SSEDescription: the table uses an AWS owned key, which CloudFormation spells SSEEnabled false.
            SSESpecification: described instanceof Unknown ? described : sse && sse.Status === 'ENABLED' ? { SSEEnabled: true, SSEType: sse.SSEType, KMSMasterKeyId: sse.KMSMasterKeyArn } : { SSEEnabled: false },
            PointInTimeRecoverySpecification: fromDetail(backups, (output) => ({
              PointInTimeRecoveryEnabled: output.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED',
            })),
            ResourcePolicy: fromDetail(resourcePolicy, (output) => (output?.Policy ? { PolicyDocument: policyDocument(output.Policy) } : undefined)),
            StreamSpecification: table?.StreamSpecification?.StreamEnabled ? { StreamViewType: table.StreamSpecification.StreamViewType } : undefined,
            ItemCount: table?.ItemCount,
          }),
        });
      });
    });
  },
});
