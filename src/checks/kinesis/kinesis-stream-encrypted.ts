// Compliant: the Kinesis data stream encrypts records at rest with a KMS key (StreamEncryption.EncryptionType KMS).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, record, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'kinesis-stream-encrypted',
  title: 'Kinesis data stream is encrypted at rest',
  service: 'kinesis',
  resourceTypes: ['AWS::Kinesis::Stream'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'Kinesis Data Streams stores records unencrypted unless the stream has server-side encryption with a KMS key: the AWS managed key alias/aws/kinesis or a customer managed one. Turning it on, and choosing whose key, is the customer\'s side; only records written after it is on are encrypted.',
  remediation: {
    console: 'Kinesis console > Data streams > stream > Configuration > Encryption > Edit: enable server-side encryption with alias/aws/kinesis or a customer managed KMS key.',
    cloudformation: 'AWS::Kinesis::Stream.StreamEncryption: { EncryptionType: KMS, KeyId: alias/aws/kinesis or a key ARN }',
    terraform: 'aws_kinesis_stream { encryption_type = "KMS", kms_key_id = "alias/aws/kinesis" (or a key ARN) }',
  },
  evaluate(stream) {
    const encryption = record(at(stream.properties, 'StreamEncryption'));
    if (isUnknown(encryption)) return unknown(encryption, 'StreamEncryption');
    if (encryption === undefined) return fail('StreamEncryption is not set, so records are stored unencrypted', 'StreamEncryption');
    const type = str(encryption['EncryptionType']);
    if (isUnknown(type)) return unknown(type, 'StreamEncryption.EncryptionType');
    if (type !== 'KMS') return fail(`StreamEncryption.EncryptionType is ${type ?? 'not set'}, so records are stored unencrypted`, 'StreamEncryption.EncryptionType');
    const key = encryption['KeyId'];
    const named = str(key);
    return pass(`records are encrypted with KMS key ${typeof named === 'string' ? named : 'of the template'}`, 'StreamEncryption');
  },
});
