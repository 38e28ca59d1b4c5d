// Compliant: the Timestream database encrypts its tables at rest under a customer managed KMS key (KmsKeyId).
import { defineCheck } from '../define-check.js';
import { KMS_KEY_READS } from '../lib/data-stores.js';
import { judgeCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'timestream-database-kms-encryption',
  title: 'Timestream database is encrypted with a customer managed KMS key',
  service: 'timestream',
  resourceTypes: ['AWS::Timestream::Database'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'Timestream always encrypts the data of a database\'s tables at rest; without KmsKeyId it uses the AWS managed key aws/timestream, whose key policy the customer cannot change, so anyone in the account with Timestream rights reads the data through it. A customer managed key lets the customer limit, audit and revoke use of the key. The key of a database can be changed later.',
  remediation: {
    console: 'Timestream console > Databases > database > Edit: choose a customer managed KMS key.',
    cloudformation: 'AWS::Timestream::Database.KmsKeyId: !Ref TimestreamKey',
    terraform: 'aws_timestreamwrite_database { kms_key_id = aws_kms_key.timestream.arn }',
  },
  evaluate(database, context) {
    return judgeCustomerKey(database, context, 'KmsKeyId', 'no KmsKeyId is set: the database is encrypted with the AWS managed key aws/timestream');
  },
});
