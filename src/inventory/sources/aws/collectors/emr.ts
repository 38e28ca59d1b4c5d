import { defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props } from '../props.js';

const CLUSTER = 'AWS::EMR::Cluster';
const SECURITY_CONFIGURATION = 'AWS::EMR::SecurityConfiguration';
const BLOCK_PUBLIC_ACCESS = 'Demarc::EMR::BlockPublicAccess';

export default defineCollector({
  service: 'emr',
  global: false,
  resourceTypes: [CLUSTER, SECURITY_CONFIGURATION, BLOCK_PUBLIC_ACCESS],
  calls: ['elasticmapreduce:ListClusters', 'elasticmapreduce:DescribeCluster', 'elasticmapreduce:ListSecurityConfigurations', 'elasticmapreduce:DescribeSecurityConfiguration', 'elasticmapreduce:GetBlockPublicAccessConfiguration'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-emr');
    const emr = ctx.client(sdk.EMRClient);
    await listing(ctx, [CLUSTER], async () => {
      const ids: string[] = [];
      for await (const page of ctx.pages(emr, 'elasticmapreduce:ListClusters', (Marker) => new sdk.ListClustersCommand({ Marker, ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'] }), (page) => page.Marker)) {
        for (const cluster of page.Clusters ?? []) if (cluster.Id) ids.push(cluster.Id);
      }
      await ctx.each(ids, async (ClusterId) => {
        const arn = ctx.arn('elasticmapreduce', `cluster/${ClusterId}`);
        const described = await ctx.detail(emr, 'elasticmapreduce:DescribeCluster', new sdk.DescribeClusterCommand({ ClusterId }), arn);
        ctx.emit({
          type: CLUSTER,
          id: arn,
          arn,
          name: ClusterId,
          properties: props({
            Name: fromDetail(described, (output) => output.Cluster?.Name),
            ReleaseLabel: fromDetail(described, (output) => output.Cluster?.ReleaseLabel),
            SecurityConfiguration: fromDetail(described, (output) => output.Cluster?.SecurityConfiguration),
            VisibleToAllUsers: fromDetail(described, (output) => output.Cluster?.VisibleToAllUsers),
            LogUri: fromDetail(described, (output) => output.Cluster?.LogUri),
            KerberosAttributes: fromDetail(described, (output) => (output.Cluster?.KerberosAttributes ? { Realm: output.Cluster.KerberosAttributes.Realm } : undefined)),
            Instances: fromDetail(described, (output) => ({ Ec2SubnetId: output.Cluster?.Ec2InstanceAttributes?.Ec2SubnetId, EmrManagedMasterSecurityGroup: output.Cluster?.Ec2InstanceAttributes?.EmrManagedMasterSecurityGroup })),
          }),
        });
      });
    });
    await listing(ctx, [SECURITY_CONFIGURATION], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(emr, 'elasticmapreduce:ListSecurityConfigurations', (Marker) => new sdk.ListSecurityConfigurationsCommand({ Marker }), (page) => page.Marker)) {
        for (const configuration of page.SecurityConfigurations ?? []) if (configuration.Name) names.push(configuration.Name);
      }
      await ctx.each(names, async (Name) => {
        const arn = ctx.arn('elasticmapreduce', `security-configuration/${Name}`);
        const described = await ctx.detail(emr, 'elasticmapreduce:DescribeSecurityConfiguration', new sdk.DescribeSecurityConfigurationCommand({ Name }), arn);
        ctx.emit({ type: SECURITY_CONFIGURATION, id: arn, name: Name, properties: props({ Name, SecurityConfiguration: fromDetail(described, (output) => policyDocument(output.SecurityConfiguration)) }) });
      });
    });
    await listing(ctx, [BLOCK_PUBLIC_ACCESS], async () => {
      const output = await ctx.call(emr, 'elasticmapreduce:GetBlockPublicAccessConfiguration', new sdk.GetBlockPublicAccessConfigurationCommand({}));
      const configuration = output.BlockPublicAccessConfiguration;
      ctx.emit({
        type: BLOCK_PUBLIC_ACCESS,
        id: `arn:${ctx.partition}:elasticmapreduce:${ctx.region}:${ctx.account}:block-public-access`,
        name: `emr-block-public-access/${ctx.region}`,
        properties: props({
          BlockPublicSecurityGroupRules: configuration?.BlockPublicSecurityGroupRules === true,
          PermittedPublicSecurityGroupRuleRanges: (configuration?.PermittedPublicSecurityGroupRuleRanges ?? []).map((range) => ({ MinRange: range.MinRange, MaxRange: range.MaxRange })),
        }),
      });
    });
  },
});
