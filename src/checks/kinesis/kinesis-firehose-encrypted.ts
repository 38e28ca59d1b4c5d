// Compliant: a Firehose stream that buffers records itself (Direct PUT) encrypts them at rest (DeliveryStreamEncryptionConfigurationInput.KeyType set).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, record, str } from '../../inventory/readers.js';

const KEY_TYPES = ['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK'];

export default defineCheck({
  id: 'kinesis-firehose-encrypted',
  title: 'Firehose delivery stream encrypts records at rest',
  service: 'kinesis',
  resourceTypes: ['AWS::KinesisFirehose::DeliveryStream'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'A Direct PUT Firehose stream holds records while it buffers them for delivery; server-side encryption, with a key AWS owns or a customer managed KMS key, is off unless the customer turns it on. Firehose offers that encryption only to Direct PUT streams: a stream that reads from a Kinesis data stream, an MSK cluster or a database relies on the source\'s encryption (judged by kinesis-stream-encrypted for a data stream), so it is not applicable there. Encryption at the destination (S3, Redshift ...) is judged on the destination.',
  remediation: {
    console: 'Amazon Data Firehose console > stream > Configuration > Server-side encryption > Edit: enable, with an AWS owned key or a customer managed KMS key.',
    cloudformation: 'AWS::KinesisFirehose::DeliveryStream.DeliveryStreamEncryptionConfigurationInput: { KeyType: AWS_OWNED_CMK } (or CUSTOMER_MANAGED_CMK with KeyARN)',
    terraform: 'aws_kinesis_firehose_delivery_stream { server_side_encryption { enabled = true, key_type = "CUSTOMER_MANAGED_CMK", key_arn = ... } }',
  },
  evaluate(stream) {
    const type = str(at(stream.properties, 'DeliveryStreamType'));
    if (isUnknown(type)) return unknown(type, 'DeliveryStreamType');
    // Firehose offers server-side encryption only to Direct PUT streams; the others hold the source's records.
    if (type !== undefined && type !== 'DirectPut') {
      return notApplicable(`the stream is of type ${type}: it reads from its source, whose encryption covers the records at rest, and Firehose offers server-side encryption only to Direct PUT streams`);
    }
    const configuration = record(at(stream.properties, 'DeliveryStreamEncryptionConfigurationInput'));
    if (isUnknown(configuration)) return unknown(configuration, 'DeliveryStreamEncryptionConfigurationInput');
    const keyType = str(configuration?.['KeyType']);
    if (isUnknown(keyType)) return unknown(keyType, 'DeliveryStreamEncryptionConfigurationInput.KeyType');
    if (keyType === undefined) return fail('server-side encryption is off: DeliveryStreamEncryptionConfigurationInput is not set', 'DeliveryStreamEncryptionConfigurationInput');
    if (!KEY_TYPES.includes(keyType)) return unknown(`KeyType ${keyType} is not one AWS accepts (${KEY_TYPES.join(', ')})`, 'DeliveryStreamEncryptionConfigurationInput.KeyType');
    return pass(`records are encrypted at rest with ${keyType === 'AWS_OWNED_CMK' ? 'a key AWS owns' : 'a customer managed KMS key'}`, 'DeliveryStreamEncryptionConfigurationInput.KeyType');
  },
});
