// Compliant: a Redis OSS or Valkey cache keeps automatic backups (SnapshotRetentionLimit of 1 day or more).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, num, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'elasticache-automatic-backups',
  title: 'ElastiCache Redis OSS or Valkey cache takes automatic backups',
  service: 'elasticache',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'A cache that holds state (sessions, queues, leaderboards) loses it when its nodes fail together or the cache is deleted. ElastiCache only takes daily backups when the customer sets a retention of at least one day; the default is none.',
  remediation: {
    console: 'ElastiCache console > Redis OSS or Valkey caches > cache > Modify > Backup > Enable automatic backups, with a retention of 1 day or more.',
    cloudformation: 'AWS::ElastiCache::ReplicationGroup.SnapshotRetentionLimit: 1 or more (AWS::ElastiCache::CacheCluster.SnapshotRetentionLimit for a single-node cluster)',
    terraform: 'aws_elasticache_replication_group / aws_elasticache_cluster { snapshot_retention_limit = 1 } (or more)',
  },
  evaluate(cache) {
    if (cache.type === 'AWS::ElastiCache::CacheCluster') {
      const group = at(cache.properties, 'ReplicationGroupId');
      if (group !== undefined && group !== null) return notApplicable('the node belongs to a replication group, whose backup settings decide');
    }
    // A replication group is Redis OSS unless it says otherwise; a cache cluster must name its engine.
    const engine = str(at(cache.properties, 'Engine')) ?? (cache.type === 'AWS::ElastiCache::ReplicationGroup' ? 'redis' : undefined);
    if (isUnknown(engine)) return unknown(engine, 'Engine');
    if (engine === undefined) return unknown('the cache names no engine', 'Engine');
    if (engine.toLowerCase() === 'memcached') return notApplicable('Memcached keeps no data to back up');
    const path = 'SnapshotRetentionLimit';
    const days = num(at(cache.properties, path));
    if (isUnknown(days)) return unknown(days, path);
    if (days !== undefined && days >= 1) return pass(`automatic backups are kept for ${days} day(s)`, path);
    return fail(days === undefined ? `${path} is not set, so no automatic backups are taken` : 'automatic backups are off (retention 0)', path);
  },
});
