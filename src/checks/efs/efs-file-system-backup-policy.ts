// Compliant: automatic backups are on (BackupPolicy.Status ENABLED) or an AWS Backup selection names the file system.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'efs-file-system-backup-policy',
  title: 'EFS file system is backed up',
  service: 'efs',
  resourceTypes: ['AWS::EFS::FileSystem'],
  reads: ['AWS::Backup::BackupSelection'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'EFS stores data redundantly across Availability Zones, but that does not protect against deletion, corruption or ransomware: only backups do. Automatic backups are on by default in the console, off through CloudFormation and the API; backing up data is the customer\'s duty.',
  remediation: {
    console: 'EFS console > file system > Edit > Automatic backups > Enable (or add the file system to an AWS Backup plan).',
    cloudformation: 'AWS::EFS::FileSystem.BackupPolicy.Status: ENABLED (or an AWS::Backup::BackupSelection listing the file system ARN)',
    terraform: 'aws_efs_backup_policy { backup_policy { status = "ENABLED" } } (or aws_backup_selection with the file system ARN)',
  },
  evaluate(fileSystem, context) {
    const status = str(at(fileSystem.properties, 'BackupPolicy', 'Status'));
    if (isUnknown(status)) return unknown(status, 'BackupPolicy.Status');
    if (status === 'ENABLED' || status === 'ENABLING') return pass('automatic backups are enabled', 'BackupPolicy.Status');
    const selection = context.inventory.ofType('AWS::Backup::BackupSelection').find((candidate) => {
      const resources = list(at(candidate.properties, 'BackupSelection', 'Resources'));
      return Array.isArray(resources) && resources.some((item) => context.inventory.resolve(item) === fileSystem);
    });
    if (selection) return pass(`the AWS Backup selection ${selection.id} backs up the file system`);
    if (status !== undefined) return fail(`automatic backups are ${status} and no AWS Backup selection names the file system`, 'BackupPolicy.Status');
    return fail('no backup: automatic backups are off by default through CloudFormation and the API, and no AWS Backup selection names the file system');
  },
});
