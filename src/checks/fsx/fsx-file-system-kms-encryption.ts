// Compliant: the FSx file system encrypts its data with a customer managed KMS key (KmsKeyId), not the AWS managed aws/fsx.
import { defineCheck, notApplicable, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { judgeCustomerKey } from '../lib/customer-key.js';
import { KMS_KEY_READS } from '../lib/data-stores.js';
import { fileSystemSettings, isScratchLustre } from '../lib/fsx.js';

export default defineCheck({
  id: 'fsx-file-system-kms-encryption',
  title: 'FSx file system is encrypted with a customer managed KMS key',
  service: 'fsx',
  resourceTypes: ['AWS::FSx::FileSystem'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'FSx always encrypts file system data and its backups at rest, by default under the AWS managed key aws/fsx, whose policy the customer cannot change: any principal of the account allowed to use FSx can use it, and it cannot be shared to restore backups in another account. A customer managed key puts the data under a key policy the customer writes, with every use in CloudTrail and the option to revoke access by disabling the key. The key is chosen at creation. Scratch Lustre file systems cannot take a customer managed key and are not judged.',
  remediation: {
    console: 'The key is fixed at creation: take a backup, restore it into a new file system with a customer managed KMS key (or create a new one and copy the data), and retire the old file system.',
    cloudformation: 'AWS::FSx::FileSystem.KmsKeyId: !Ref FileSystemKey',
    terraform: 'aws_fsx_windows_file_system (or _lustre_, _ontap_, _openzfs_) { kms_key_id = aws_kms_key.fsx.arn }',
  },
  evaluate(fileSystem, context) {
    const settings = fileSystemSettings(fileSystem);
    if (isUnknown(settings)) return unknown(settings, 'FileSystemType');
    const scratch = isScratchLustre(settings);
    if (isUnknown(scratch)) return unknown(scratch, `${settings.block}.DeploymentType`);
    if (scratch) return notApplicable('a scratch Lustre file system is always encrypted under the FSx service key: it cannot use a customer managed key');
    return judgeCustomerKey(fileSystem, context, 'KmsKeyId', `no KMS key is set: the ${settings.label} file system is encrypted under the AWS managed key aws/fsx`);
  },
});
