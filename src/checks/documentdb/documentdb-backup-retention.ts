// Compliant: the DocumentDB cluster keeps automated backups for at least 7 days (BackupRetentionPeriod >= 7).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, num } from '../../inventory/readers.js';
import { invalidValue, RDS_CLUSTER_BACKUP_RETENTION } from '../lib/aws-accepts.js';

const MINIMUM_DAYS = 7;

export default defineCheck({
  id: 'documentdb-backup-retention',
  title: 'DocumentDB automated backups are kept for at least 7 days',
  service: 'documentdb',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'AWS takes the continuous backups and restores to any point in the retention window, but the customer sets how long that window is. The default of one day means corruption or deletion noticed after a weekend can no longer be undone.',
  remediation: {
    console: 'DocumentDB console > Clusters > cluster > Actions > Modify > Backup retention period: 7 days or more.',
    cloudformation: 'AWS::DocDB::DBCluster.BackupRetentionPeriod: 7 or more',
    terraform: 'aws_docdb_cluster { backup_retention_period = 7 }',
  },
  evaluate(cluster) {
    const days = num(at(cluster.properties, 'BackupRetentionPeriod'));
    if (isUnknown(days)) return unknown(days, 'BackupRetentionPeriod');
    if (days === undefined) return fail('BackupRetentionPeriod is not set, so backups are kept for the default of 1 day');
    // DocumentDB takes the same 1 to 35 days as an RDS cluster.
    const invalid = invalidValue(days, RDS_CLUSTER_BACKUP_RETENTION, 'BackupRetentionPeriod');
    if (invalid) return invalid;
    if (days < MINIMUM_DAYS) return fail(`backups are kept for ${days} day(s), fewer than ${MINIMUM_DAYS}`, 'BackupRetentionPeriod');
    return pass(`backups are kept for ${days} days`, 'BackupRetentionPeriod');
  },
});
