// Compliant: the database's storage is encrypted at rest (StorageEncrypted true on the instance, or on the Aurora cluster that holds its storage).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';
import { isAuroraMemberInstance } from '../lib/rds.js';

export default defineCheck({
  id: 'rds-storage-encrypted',
  title: 'RDS database storage is encrypted',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'high',
  rationale:
    'AWS offers KMS encryption of database storage, its snapshots, logs and replicas, but it is off unless the customer asks for it when the database is created, and it cannot be switched on later without a restore. Choosing encryption and its key is the customer\'s side of data protection.',
  remediation: {
    console: 'Encryption can only be set at creation: take a snapshot, copy it with encryption enabled, and restore a new database from the encrypted copy.',
    cloudformation: 'AWS::RDS::DBInstance.StorageEncrypted: true (or AWS::RDS::DBCluster.StorageEncrypted: true for Aurora), optionally KmsKeyId',
    terraform: 'aws_db_instance / aws_rds_cluster { storage_encrypted = true, kms_key_id = ... }',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) {
      return notApplicable('an Aurora instance stores its data in the cluster volume; the cluster\'s StorageEncrypted decides');
    }
    if (database.type === 'AWS::RDS::DBCluster' && str(at(database.properties, 'EngineMode')) === 'serverless') {
      return pass('Aurora Serverless v1 clusters are always encrypted');
    }
    const encrypted = bool(at(database.properties, 'StorageEncrypted'));
    if (isUnknown(encrypted)) return unknown(encrypted, 'StorageEncrypted');
    if (encrypted === true) return pass('storage is encrypted', 'StorageEncrypted');
    // A restore or replica inherits the encryption of its source, which the template does not show.
    for (const source of ['DBSnapshotIdentifier', 'SnapshotIdentifier', 'SourceDBInstanceIdentifier', 'SourceDBClusterIdentifier']) {
      if (encrypted === undefined && database.properties[source] !== undefined) {
        return unknown(`the database is created from ${source}, whose encryption it inherits`, source);
      }
    }
    if (encrypted === false) return fail('StorageEncrypted is false', 'StorageEncrypted');
    return fail('StorageEncrypted is not set, and storage is unencrypted by default');
  },
});
