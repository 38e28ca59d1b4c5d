import { block, blocks, tags, type MappingTable } from './dsl.js';
import type { PropRecord, PropValue } from '../../../values.js';
import { policyDocument } from './shared.js';

export const dynamodbMappings: MappingTable = {
  aws_dynamodb_table: {
    cfnType: 'AWS::DynamoDB::Table',
    name: 'name',
    fields: {
      name: 'TableName',
      billing_mode: 'BillingMode',
      attribute: ['AttributeDefinitions', blocks({ name: 'AttributeName', type: 'AttributeType' })],
      server_side_encryption: [
        'SSESpecification',
        block({ enabled: 'SSEEnabled', kms_key_arn: 'KMSMasterKeyId' }, (sse) => (sse['enabled'] === true ? { SSEType: 'KMS' } : {})),
      ],
      point_in_time_recovery: [
        'PointInTimeRecoverySpecification',
        block({ enabled: 'PointInTimeRecoveryEnabled', recovery_period_in_days: 'RecoveryPeriodInDays' }),
      ],
      deletion_protection_enabled: 'DeletionProtectionEnabled',
      ttl: ['TimeToLiveSpecification', block({ attribute_name: 'AttributeName', enabled: 'Enabled' })],
      table_class: 'TableClass',
      tags: ['Tags', tags],
    },
    computed: ['server_side_encryption', 'point_in_time_recovery', 'ttl'],
    build: (attributes) => {
      const out: PropRecord = {};
      const keySchema: PropValue[] = [];
      if (typeof attributes['hash_key'] === 'string') keySchema.push({ AttributeName: attributes['hash_key'], KeyType: 'HASH' });
      if (typeof attributes['range_key'] === 'string' && attributes['range_key'] !== '') keySchema.push({ AttributeName: attributes['range_key'], KeyType: 'RANGE' });
      if (keySchema.length > 0) out['KeySchema'] = keySchema;
      if (attributes['stream_enabled'] === true) out['StreamSpecification'] = { StreamViewType: attributes['stream_view_type'] ?? null };
      return out;
    },
  },
  aws_dynamodb_resource_policy: {
    cfnType: 'AWS::DynamoDB::Table',
    parent: { types: ['aws_dynamodb_table'], attribute: 'resource_arn', keys: ['arn'], mode: 'assign' },
    build: (attributes) => ({ ResourcePolicy: { PolicyDocument: policyDocument(attributes['policy'] ?? null, attributes) ?? null } }),
  },
  aws_dynamodb_table_replica: {
    cfnType: 'AWS::DynamoDB::GlobalTable',
    fields: { global_table_arn: 'GlobalTableArn', kms_key_arn: 'SSESpecification.KMSMasterKeyId', point_in_time_recovery: 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled' },
  },
};
