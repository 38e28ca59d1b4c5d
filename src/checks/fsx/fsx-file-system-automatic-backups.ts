// Compliant: the FSx file system takes daily automatic backups (AutomaticBackupRetentionDays above 0).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { isUnknown, num } from '../../inventory/readers.js';
import { fileSystemSettings, isScratchLustre, type FileSystemKind } from '../lib/fsx.js';

// The API's retention when it is not set: 30 days, except on persistent Lustre file systems, where backups are off.
const DEFAULT_RETENTION: Record<FileSystemKind, number> = { LUSTRE: 0, WINDOWS: 30, ONTAP: 30, OPENZFS: 30 };

export default defineCheck({
  id: 'fsx-file-system-automatic-backups',
  title: 'FSx file system takes automatic daily backups',
  service: 'fsx',
  resourceTypes: ['AWS::FSx::FileSystem'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'FSx replicates a file system within its Availability Zone (or zones), which survives hardware failure but not a deleted or overwritten file, ransomware, or a deleted file system: only backups do. With an AutomaticBackupRetentionDays of 0 FSx takes no daily backup at all. FSx for Windows, ONTAP and OpenZFS keep 30 days when the setting is left out; persistent Lustre file systems keep none unless asked. Choosing a retention (or covering the file system by an AWS Backup plan, which demarc does not look at here) is the customer\'s part. Scratch Lustre file systems cannot be backed up and are not judged.',
  remediation: {
    console: 'FSx console > File systems > the file system > Backups > Update: set the daily automatic backup retention to 1-90 days.',
    cloudformation: 'AWS::FSx::FileSystem.WindowsConfiguration (or LustreConfiguration, OntapConfiguration, OpenZFSConfiguration).AutomaticBackupRetentionDays: 7',
    terraform: 'aws_fsx_windows_file_system (or _lustre_, _ontap_, _openzfs_) { automatic_backup_retention_days = 7 }',
  },
  evaluate(fileSystem) {
    const settings = fileSystemSettings(fileSystem);
    if (isUnknown(settings)) return unknown(settings, 'FileSystemType');
    const scratch = isScratchLustre(settings);
    if (isUnknown(scratch)) return unknown(scratch, `${settings.block}.DeploymentType`);
    if (scratch) return notApplicable('a scratch Lustre file system is temporary storage that FSx cannot back up');
    const path = `${settings.block}.AutomaticBackupRetentionDays`;
    const days = num(settings.setting('AutomaticBackupRetentionDays'));
    if (isUnknown(days)) return unknown(days, path);
    const retention = days ?? DEFAULT_RETENTION[settings.kind];
    const stated = days === undefined ? ` (the ${settings.label} default, as the retention is not set)` : '';
    if (retention > 0) return pass(`automatic backups are kept ${retention} days${stated}`, path);
    return fail(`automatic backups are off: the retention is 0 days${stated}`, path);
  },
});
