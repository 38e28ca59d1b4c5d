// Compliant: the MemoryDB cluster encrypts client and replication traffic with TLS (TLSEnabled not false).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'memorydb-cluster-tls-enabled',
  title: 'MemoryDB cluster encrypts connections with TLS',
  service: 'memorydb',
  resourceTypes: ['AWS::MemoryDB::Cluster'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'MemoryDB holds the primary copy of the data, not a cache of it, and with TLS on it encrypts both client connections and replication between nodes. TLS is on by default, but a cluster created with TLSEnabled false carries every command, key and value in clear text, and the setting cannot be changed later.',
  remediation: {
    console: 'In-transit encryption is set at creation: create a new MemoryDB cluster with "Encryption in transit" enabled (from a snapshot of the old one), move clients to it with TLS, and delete the old one.',
    cloudformation: 'AWS::MemoryDB::Cluster.TLSEnabled: true (or leave it unset)',
    terraform: 'aws_memorydb_cluster { tls_enabled = true } (or leave it unset)',
  },
  evaluate(cluster) {
    const enabled = bool(cluster.properties['TLSEnabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'TLSEnabled');
    if (enabled === false) return fail('TLSEnabled is false: clients and replicas exchange data in clear text', 'TLSEnabled');
    return pass(enabled === true ? 'connections are encrypted with TLS' : 'TLSEnabled is not set, and MemoryDB turns TLS on by default', 'TLSEnabled');
  },
});
