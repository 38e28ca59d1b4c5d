// Compliant: automated backups are kept for at least 7 days (BackupRetentionPeriod >= 7 on the instance or Aurora cluster).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, num } from '../../inventory/readers.js';
import { isAuroraMemberInstance } from '../lib/rds.js';
import { invalidValue, RDS_CLUSTER_BACKUP_RETENTION, RDS_INSTANCE_BACKUP_RETENTION } from '../lib/aws-accepts.js';

const MINIMUM_DAYS = 7;

export default defineCheck({
  id: 'rds-backup-retention',
  title: 'RDS automated backups are kept for at least 7 days',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'AWS runs the backups and point-in-time recovery, but the customer decides how far back they reach. With the default of one day, corruption or deletion noticed after a weekend can no longer be undone.',
  remediation: {
    console: 'RDS console > Databases > database > Modify > Backup > Backup retention period: 7 days or more.',
    cloudformation: 'AWS::RDS::DBInstance.BackupRetentionPeriod (or AWS::RDS::DBCluster.BackupRetentionPeriod): 7 or more',
    terraform: 'aws_db_instance / aws_rds_cluster { backup_retention_period = 7 }',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) {
      return notApplicable('Aurora keeps backups for the cluster; the cluster\'s BackupRetentionPeriod decides');
    }
    const days = num(at(database.properties, 'BackupRetentionPeriod'));
    if (isUnknown(days)) return unknown(days, 'BackupRetentionPeriod');
    if (days === undefined) return fail('BackupRetentionPeriod is not set, so backups are kept for the default of 1 day');
    const accepted = database.type === 'AWS::RDS::DBCluster' ? RDS_CLUSTER_BACKUP_RETENTION : RDS_INSTANCE_BACKUP_RETENTION;
    const invalid = invalidValue(days, accepted, 'BackupRetentionPeriod');
    if (invalid) return invalid;
    if (days === 0) return fail('BackupRetentionPeriod is 0: automated backups are off', 'BackupRetentionPeriod');
    if (days < MINIMUM_DAYS) return fail(`backups are kept for ${days} day(s), fewer than ${MINIMUM_DAYS}`, 'BackupRetentionPeriod');
    return pass(`backups are kept for ${days} days`, 'BackupRetentionPeriod');
  },
});
