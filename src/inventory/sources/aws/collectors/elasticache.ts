import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const REPLICATION_GROUP = 'AWS::ElastiCache::ReplicationGroup';
const CACHE_CLUSTER = 'AWS::ElastiCache::CacheCluster';

export default defineCollector({
  service: 'elasticache',
  global: false,
  resourceTypes: [REPLICATION_GROUP, CACHE_CLUSTER],
  calls: ['elasticache:DescribeReplicationGroups', 'elasticache:DescribeCacheClusters'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-elasticache');
    const elasticache = ctx.client(sdk.ElastiCacheClient);
    await listing(ctx, [REPLICATION_GROUP], async () => {
      for await (const page of ctx.pages(elasticache, 'elasticache:DescribeReplicationGroups', (Marker) => new sdk.DescribeReplicationGroupsCommand({ Marker, MaxRecords: 100 }), (page) => page.Marker)) {
        for (const group of page.ReplicationGroups ?? []) {
          const arn = group.ARN ?? ctx.arn('elasticache', `replicationgroup:${group.ReplicationGroupId ?? ''}`);
          ctx.emit({
            type: REPLICATION_GROUP,
            id: arn,
            arn,
            name: group.ReplicationGroupId,
            properties: props({
              ReplicationGroupId: group.ReplicationGroupId,
              Engine: group.Engine,
              AtRestEncryptionEnabled: group.AtRestEncryptionEnabled === true,
              TransitEncryptionEnabled: group.TransitEncryptionEnabled === true,
              // `preferred` still accepts plain connections; absent on engines that only know TLS on or off.
              TransitEncryptionMode: group.TransitEncryptionMode,
              AuthTokenEnabled: group.AuthTokenEnabled === true,
              UserGroupIds: group.UserGroupIds ?? [],
              KmsKeyId: group.KmsKeyId,
              AutomaticFailoverEnabled: group.AutomaticFailover === 'enabled' || group.AutomaticFailover === 'enabling',
              MultiAZEnabled: group.MultiAZ === 'enabled',
              SnapshotRetentionLimit: group.SnapshotRetentionLimit,
              AutoMinorVersionUpgrade: group.AutoMinorVersionUpgrade,
              CacheNodeType: group.CacheNodeType,
            }),
          });
        }
      }
    });
    await listing(ctx, [CACHE_CLUSTER], async () => {
      for await (const page of ctx.pages(elasticache, 'elasticache:DescribeCacheClusters', (Marker) => new sdk.DescribeCacheClustersCommand({ Marker, MaxRecords: 100 }), (page) => page.Marker)) {
        for (const cluster of page.CacheClusters ?? []) {
          const arn = cluster.ARN ?? ctx.arn('elasticache', `cluster:${cluster.CacheClusterId ?? ''}`);
          ctx.emit({
            type: CACHE_CLUSTER,
            id: arn,
            arn,
            name: cluster.CacheClusterId,
            properties: props({
              ClusterName: cluster.CacheClusterId,
              Engine: cluster.Engine,
              EngineVersion: cluster.EngineVersion,
              CacheNodeType: cluster.CacheNodeType,
              AutoMinorVersionUpgrade: cluster.AutoMinorVersionUpgrade,
              SnapshotRetentionLimit: cluster.SnapshotRetentionLimit,
              CacheSubnetGroupName: cluster.CacheSubnetGroupName,
              TransitEncryptionEnabled: cluster.TransitEncryptionEnabled === true,
              AtRestEncryptionEnabled: cluster.AtRestEncryptionEnabled === true,
              ReplicationGroupId: cluster.ReplicationGroupId,
              VpcSecurityGroupIds: (cluster.SecurityGroups ?? []).map((group) => group.SecurityGroupId),
            }),
          });
        }
      }
    });
  },
});
