// Compliant: the FSx file system copies its tags to its backups (CopyTagsToBackups true).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import { fileSystemSettings, isScratchLustre } from '../lib/fsx.js';

export default defineCheck({
  id: 'fsx-file-system-copy-tags-to-backups',
  title: 'FSx file system copies its tags to backups',
  service: 'fsx',
  resourceTypes: ['AWS::FSx::FileSystem'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'low',
  rationale:
    'A backup outlives its file system and carries the same data, but not the file system\'s tags unless CopyTagsToBackups is on (it is off by default). Untagged backups escape tag-based access control, data-classification and cost reports, and the tag-based retention and deletion rules meant for the data. Security Hub judges the same setting for Lustre (FSx.2) and OpenZFS (FSx.1); demarc judges Windows file systems too. ONTAP file systems have no such setting, and scratch Lustre ones no backups: neither is judged.',
  remediation: {
    console: 'FSx console > File systems > the file system > Backups > Update: turn on "Copy tags to backups" (Lustre, Windows, OpenZFS).',
    cloudformation: 'AWS::FSx::FileSystem.WindowsConfiguration (or LustreConfiguration, OpenZFSConfiguration).CopyTagsToBackups: true',
    terraform: 'aws_fsx_windows_file_system (or _lustre_, _openzfs_) { copy_tags_to_backups = true }',
  },
  evaluate(fileSystem) {
    const settings = fileSystemSettings(fileSystem);
    if (isUnknown(settings)) return unknown(settings, 'FileSystemType');
    if (settings.kind === 'ONTAP') return notApplicable('FSx for NetApp ONTAP has no setting to copy tags to backups');
    const scratch = isScratchLustre(settings);
    if (isUnknown(scratch)) return unknown(scratch, `${settings.block}.DeploymentType`);
    if (scratch) return notApplicable('a scratch Lustre file system has no backups to tag');
    const path = `${settings.block}.CopyTagsToBackups`;
    const copy = bool(settings.setting('CopyTagsToBackups'));
    if (isUnknown(copy)) return unknown(copy, path);
    if (copy === true) return pass('the file system\'s tags are copied to its backups', path);
    return fail(copy === false ? 'CopyTagsToBackups is false: backups do not carry the file system\'s tags' : 'CopyTagsToBackups is not set, and FSx does not copy tags to backups by default', path);
  },
});
