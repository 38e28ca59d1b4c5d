// Compliant: the secret is encrypted with a customer managed KMS key (KmsKeyId names a key that is not aws/secretsmanager).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { kmsKeyChoice } from '../lib/data-stores.js';

export default defineCheck({
  id: 'secretsmanager-secret-kms-key',
  title: 'Secrets Manager secret is encrypted with a customer managed KMS key',
  service: 'secretsmanager',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  reads: ['AWS::KMS::Alias', 'AWS::KMS::Key', 'AWS::KMS::ReplicaKey'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'Every secret is encrypted; by default under the AWS managed key aws/secretsmanager, whose policy lets any principal of the account with Secrets Manager access decrypt. A customer managed key adds a key policy the customer writes, so reading the secret needs both permissions, and it is required to share the secret with another account.',
  remediation: {
    console: 'Secrets Manager console > secret > Edit encryption key > choose a customer managed KMS key.',
    cloudformation: 'AWS::SecretsManager::Secret.KmsKeyId: !Ref SecretKey',
    terraform: 'aws_secretsmanager_secret { kms_key_id = aws_kms_key.secrets.arn }',
  },
  evaluate(secret, context) {
    const key = kmsKeyChoice(secret.properties['KmsKeyId'], context.inventory, secret);
    if (isUnknown(key)) return unknown(key, 'KmsKeyId');
    if (key === undefined) return fail('encrypted under the AWS managed key aws/secretsmanager (no KmsKeyId)');
    if (key.kind === 'aws-managed') return fail(`encrypted under the AWS managed key ${key.label}`, 'KmsKeyId');
    return pass(`encrypted under the customer managed ${key.label}`, 'KmsKeyId');
  },
});
