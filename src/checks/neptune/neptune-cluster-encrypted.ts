// Compliant: the Neptune cluster's storage is encrypted at rest (StorageEncrypted true).
import { defineCheck } from '../define-check.js';
import { clusterStorageEncryption } from '../lib/cluster-storage.js';

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
  evaluate: clusterStorageEncryption,
});
