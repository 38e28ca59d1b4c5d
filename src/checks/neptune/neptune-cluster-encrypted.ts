// Compliant: the Neptune cluster's storage is encrypted at rest (StorageEncrypted true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'neptune-cluster-encrypted',
  title: 'Neptune cluster storage is encrypted',
  service: 'neptune',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'high',
  rationale:
    'Neptune encrypts a cluster\'s storage, backups, snapshots and replicas with a KMS key only when the cluster is created encrypted: through the API or CloudFormation it is unencrypted unless StorageEncrypted is true, and an existing cluster cannot be encrypted in place. Asking for encryption, and choosing its key, is the customer\'s side.',
  remediation: {
    console: 'Encryption is set at creation: take a snapshot, restore it into a new cluster with encryption on (and a KMS key), and move clients to the new cluster.',
    cloudformation: 'AWS::Neptune::DBCluster.StorageEncrypted: true (optionally KmsKeyId)',
    terraform: 'aws_neptune_cluster { storage_encrypted = true, kms_key_arn = ... }',
  },
  evaluate(cluster) {
    const encrypted = bool(at(cluster.properties, 'StorageEncrypted'));
    if (isUnknown(encrypted)) return unknown(encrypted, 'StorageEncrypted');
    if (encrypted === true) return pass('storage is encrypted', 'StorageEncrypted');
    // A restored cluster takes the encryption of its snapshot or source cluster, which the template does not show.
    for (const source of ['SnapshotIdentifier', 'SourceDBClusterIdentifier']) {
      if (encrypted === undefined && cluster.properties[source] !== undefined) return unknown(`the cluster is restored from ${source}, whose encryption it inherits`, source);
    }
    if (encrypted === false) return fail('StorageEncrypted is false', 'StorageEncrypted');
    return fail('StorageEncrypted is not set, and a cluster created through the API is unencrypted by default');
  },
});
