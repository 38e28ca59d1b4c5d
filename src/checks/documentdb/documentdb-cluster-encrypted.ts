// Compliant: the DocumentDB cluster's storage is encrypted at rest (StorageEncrypted true).
import { defineCheck } from '../define-check.js';
import { clusterStorageEncryption } from '../lib/cluster-storage.js';

export default defineCheck({
  id: 'documentdb-cluster-encrypted',
  title: 'DocumentDB cluster storage is encrypted',
  service: 'documentdb',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'high',
  rationale:
    'DocumentDB encrypts a cluster\'s storage, automated backups, snapshots and replicas with a KMS key only when the cluster is created encrypted: the API and CloudFormation create it unencrypted unless StorageEncrypted is true, and it cannot be switched on later without restoring into a new cluster. Asking for encryption, and choosing its key, is the customer\'s side.',
  remediation: {
    console: 'Encryption is set at creation: take a snapshot, restore it into a new cluster with encryption on (and a KMS key), and move clients to the new cluster.',
    cloudformation: 'AWS::DocDB::DBCluster.StorageEncrypted: true (optionally KmsKeyId)',
    terraform: 'aws_docdb_cluster { storage_encrypted = true, kms_key_id = ... }',
  },
  evaluate: clusterStorageEncryption,
});
