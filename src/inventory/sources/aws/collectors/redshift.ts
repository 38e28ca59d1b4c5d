import type { Parameter } from '@aws-sdk/client-redshift';
import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing, type Absent } from '../collector.js';
import { fromDetail, props, tagsList } from '../props.js';

const CLUSTER = 'AWS::Redshift::Cluster';
const PARAMETER_GROUP = 'AWS::Redshift::ClusterParameterGroup';

/**
 * Every parameter of a group with its value in force, page by page (CloudFormation's `Parameters` list shape). All of
 * them, not only those the customer changed: a default such as require_ssl then shows its real value. Any page that
 * fails makes the whole list unknown; `ABSENT` when the group was deleted in the meantime.
 */
async function groupParameters(fetch: (marker: string | undefined) => Promise<{ Parameters?: Parameter[]; Marker?: string } | Absent | Unknown>): Promise<Array<{ ParameterName: string; ParameterValue: string | undefined }> | Unknown | Absent> {
  const parameters: Array<{ ParameterName: string; ParameterValue: string | undefined }> = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    if (page instanceof Unknown || page === ABSENT) return page;
    for (const parameter of page?.Parameters ?? []) if (parameter.ParameterName) parameters.push({ ParameterName: parameter.ParameterName, ParameterValue: parameter.ParameterValue });
    marker = page?.Marker;
    if (marker !== undefined && seen.has(marker)) break;
    if (marker !== undefined) seen.add(marker);
  } while (marker !== undefined && marker !== '');
  return parameters;
}

export default defineCollector({
  service: 'redshift',
  global: false,
  resourceTypes: [CLUSTER, PARAMETER_GROUP],
  calls: ['redshift:DescribeClusters', 'redshift:DescribeLoggingStatus', 'redshift:DescribeClusterParameterGroups', 'redshift:DescribeClusterParameters'],
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
            MasterUsername: cluster.MasterUsername,
            DBName: cluster.DBName,
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
    // Clusters name their group (ClusterParameterGroupName): each group's resource name is its group name.
    await listing(ctx, [PARAMETER_GROUP], async () => {
      const groups = [];
      for await (const page of ctx.pages(redshift, 'redshift:DescribeClusterParameterGroups', (Marker) => new sdk.DescribeClusterParameterGroupsCommand({ Marker, MaxRecords: 100 }), (page) => page?.Marker)) groups.push(...(page?.ParameterGroups ?? []));
      await ctx.each(groups, async (group) => {
        const name = group.ParameterGroupName;
        if (!name) return;
        const arn = ctx.arn('redshift', `parametergroup:${name}`);
        const parameters = await groupParameters((Marker) => ctx.detail(redshift, 'redshift:DescribeClusterParameters', new sdk.DescribeClusterParametersCommand({ ParameterGroupName: name, Marker, MaxRecords: 100 }), arn, ['ClusterParameterGroupNotFound', 'ClusterParameterGroupNotFoundFault']));
        if (parameters === ABSENT) return;
        ctx.emit({
          type: PARAMETER_GROUP,
          id: arn,
          arn,
          name,
          properties: props({ ParameterGroupName: name, ParameterGroupFamily: group.ParameterGroupFamily, Description: group.Description, Parameters: parameters, Tags: tagsList(group.Tags) }),
        });
      });
    });
  },
});
