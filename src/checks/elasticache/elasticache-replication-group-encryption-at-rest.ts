// Compliant: the replication group encrypts its data at rest (AtRestEncryptionEnabled: true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'elasticache-replication-group-encryption-at-rest',
  title: 'ElastiCache replication group is encrypted at rest',
  service: 'elasticache',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'At-rest encryption covers the data ElastiCache writes to disk: swap, backups and snapshots in S3. It is off by default for replication groups and can only be chosen when the group is created, so it is the customer\'s choice to make up front.',
  remediation: {
    console: 'ElastiCache console > create the cluster with Encryption at rest enabled (existing groups: restore a backup into a new encrypted group).',
    cloudformation: 'AWS::ElastiCache::ReplicationGroup.AtRestEncryptionEnabled: true (optionally KmsKeyId)',
    terraform: 'aws_elasticache_replication_group { at_rest_encryption_enabled = true }',
  },
  evaluate(group) {
    const enabled = bool(group.properties['AtRestEncryptionEnabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'AtRestEncryptionEnabled');
    if (enabled === true) return pass('data at rest is encrypted', 'AtRestEncryptionEnabled');
    if (enabled === false) return fail('encryption at rest is disabled', 'AtRestEncryptionEnabled');
    return fail('encryption at rest is not enabled (AtRestEncryptionEnabled defaults to false)');
  },
});
