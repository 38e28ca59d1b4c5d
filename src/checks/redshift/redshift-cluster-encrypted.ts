// Compliant: the Redshift cluster's data is encrypted at rest (Encrypted true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'redshift-cluster-encrypted',
  title: 'Redshift cluster is encrypted at rest',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'high',
  rationale:
    'Encryption of a Redshift cluster covers its blocks, backups and snapshots, with a key the customer can choose and audit. Turning it on and choosing the key is the customer\'s side of data protection.',
  remediation: {
    console: 'Redshift console > Clusters > cluster > Actions > Modify > Database configurations > Use AWS KMS for encryption.',
    cloudformation: 'AWS::Redshift::Cluster.Encrypted: true, optionally KmsKeyId',
    terraform: 'aws_redshift_cluster { encrypted = true, kms_key_id = ... }',
  },
  evaluate(cluster) {
    const encrypted = bool(at(cluster.properties, 'Encrypted'));
    if (isUnknown(encrypted)) return unknown(encrypted, 'Encrypted');
    if (encrypted === true) return pass('the cluster is encrypted', 'Encrypted');
    if (encrypted === false) return fail('Encrypted is false', 'Encrypted');
    if (cluster.properties['SnapshotIdentifier'] !== undefined) {
      return unknown('the cluster is restored from a snapshot, whose encryption it inherits', 'SnapshotIdentifier');
    }
    // AWS changed the default in January 2025: clusters created since are encrypted, older ones were not.
    return unknown('Encrypted is not set: clusters created since January 2025 are encrypted by default, older ones are not, and the template does not show when the cluster was created');
  },
});
