import type { Cluster } from '@aws-sdk/client-memorydb';
import { Unknown } from '../../../values.js';
import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const CLUSTER = 'AWS::MemoryDB::Cluster';

/** A setting DescribeClusters always reports: its absence is a reply the scan cannot read, not the default. */
const reported = <T>(value: T | undefined, name: string): T | Unknown => value ?? new Unknown(`DescribeClusters did not report ${name}`);

function properties(cluster: Cluster, name: string) {
  return props({
    ClusterName: name,
    ACLName: reported(cluster.ACLName, 'ACLName'),
    NodeType: cluster.NodeType,
    Engine: cluster.Engine,
    EngineVersion: cluster.EngineVersion,
    TLSEnabled: reported(cluster.TLSEnabled, 'TLSEnabled'),
    // Absent when the cluster uses the key AWS owns.
    KmsKeyId: cluster.KmsKeyId,
    SnapshotRetentionLimit: reported(cluster.SnapshotRetentionLimit, 'SnapshotRetentionLimit'),
    AutoMinorVersionUpgrade: reported(cluster.AutoMinorVersionUpgrade, 'AutoMinorVersionUpgrade'),
    SubnetGroupName: cluster.SubnetGroupName,
    ParameterGroupName: cluster.ParameterGroupName,
    SecurityGroupIds: (cluster.SecurityGroups ?? []).map((group) => group.SecurityGroupId),
  });
}

export default defineCollector({
  service: 'memorydb',
  global: false,
  resourceTypes: [CLUSTER],
  calls: ['memorydb:DescribeClusters'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-memorydb');
    const memorydb = ctx.client(sdk.MemoryDBClient);
    await listing(ctx, [CLUSTER], async () => {
      for await (const page of ctx.pages(memorydb, 'memorydb:DescribeClusters', (NextToken) => new sdk.DescribeClustersCommand({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) {
        for (const cluster of page.Clusters ?? []) {
          const name = cluster.Name ?? '';
          const arn = cluster.ARN ?? ctx.arn('memorydb', `cluster/${name}`);
          ctx.emit({ type: CLUSTER, id: arn, arn, name, properties: properties(cluster, name) });
        }
      }
    });
  },
});
