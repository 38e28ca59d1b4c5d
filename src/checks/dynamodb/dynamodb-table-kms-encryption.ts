// Compliant: the table is encrypted with a customer managed KMS key (SSEEnabled true, SSEType KMS, a key of the customer's).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';
import type { Evaluation } from '../types.js';
import { dynamoDbTableParts, kmsKeyChoice } from '../lib/data-stores.js';

export default defineCheck({
  id: 'dynamodb-table-kms-encryption',
  title: 'DynamoDB table is encrypted with a customer managed KMS key',
  service: 'dynamodb',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  reads: ['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::KMS::ReplicaKey'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'DynamoDB always encrypts tables at rest, by default with a key AWS owns and the customer can neither see, audit nor revoke. A customer managed key puts the key policy, rotation and CloudTrail record of every use in the customer\'s hands, which sensitive data often requires.',
  remediation: {
    console: 'DynamoDB console > Tables > table > Additional settings > Encryption > Manage encryption > Stored in your account, and owned and managed by you.',
    cloudformation: 'AWS::DynamoDB::Table.SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref TableKey }',
    terraform: 'aws_dynamodb_table { server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.table.arn } }',
  },
  evaluate(table, context) {
    const enabled = bool(at(table.properties, 'SSESpecification', 'SSEEnabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'SSESpecification.SSEEnabled');
    if (enabled !== true) {
      return fail('encrypted with a key AWS owns (the default): the customer cannot control, audit or revoke it', 'SSESpecification');
    }
    const type = str(at(table.properties, 'SSESpecification', 'SSEType'));
    if (isUnknown(type)) return unknown(type, 'SSESpecification.SSEType');
    if (type !== undefined && type !== 'KMS') return fail(`SSEType is ${type}, not KMS`, 'SSESpecification.SSEType');
    const parts = dynamoDbTableParts(table);
    if (isUnknown(parts)) return unknown(parts, 'Replicas');
    return parts.map((part): Evaluation => {
      // A table names its key beside SSEEnabled; a global table names one per replica.
      const keyPath = table.type === 'AWS::DynamoDB::GlobalTable' ? `${part.prefix}SSESpecification.KMSMasterKeyId` : 'SSESpecification.KMSMasterKeyId';
      const choice = kmsKeyChoice(at(part.properties, 'SSESpecification', 'KMSMasterKeyId'), context.inventory, table);
      if (isUnknown(choice)) return unknown(choice, keyPath);
      if (choice === undefined) return fail(`${part.label} uses the AWS managed key aws/dynamodb, not a customer managed key`, 'SSESpecification');
      if (choice.kind === 'aws-managed') return fail(`${part.label} uses the AWS managed key ${choice.label}, not a customer managed key`, keyPath);
      return pass(`${part.label} is encrypted with the customer managed ${choice.label}`, keyPath);
    });
  },
});
