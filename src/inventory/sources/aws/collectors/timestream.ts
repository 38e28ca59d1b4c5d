import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const DATABASE = 'AWS::Timestream::Database';

export default defineCollector({
  service: 'timestream',
  global: false,
  resourceTypes: [DATABASE],
  calls: ['timestream:DescribeEndpoints', 'timestream:ListDatabases'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-timestream-write');
    const timestream = ctx.client(sdk.TimestreamWriteClient);
    await listing(ctx, [DATABASE], async () => {
      // The SDK first asks for the account's cell endpoint (endpoint discovery): asking here declares that permission
      // and turns a denial into a gap that names it.
      await ctx.call(timestream, 'timestream:DescribeEndpoints', new sdk.DescribeEndpointsCommand({}));
      for await (const page of ctx.pages(timestream, 'timestream:ListDatabases', (NextToken) => new sdk.ListDatabasesCommand({ NextToken, MaxResults: 20 }), (page) => page.NextToken)) {
        for (const database of page.Databases ?? []) {
          const name = database.DatabaseName ?? '';
          const arn = database.Arn ?? ctx.arn('timestream', `database/${name}`);
          // Timestream names the key it encrypts with, the AWS managed aws/timestream key included.
          ctx.emit({ type: DATABASE, id: arn, arn, name, properties: props({ DatabaseName: name, KmsKeyId: database.KmsKeyId }) });
        }
      }
    });
  },
});
