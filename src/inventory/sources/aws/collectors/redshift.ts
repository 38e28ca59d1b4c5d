import { defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const CLUSTER = 'AWS::Redshift::Cluster';

export default defineCollector({
  service: 'redshift',
  global: false,
  resourceTypes: [CLUSTER],
  calls: ['redshift:DescribeClusters', 'redshift:DescribeLoggingStatus'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-redshift');
    const redshift = ctx.client(sdk.RedshiftClient);
    await listing(ctx, [CLUSTER], async () => {
      const clusters = [];
      for await (const page of ctx.pages(redshift, 'redshift:DescribeClusters', (Marker) => new sdk.DescribeClustersCommand({ Marker, MaxRecords: 100 }), (page) => page.Marker)) clusters.push(...(page.Clusters ?? []));
      await ctx.each(clusters, async (cluster) => {
        const id = cluster.ClusterIdentifier ?? '';
        const arn = cluster.ClusterNamespaceArn ? ctx.arn('redshift', `cluster:${id}`) : ctx.arn('redshift', `cluster:${id}`);
        const logging = await ctx.detail(redshift, 'redshift:DescribeLoggingStatus', new sdk.DescribeLoggingStatusCommand({ ClusterIdentifier: id }), arn);
        ctx.emit({
          type: CLUSTER,
          id: arn,
          arn,
          name: id,
          properties: props({
            ClusterIdentifier: id,
            NodeType: cluster.NodeType,
            Encrypted: cluster.Encrypted === true,
            KmsKeyId: cluster.KmsKeyId,
            PubliclyAccessible: cluster.PubliclyAccessible === true,
            AutomatedSnapshotRetentionPeriod: cluster.AutomatedSnapshotRetentionPeriod,
            EnhancedVpcRouting: cluster.EnhancedVpcRouting === true,
            AllowVersionUpgrade: cluster.AllowVersionUpgrade,
            ClusterParameterGroupName: cluster.ClusterParameterGroups?.[0]?.ParameterGroupName,
            VpcSecurityGroupIds: (cluster.VpcSecurityGroups ?? []).map((group) => group.VpcSecurityGroupId),
            LoggingProperties: fromDetail(logging, (output) => (output.LoggingEnabled ? { BucketName: output.BucketName, S3KeyPrefix: output.S3KeyPrefix, LogDestinationType: output.LogDestinationType } : undefined)),
          }),
        });
      });
    });
  },
});
