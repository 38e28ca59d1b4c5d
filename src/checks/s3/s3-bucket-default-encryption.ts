// Compliant: the bucket's default encryption (or S3's own SSE-S3 default) uses a usable key; an algorithm S3 does not accept is invalid, not judged.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown } from '../../inventory/readers.js';
import { kmsKeyChoice, unusableKeyReason } from '../lib/data-stores.js';
import { evaluateDefaultEncryptionRules } from '../lib/s3.js';

export default defineCheck({
  id: 's3-bucket-default-encryption',
  title: 'S3 bucket encrypts new objects by default',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::KMS::ReplicaKey'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'Server-side encryption is shared: AWS runs the encryption, the customer chooses its options. Since January 2023 S3 applies SSE-S3 to every new object when nothing else is set; a bucket that names an invalid algorithm, or a KMS key that is disabled or being deleted, breaks that protection or makes writes fail.',
  remediation: {
    console: 'S3 console > bucket > Properties > Default encryption > Edit > choose SSE-S3, SSE-KMS or DSSE-KMS with an enabled key.',
    cloudformation:
      'AWS::S3::Bucket.BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault.SSEAlgorithm: AES256 | aws:kms | aws:kms:dsse',
    terraform: 'aws_s3_bucket_server_side_encryption_configuration { rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" } } }',
  },
  evaluate(bucket, context) {
    const encryption = at(bucket.properties, 'BucketEncryption');
    if (isUnknown(encryption)) return unknown(encryption, 'BucketEncryption');
    if (encryption === undefined || encryption === null) {
      return pass('no default encryption is set: S3 encrypts new objects with SSE-S3 (AES-256) by default since January 2023');
    }
    const withoutRules = pass('the encryption configuration has no rule: S3 encrypts new objects with SSE-S3 (AES-256) by default');
    return evaluateDefaultEncryptionRules(bucket, withoutRules, ({ path, algorithm, keyId }) => {
      if (algorithm === undefined) return pass('the rule sets no default encryption: S3 applies SSE-S3 (AES-256) by default', path);
      if (algorithm === 'AES256') return pass('new objects are encrypted with SSE-S3 (AES-256)', `${path}.SSEAlgorithm`);
      const choice = kmsKeyChoice(keyId, context.inventory, bucket);
      if (isUnknown(choice)) return unknown(choice, `${path}.KMSMasterKeyID`);
      if (choice === undefined || choice.kind === 'aws-managed') {
        return pass(`new objects are encrypted with ${algorithm} under the AWS managed key aws/s3`, `${path}.SSEAlgorithm`);
      }
      const unusable = choice.key ? unusableKeyReason(choice.key) : undefined;
      if (isUnknown(unusable)) return unknown(`cannot tell whether ${choice.label} can encrypt: ${unusable.reason}`, `${path}.KMSMasterKeyID`);
      if (unusable) return fail(`default encryption uses ${choice.label}, but ${unusable}: new objects cannot be encrypted with it`, `${path}.KMSMasterKeyID`);
      return pass(`new objects are encrypted with ${algorithm} under ${choice.label}`, `${path}.KMSMasterKeyID`);
    });
  },
});
