// Compliant: the cache takes minor engine upgrades automatically (AutoMinorVersionUpgrade not false).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';

/** Redis OSS before 6.0 cannot opt in to automatic minor upgrades: the setting has no effect there. */
function predatesAutoUpgrade(engine: string | undefined, version: string | undefined): boolean {
  if (engine?.toLowerCase() !== 'redis' || version === undefined) return false;
  const major = Number(version.split('.')[0]);
  return Number.isInteger(major) && major < 6;
}

export default defineCheck({
  id: 'elasticache-auto-minor-version-upgrade',
  title: 'ElastiCache cache applies minor engine upgrades automatically',
  service: 'elasticache',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
  layer: 'platform',
  control: 'patch-management',
  duty: 'choose-supported-versions',
  severity: 'medium',
  rationale:
    'AWS publishes minor engine versions with security fixes, but applies them to a cache only when it opts in to automatic minor upgrades. Turning that off leaves the customer to find and apply every fix by hand.',
  remediation: {
    console: 'ElastiCache console > cache > Modify > Maintenance > Auto upgrade minor versions: Enable.',
    cloudformation: 'AWS::ElastiCache::ReplicationGroup.AutoMinorVersionUpgrade: true (or leave it unset); AWS::ElastiCache::CacheCluster.AutoMinorVersionUpgrade likewise',
    terraform: 'aws_elasticache_replication_group / aws_elasticache_cluster { auto_minor_version_upgrade = true } (or leave it unset)',
  },
  evaluate(cache) {
    if (cache.type === 'AWS::ElastiCache::CacheCluster') {
      const group = at(cache.properties, 'ReplicationGroupId');
      if (group !== undefined && group !== null) return notApplicable('the node belongs to a replication group, whose setting decides');
    }
    const engine = str(at(cache.properties, 'Engine'));
    const version = str(at(cache.properties, 'EngineVersion'));
    if (!isUnknown(engine) && !isUnknown(version) && predatesAutoUpgrade(engine, version)) {
      return notApplicable(`Redis OSS ${version} cannot take automatic minor upgrades (from 6.0 on)`);
    }
    const enabled = bool(at(cache.properties, 'AutoMinorVersionUpgrade'));
    if (isUnknown(enabled)) return unknown(enabled, 'AutoMinorVersionUpgrade');
    if (enabled === false) return fail('AutoMinorVersionUpgrade is false: minor upgrades are not applied', 'AutoMinorVersionUpgrade');
    return pass(enabled === true ? 'minor upgrades are applied automatically' : 'AutoMinorVersionUpgrade is not set, and it is on by default', 'AutoMinorVersionUpgrade');
  },
});
