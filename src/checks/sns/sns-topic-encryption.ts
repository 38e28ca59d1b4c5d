// Compliant: the topic encrypts messages at rest with a KMS key (KmsMasterKeyId is set).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { kmsKeyChoice } from '../lib/data-stores.js';

export default defineCheck({
  id: 'sns-topic-encryption',
  title: 'SNS topic encrypts messages at rest',
  service: 'sns',
  resourceTypes: ['AWS::SNS::Topic'],
  reads: ['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::KMS::ReplicaKey'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'SNS stores each message until it is delivered. It encrypts them only when the topic names a KMS key; there is no default encryption for topics. Turning it on, and choosing the key, is the customer\'s side of encryption at rest.',
  remediation: {
    console: 'SNS console > topic > Edit > Encryption > Enable encryption, choose a KMS key (a customer managed key if AWS services publish to the topic).',
    cloudformation: 'AWS::SNS::Topic.KmsMasterKeyId: !Ref TopicKey (or alias/aws/sns)',
    terraform: 'aws_sns_topic { kms_master_key_id = aws_kms_key.topic.arn }',
  },
  evaluate(topic, context) {
    const key = kmsKeyChoice(topic.properties['KmsMasterKeyId'], context.inventory, topic);
    if (isUnknown(key)) return unknown(key, 'KmsMasterKeyId');
    if (key === undefined) return fail('no KMS key is set: SNS does not encrypt topics at rest by default');
    if (key.kind === 'aws-managed') {
      return pass(`messages are encrypted under the AWS managed key ${key.label} (AWS services cannot publish to it; use a customer managed key for them)`, 'KmsMasterKeyId');
    }
    return pass(`messages are encrypted under ${key.label}`, 'KmsMasterKeyId');
  },
});
