// Compliant: the file system is encrypted at rest (Encrypted: true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import { kmsKeyChoice } from '../lib/data-stores.js';

export default defineCheck({
  id: 'efs-file-system-encryption',
  title: 'EFS file system is encrypted at rest',
  service: 'efs',
  resourceTypes: ['AWS::EFS::FileSystem'],
  reads: ['AWS::KMS::Alias', 'AWS::KMS::Key', 'AWS::KMS::ReplicaKey'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'high',
  rationale:
    'EFS encrypts a file system at rest only if asked when it is created: through CloudFormation and the API the default is unencrypted, and encryption cannot be added later without copying the data to a new file system. Asking for it is the customer\'s side of encryption at rest.',
  remediation: {
    console: 'EFS console > Create file system > Customize > Enable encryption of data at rest (existing file systems: create an encrypted one and copy the data, e.g. with AWS DataSync).',
    cloudformation: 'AWS::EFS::FileSystem.Encrypted: true (optionally KmsKeyId: !Ref FileSystemKey)',
    terraform: 'aws_efs_file_system { encrypted = true, kms_key_id = aws_kms_key.efs.arn }',
  },
  evaluate(fileSystem, context) {
    const encrypted = bool(fileSystem.properties['Encrypted']);
    if (isUnknown(encrypted)) return unknown(encrypted, 'Encrypted');
    if (encrypted === false) return fail('the file system is not encrypted at rest (Encrypted: false)', 'Encrypted');
    if (encrypted === undefined) return fail('the file system is not encrypted at rest: Encrypted defaults to false');
    const key = kmsKeyChoice(fileSystem.properties['KmsKeyId'], context.inventory, fileSystem);
    const under = key === undefined ? 'the AWS managed key aws/elasticfilesystem' : isUnknown(key) ? 'a key chosen at deploy time' : key.label;
    return pass(`the file system is encrypted at rest under ${under}`, 'Encrypted');
  },
});
