import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const CLUSTER = 'AWS::EKS::Cluster';

export default defineCollector({
  service: 'eks',
  global: false,
  resourceTypes: [CLUSTER],
  calls: ['eks:ListClusters', 'eks:DescribeCluster'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-eks');
    const eks = ctx.client(sdk.EKSClient);
    await listing(ctx, [CLUSTER], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(eks, 'eks:ListClusters', (nextToken) => new sdk.ListClustersCommand({ nextToken, maxResults: 100 }), (page) => page.nextToken)) names.push(...(page.clusters ?? []));
      await ctx.each(names, async (name) => {
        const arn = ctx.arn('eks', `cluster/${name}`);
        const described = await ctx.detail(eks, 'eks:DescribeCluster', new sdk.DescribeClusterCommand({ name }), arn, ['ResourceNotFoundException']);
        if (described === ABSENT) return;
        if (described instanceof Unknown) {
          ctx.emit({ type: CLUSTER, id: arn, arn, name, properties: { Name: name, ResourcesVpcConfig: described, EncryptionConfig: described, Logging: described, Version: described } });
          return;
        }
        const cluster = described.cluster;
        ctx.emit({
          type: CLUSTER,
          id: cluster?.arn ?? arn,
          arn: cluster?.arn ?? arn,
          name,
          properties: props({
            Name: name,
            Version: cluster?.version,
            RoleArn: cluster?.roleArn,
            ResourcesVpcConfig: cluster?.resourcesVpcConfig
              ? {
                  SubnetIds: cluster.resourcesVpcConfig.subnetIds,
                  SecurityGroupIds: cluster.resourcesVpcConfig.securityGroupIds,
                  EndpointPublicAccess: cluster.resourcesVpcConfig.endpointPublicAccess,
                  EndpointPrivateAccess: cluster.resourcesVpcConfig.endpointPrivateAccess,
                  PublicAccessCidrs: cluster.resourcesVpcConfig.publicAccessCidrs,
                }
              : undefined,
            EncryptionConfig: (cluster?.encryptionConfig ?? []).map((config) => ({ Resources: config.resources, Provider: { KeyArn: config.provider?.keyArn } })),
            Logging: { ClusterLogging: { EnabledTypes: (cluster?.logging?.clusterLogging ?? []).filter((setup) => setup.enabled).flatMap((setup) => (setup.types ?? []).map((type) => ({ Type: type }))) } },
            AccessConfig: cluster?.accessConfig ? { AuthenticationMode: cluster.accessConfig.authenticationMode } : undefined,
            ComputeConfig: cluster?.computeConfig ? { Enabled: cluster.computeConfig.enabled } : undefined,
          }),
        });
      });
    });
  },
});
