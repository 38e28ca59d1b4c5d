// Compliant: the bucket's default encryption is SSE-KMS or DSSE-KMS, so a KMS key policy governs who can read the data.
import { defineCheck, fail, pass } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { kmsKeyChoice } from '../lib/data-stores.js';
import { evaluateDefaultEncryptionRules } from '../lib/s3.js';

export default defineCheck({
  id: 's3-bucket-kms-encryption',
  title: 'S3 bucket encrypts by default with a KMS key',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::KMS::ReplicaKey'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'SSE-S3 (the default) encrypts data with keys S3 alone controls. SSE-KMS adds a second, separately audited permission: reading an object also needs kms:Decrypt on the key, every use is logged in CloudTrail, and the customer can revoke access by changing the key policy. Where data is sensitive, choosing the key is the customer\'s side of encryption.',
  remediation: {
    console: 'S3 console > bucket > Properties > Default encryption > Edit > SSE-KMS (or DSSE-KMS), choose a customer managed key, enable the bucket key.',
    cloudformation:
      'AWS::S3::Bucket.BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: !GetAtt Key.Arn }, BucketKeyEnabled: true',
    terraform:
      'aws_s3_bucket_server_side_encryption_configuration { rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", kms_master_key_id = aws_kms_key.this.arn } } }',
  },
  evaluate(bucket, context) {
    const withoutRules = fail('no KMS default encryption: objects get SSE-S3 (S3-managed keys), so no KMS key policy guards the data');
    return evaluateDefaultEncryptionRules(bucket, withoutRules, ({ path, algorithm, keyId }) => {
      if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') {
        return fail(`default encryption is ${algorithm ?? 'SSE-S3 (no algorithm set)'}, not a KMS key`, `${path}.SSEAlgorithm`);
      }
      const choice = kmsKeyChoice(keyId, context.inventory, bucket);
      if (isUnknown(choice)) return pass(`default encryption is ${algorithm} with a key chosen at deploy time`, `${path}.KMSMasterKeyID`);
      const key = choice === undefined ? 'the AWS managed key aws/s3' : choice.label;
      return pass(`default encryption is ${algorithm} under ${key}`, `${path}.SSEAlgorithm`);
    });
  },
});
