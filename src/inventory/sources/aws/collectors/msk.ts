import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const CLUSTER = 'AWS::MSK::Cluster';

export default defineCollector({
  service: 'msk',
  global: false,
  resourceTypes: [CLUSTER],
  // ListClustersV2 answers with each cluster's full configuration: no per-cluster call is needed.
  calls: ['kafka:ListClustersV2'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-kafka');
    const kafka = ctx.client(sdk.KafkaClient);
    await listing(ctx, [CLUSTER], async () => {
      for await (const page of ctx.pages(kafka, 'kafka:ListClustersV2', (NextToken) => new sdk.ListClustersV2Command({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) {
        for (const cluster of page.ClusterInfoList ?? []) {
          // Serverless clusters are another type, with none of these settings to choose.
          if (cluster.ClusterType !== 'PROVISIONED' || !cluster.ClusterArn) continue;
          const provisioned = cluster.Provisioned;
          const publicAccess = provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.PublicAccess;
          ctx.emit({
            type: CLUSTER,
            id: cluster.ClusterArn,
            arn: cluster.ClusterArn,
            name: cluster.ClusterName,
            properties: props({
              ClusterName: cluster.ClusterName,
              KafkaVersion: provisioned?.CurrentBrokerSoftwareInfo?.KafkaVersion,
              NumberOfBrokerNodes: provisioned?.NumberOfBrokerNodes,
              EnhancedMonitoring: provisioned?.EnhancedMonitoring,
              BrokerNodeGroupInfo: {
                InstanceType: provisioned?.BrokerNodeGroupInfo?.InstanceType,
                ClientSubnets: provisioned?.BrokerNodeGroupInfo?.ClientSubnets,
                SecurityGroups: provisioned?.BrokerNodeGroupInfo?.SecurityGroups,
                ConnectivityInfo: publicAccess ? { PublicAccess: { Type: publicAccess.Type } } : undefined,
              },
              EncryptionInfo: provisioned?.EncryptionInfo,
              ClientAuthentication: provisioned?.ClientAuthentication,
            }),
          });
        }
      }
    });
  },
});
