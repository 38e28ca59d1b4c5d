import type { Cluster } from '@aws-sdk/client-dax';
import { Unknown } from '../../../values.js';
import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const CLUSTER = 'AWS::DAX::Cluster';

/** CloudFormation's SSESpecification for the encryption a cluster has now; a change under way is neither state. */
function sseSpecification(cluster: Cluster): unknown {
  const status = cluster.SSEDescription?.Status;
  if (status === 'ENABLED') return { SSEEnabled: true };
  if (status === 'DISABLED' || status === undefined) return { SSEEnabled: false };
  return { SSEEnabled: new Unknown(`server-side encryption of the cluster is ${status}`) };
}

export default defineCollector({
  service: 'dax',
  global: false,
  resourceTypes: [CLUSTER],
  calls: ['dax:DescribeClusters'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-dax');
    const dax = ctx.client(sdk.DAXClient);
    await listing(ctx, [CLUSTER], async () => {
      for await (const page of ctx.pages(dax, 'dax:DescribeClusters', (NextToken) => new sdk.DescribeClustersCommand({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) {
        for (const cluster of page.Clusters ?? []) {
          const name = cluster.ClusterName ?? '';
          const arn = cluster.ClusterArn ?? ctx.arn('dax', `cache/${name}`);
          ctx.emit({
            type: CLUSTER,
            id: arn,
            arn,
            name,
            properties: props({
              ClusterName: name,
              NodeType: cluster.NodeType,
              IAMRoleARN: cluster.IamRoleArn,
              SSESpecification: sseSpecification(cluster),
              // The API reports NONE when the endpoint is plain; an older answer without the field means the same.
              ClusterEndpointEncryptionType: cluster.ClusterEndpointEncryptionType ?? 'NONE',
              SubnetGroupName: cluster.SubnetGroup,
              SecurityGroupIds: (cluster.SecurityGroups ?? []).map((group) => group.SecurityGroupIdentifier),
            }),
          });
        }
      }
    });
  },
});
