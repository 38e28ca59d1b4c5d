// Compliant: the queue encrypts messages at rest, with SSE-SQS or with a KMS key (KmsMasterKeyId).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import { isLive, kmsKeyChoice } from '../lib/data-stores.js';

export default defineCheck({
  id: 'sqs-queue-encryption',
  title: 'SQS queue encrypts messages at rest',
  service: 'sqs',
  resourceTypes: ['AWS::SQS::Queue'],
  reads: ['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::KMS::ReplicaKey'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'Messages wait in a queue, sometimes for days, and often carry personal data or tokens. SQS encrypts them when the queue asks for SSE-SQS or SSE-KMS. Since late 2022 new queues created over HTTPS get SSE-SQS by default, but queues created earlier, or with encryption turned off, keep messages in plain form; the choice is the customer\'s.',
  remediation: {
    console: 'SQS console > queue > Edit > Encryption > Server-side encryption: Enabled, with an Amazon SQS key (SSE-SQS) or an AWS KMS key (SSE-KMS).',
    cloudformation: 'AWS::SQS::Queue.SqsManagedSseEnabled: true, or KmsMasterKeyId: !Ref QueueKey',
    terraform: 'aws_sqs_queue { sqs_managed_sse_enabled = true } or { kms_master_key_id = aws_kms_key.queue.arn }',
  },
  evaluate(queue, context) {
    const key = kmsKeyChoice(queue.properties['KmsMasterKeyId'], context.inventory, queue);
    if (key !== undefined && !isUnknown(key)) return pass(`messages are encrypted with SSE-KMS under ${key.label}`, 'KmsMasterKeyId');
    if (isUnknown(key)) return unknown(key, 'KmsMasterKeyId');
    const managed = bool(queue.properties['SqsManagedSseEnabled']);
    if (isUnknown(managed)) return unknown(managed, 'SqsManagedSseEnabled');
    if (managed === true) return pass('messages are encrypted with SSE-SQS (keys owned by SQS)', 'SqsManagedSseEnabled');
    if (managed === false) return fail('server-side encryption is turned off (SqsManagedSseEnabled: false, no KmsMasterKeyId)', 'SqsManagedSseEnabled');
    if (isLive(queue)) return unknown('the queue attributes report neither SqsManagedSseEnabled nor KmsMasterKeyId');
    return pass('no encryption property is set: SQS applies SSE-SQS by default to queues created over HTTPS since late 2022');
  },
});
