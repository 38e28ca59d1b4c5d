// Compliant: the WorkSpace encrypts its user volume (the D: drive or /home) at rest (UserVolumeEncryptionEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'workspaces-user-volume-encrypted',
  title: 'WorkSpace encrypts its user volume',
  service: 'workspaces',
  resourceTypes: ['AWS::WorkSpaces::Workspace'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'The user volume holds what people save on their desktop: documents, downloads, browser profiles. WorkSpaces encrypts it (and its snapshots) with a KMS key only when asked at launch: UserVolumeEncryptionEnabled is false by default and cannot be turned on for a running WorkSpace. Asking for it is the customer\'s side of encryption at rest. Security Hub\'s WorkSpaces.1 control judges the same setting.',
  remediation: {
    console: 'Encryption is chosen at launch: launch a new WorkSpace with "Encrypt user volume" and a KMS key, move the user\'s data over, and remove the old WorkSpace.',
    cloudformation: 'AWS::WorkSpaces::Workspace.UserVolumeEncryptionEnabled: true, with VolumeEncryptionKey: the KMS key',
    terraform: 'aws_workspaces_workspace { user_volume_encryption_enabled = true, volume_encryption_key = aws_kms_key.workspaces.arn }',
  },
  evaluate(workspace) {
    const enabled = bool(workspace.properties['UserVolumeEncryptionEnabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'UserVolumeEncryptionEnabled');
    if (enabled === true) return pass('the user volume is encrypted at rest', 'UserVolumeEncryptionEnabled');
    return fail(enabled === false ? 'UserVolumeEncryptionEnabled is false: the user volume is stored unencrypted' : 'UserVolumeEncryptionEnabled is not set, and a WorkSpace\'s user volume is unencrypted by default', 'UserVolumeEncryptionEnabled');
  },
});
