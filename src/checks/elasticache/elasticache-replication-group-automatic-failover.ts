// Compliant: the replication group promotes a replica automatically when its primary fails (AutomaticFailoverEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'elasticache-replication-group-automatic-failover',
  title: 'ElastiCache replication group fails over automatically',
  service: 'elasticache',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Without automatic failover, the loss of a primary node leaves the group unable to take writes until someone promotes a replica by hand. With it, ElastiCache promotes a replica itself (which needs at least one replica per shard). It is off unless the customer turns it on, and designing the cache to survive a node failure is the customer\'s part.',
  remediation: {
    console: 'ElastiCache console > cache > Modify > Auto-failover: enable (the group needs at least one replica).',
    cloudformation: 'AWS::ElastiCache::ReplicationGroup.AutomaticFailoverEnabled: true (with NumCacheClusters >= 2 or ReplicasPerNodeGroup >= 1)',
    terraform: 'aws_elasticache_replication_group { automatic_failover_enabled = true }',
  },
  evaluate(group) {
    const enabled = bool(group.properties['AutomaticFailoverEnabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'AutomaticFailoverEnabled');
    if (enabled === true) return pass('a replica is promoted automatically when the primary fails', 'AutomaticFailoverEnabled');
    if (enabled === false) return fail('automatic failover is disabled', 'AutomaticFailoverEnabled');
    return fail('automatic failover is not enabled (AutomaticFailoverEnabled defaults to false)');
  },
});
