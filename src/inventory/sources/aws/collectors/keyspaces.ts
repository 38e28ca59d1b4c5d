import type { GetTableCommandOutput } from '@aws-sdk/client-keyspaces';
import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const TABLE = 'AWS::Cassandra::Table';

// Keyspaces lists its own system keyspaces (system, system_schema, system_schema_mcs ...) beside the customer's.
const isSystemKeyspace = (name: string): boolean => name.startsWith('system');

function encryptionSpecification(output: GetTableCommandOutput): unknown {
  const spec = output.encryptionSpecification;
  if (spec === undefined) return new Unknown('GetTable did not report the encryption specification');
  return { EncryptionType: spec.type, KmsKeyIdentifier: spec.kmsKeyIdentifier };
}

function pointInTimeRecovery(output: GetTableCommandOutput): unknown {
  const status = output.pointInTimeRecovery?.status;
  if (status === 'ENABLED') return true;
  if (status === 'DISABLED') return false;
  return new Unknown(status === undefined ? 'GetTable did not report point-in-time recovery' : `point-in-time recovery is ${status}`);
}

export default defineCollector({
  service: 'keyspaces',
  global: false,
  resourceTypes: [TABLE],
  // Amazon Keyspaces authorises reading keyspaces and tables, through its API too, with cassandra:Select.
  calls: ['cassandra:Select'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-keyspaces');
    const keyspaces = ctx.client(sdk.KeyspacesClient);
    await listing(ctx, [TABLE], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(keyspaces, 'cassandra:Select', (nextToken) => new sdk.ListKeyspacesCommand({ nextToken, maxResults: 100 }), (page) => page.nextToken)) {
        for (const keyspace of page.keyspaces ?? []) if (keyspace.keyspaceName && !isSystemKeyspace(keyspace.keyspaceName)) names.push(keyspace.keyspaceName);
      }
      const tables: Array<{ keyspace: string; table: string; arn: string }> = [];
      for (const keyspaceName of names) {
        for await (const page of ctx.pages(keyspaces, 'cassandra:Select', (nextToken) => new sdk.ListTablesCommand({ keyspaceName, nextToken, maxResults: 100 }), (page) => page.nextToken)) {
          for (const summary of page.tables ?? []) {
            if (!summary.tableName) continue;
            tables.push({ keyspace: keyspaceName, table: summary.tableName, arn: summary.resourceArn ?? ctx.arn('cassandra', `/keyspace/${keyspaceName}/table/${summary.tableName}`) });
          }
        }
      }
      await ctx.each(tables, async (table) => {
        const described = await ctx.detail(keyspaces, 'cassandra:Select', new sdk.GetTableCommand({ keyspaceName: table.keyspace, tableName: table.table }), table.arn, ['ResourceNotFoundException']);
        if (described === ABSENT) return;
        ctx.emit({
          type: TABLE,
          id: table.arn,
          arn: table.arn,
          name: `${table.keyspace}.${table.table}`,
          properties: props({
            KeyspaceName: table.keyspace,
            TableName: table.table,
            EncryptionSpecification: fromDetail(described, encryptionSpecification),
            PointInTimeRecoveryEnabled: fromDetail(described, pointInTimeRecovery),
          }),
        });
      });
    });
  },
});
