// Compliant: the WorkSpace encrypts its root volume (the C: drive or /) at rest (RootVolumeEncryptionEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'workspaces-root-volume-encrypted',
  title: 'WorkSpace encrypts its root volume',
  service: 'workspaces',
  resourceTypes: ['AWS::WorkSpaces::Workspace'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'The root volume holds the operating system, installed applications, caches, swap and temporary files, where documents and credentials end up too. WorkSpaces encrypts it with a KMS key only when asked at launch: RootVolumeEncryptionEnabled is false by default and cannot be turned on for a running WorkSpace. Asking for it is the customer\'s side of encryption at rest. Security Hub\'s WorkSpaces.2 control judges the same setting.',
  remediation: {
    console: 'Encryption is chosen at launch: launch a new WorkSpace with "Encrypt root volume" and a KMS key, move the user over, and remove the old WorkSpace.',
    cloudformation: 'AWS::WorkSpaces::Workspace.RootVolumeEncryptionEnabled: true, with VolumeEncryptionKey: the KMS key',
    terraform: 'aws_workspaces_workspace { root_volume_encryption_enabled = true, volume_encryption_key = aws_kms_key.workspaces.arn }',
  },
  evaluate(workspace) {
    const enabled = bool(workspace.properties['RootVolumeEncryptionEnabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'RootVolumeEncryptionEnabled');
    if (enabled === true) return pass('the root volume is encrypted at rest', 'RootVolumeEncryptionEnabled');
    return fail(enabled === false ? 'RootVolumeEncryptionEnabled is false: the root volume is stored unencrypted' : 'RootVolumeEncryptionEnabled is not set, and a WorkSpace\'s root volume is unencrypted by default', 'RootVolumeEncryptionEnabled');
  },
});
