// Compliant: the backup vault encrypts its recovery points with a customer managed KMS key (EncryptionKeyArn).
import { defineCheck } from '../define-check.js';
import { KMS_KEY_READS } from '../lib/data-stores.js';
import { judgeCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'backup-vault-kms-encryption',
  title: 'AWS Backup vault is encrypted with a customer managed KMS key',
  service: 'backup',
  resourceTypes: ['AWS::Backup::BackupVault'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'A vault without EncryptionKeyArn encrypts the backups it holds (of services that take the vault\'s key) with the AWS managed key aws/backup, whose policy the customer cannot change: anyone in the account with AWS Backup restore rights can use it, and it cannot be shared to copy backups to another account. A customer managed key puts restores under a key policy the customer writes. The key is fixed when the vault is created.',
  remediation: {
    console: 'The key of a vault cannot be changed: create a new vault with a customer managed KMS key, point the backup plans\' rules at it, and let the old recovery points expire.',
    cloudformation: 'AWS::Backup::BackupVault.EncryptionKeyArn: !GetAtt BackupKey.Arn',
    terraform: 'aws_backup_vault { kms_key_arn = aws_kms_key.backup.arn }',
  },
  evaluate(vault, context) {
    return judgeCustomerKey(vault, context, 'EncryptionKeyArn', 'no KMS key is set: the vault encrypts with the AWS managed key aws/backup');
  },
});
