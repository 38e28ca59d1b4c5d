// Compliant: the replication group requires TLS (TransitEncryptionEnabled true, TransitEncryptionMode not "preferred").
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'elasticache-replication-group-encryption-in-transit',
  title: 'ElastiCache replication group requires encryption in transit',
  service: 'elasticache',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'Without in-transit encryption, cached data, and any AUTH token, cross the network between clients and nodes in clear text. It is off by default; in the "preferred" mode the nodes still accept unencrypted connections, which is meant only for a migration.',
  remediation: {
    console: 'ElastiCache console > cluster > Modify > Encryption in transit: enabled, then set the mode to Required once every client uses TLS.',
    cloudformation: 'AWS::ElastiCache::ReplicationGroup.TransitEncryptionEnabled: true, TransitEncryptionMode: required',
    terraform: 'aws_elasticache_replication_group { transit_encryption_enabled = true, transit_encryption_mode = "required" }',
  },
  evaluate(group) {
    const enabled = bool(group.properties['TransitEncryptionEnabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'TransitEncryptionEnabled');
    if (enabled === false) return fail('encryption in transit is disabled', 'TransitEncryptionEnabled');
    if (enabled === undefined) return fail('encryption in transit is not enabled (TransitEncryptionEnabled defaults to false)');
    const mode = str(group.properties['TransitEncryptionMode']);
    if (isUnknown(mode)) return unknown(mode, 'TransitEncryptionMode');
    if (mode === 'preferred') return fail('TLS is enabled but not required: TransitEncryptionMode "preferred" still accepts plain connections', 'TransitEncryptionMode');
    return pass('connections must use TLS', 'TransitEncryptionEnabled');
  },
});
