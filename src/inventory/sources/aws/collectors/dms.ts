import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const REPLICATION_INSTANCE = 'AWS::DMS::ReplicationInstance';
const ENDPOINT = 'AWS::DMS::Endpoint';

/** DMS replication instances (public accessibility) and endpoints (engine and SSL mode). Endpoint passwords are not kept. */
export default defineCollector({
  service: 'dms',
  global: false,
  resourceTypes: [REPLICATION_INSTANCE, ENDPOINT],
  calls: ['dms:DescribeReplicationInstances', 'dms:DescribeEndpoints'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-database-migration-service');
    const dms = ctx.client(sdk.DatabaseMigrationServiceClient);
    await listing(ctx, [REPLICATION_INSTANCE], async () => {
      for await (const page of ctx.pages(dms, 'dms:DescribeReplicationInstances', (Marker) => new sdk.DescribeReplicationInstancesCommand({ Marker, MaxRecords: 100 }), (page) => page.Marker)) {
        for (const instance of page.ReplicationInstances ?? []) {
          const arn = instance.ReplicationInstanceArn ?? ctx.arn('dms', `rep:${instance.ReplicationInstanceIdentifier ?? ''}`);
          ctx.emit({
            type: REPLICATION_INSTANCE,
            id: arn,
            arn,
            name: instance.ReplicationInstanceIdentifier,
            properties: props({
              ReplicationInstanceIdentifier: instance.ReplicationInstanceIdentifier,
              ReplicationInstanceClass: instance.ReplicationInstanceClass,
              PubliclyAccessible: instance.PubliclyAccessible,
              MultiAZ: instance.MultiAZ,
              KmsKeyId: instance.KmsKeyId,
              EngineVersion: instance.EngineVersion,
              AutoMinorVersionUpgrade: instance.AutoMinorVersionUpgrade,
              VpcSecurityGroupIds: instance.VpcSecurityGroups?.map((group) => group.VpcSecurityGroupId),
            }),
          });
        }
      }
    });
    await listing(ctx, [ENDPOINT], async () => {
      for await (const page of ctx.pages(dms, 'dms:DescribeEndpoints', (Marker) => new sdk.DescribeEndpointsCommand({ Marker, MaxRecords: 100 }), (page) => page.Marker)) {
        for (const endpoint of page.Endpoints ?? []) {
          const arn = endpoint.EndpointArn ?? ctx.arn('dms', `endpoint:${endpoint.EndpointIdentifier ?? ''}`);
          ctx.emit({
            type: ENDPOINT,
            id: arn,
            arn,
            name: endpoint.EndpointIdentifier,
            properties: props({
              EndpointIdentifier: endpoint.EndpointIdentifier,
              EndpointType: endpoint.EndpointType?.toLowerCase(),
              EngineName: endpoint.EngineName,
              SslMode: endpoint.SslMode,
              CertificateArn: endpoint.CertificateArn,
              ServerName: endpoint.ServerName,
              Port: endpoint.Port,
              DatabaseName: endpoint.DatabaseName,
              KmsKeyId: endpoint.KmsKeyId,
            }),
          });
        }
      }
    });
  },
});
