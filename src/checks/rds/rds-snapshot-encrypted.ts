// Compliant: the manual RDS snapshot is encrypted (Encrypted true), as it is when the database it copies is encrypted.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'rds-snapshot-encrypted',
  title: 'RDS snapshot is encrypted',
  service: 'rds',
  resourceTypes: ['Demarc::RDS::Snapshot'],
  reads: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'A snapshot is a full copy of the database, kept after the database is gone and easy to copy or share. It is encrypted exactly when the database it was taken from is, and it cannot be encrypted in place: only an encrypted copy (CopyDBSnapshot with a KMS key) fixes it. A snapshot that Terraform creates is judged by its database\'s StorageEncrypted until it exists. Automated snapshots follow their database, which rds-storage-encrypted judges.',
  remediation: {
    console: 'RDS console > Snapshots > snapshot > Actions > Copy snapshot > Enable encryption with a KMS key; then delete the unencrypted snapshot. Encrypt the database itself so that later snapshots are encrypted.',
    cloudformation: 'No CloudFormation resource takes a snapshot: set AWS::RDS::DBInstance.StorageEncrypted / AWS::RDS::DBCluster.StorageEncrypted: true so that its snapshots are encrypted',
    terraform: 'aws_db_instance / aws_rds_cluster { storage_encrypted = true } for the database that aws_db_snapshot / aws_db_cluster_snapshot copies',
  },
  evaluate(snapshot, context) {
    const encrypted = bool(at(snapshot.properties, 'Encrypted'));
    if (isUnknown(encrypted)) return unknown(encrypted, 'Encrypted');
    if (encrypted === true) return pass('the snapshot is encrypted', 'Encrypted');
    if (encrypted === false) return fail('the snapshot is not encrypted', 'Encrypted');
    // Not taken yet (a Terraform configuration): it will be encrypted exactly when its database is.
    const source = snapshot.properties['SourceDatabase'];
    const database = source === undefined ? undefined : context.inventory.resolve(source);
    if (database?.type !== 'AWS::RDS::DBInstance' && database?.type !== 'AWS::RDS::DBCluster') return unknown('the snapshot\'s encryption is not known, nor the database it copies', 'Encrypted');
    if (str(at(database.properties, 'EngineMode')) === 'serverless') return pass('the snapshot copies an Aurora Serverless v1 cluster, which is always encrypted', 'SourceDatabase');
    const storage = bool(at(database.properties, 'StorageEncrypted'));
    if (isUnknown(storage)) return unknown(storage, 'SourceDatabase');
    if (storage === true) return pass(`the snapshot copies ${database.name ?? 'a database'}, whose storage is encrypted`, 'SourceDatabase');
    for (const restored of ['DBSnapshotIdentifier', 'SnapshotIdentifier', 'SourceDBInstanceIdentifier', 'SourceDBClusterIdentifier']) {
      if (storage === undefined && database.properties[restored] !== undefined) return unknown(`the database is created from ${restored}, whose encryption it inherits`, 'SourceDatabase');
    }
    return fail(`the snapshot copies ${database.name ?? 'a database'}, whose storage is not encrypted${storage === undefined ? ' (StorageEncrypted is not set, and storage is unencrypted by default)' : ''}`, 'SourceDatabase');
  },
});
