// Compliant: point-in-time recovery is enabled on the table (on every replica of a global table).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import type { Evaluation } from '../types.js';
import { dynamoDbTableParts } from '../lib/data-stores.js';

export default defineCheck({
  id: 'dynamodb-table-point-in-time-recovery',
  title: 'DynamoDB table has point-in-time recovery enabled',
  service: 'dynamodb',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Point-in-time recovery keeps continuous backups, so a table can be restored to any second of the recovery period after a faulty deployment or a malicious write. AWS keeps the table available; keeping its data recoverable is the customer\'s choice, and it is off by default.',
  remediation: {
    console: 'DynamoDB console > Tables > table > Backups > Point-in-time recovery > Edit > turn on.',
    cloudformation: 'AWS::DynamoDB::Table.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true (GlobalTable: on each entry of Replicas)',
    terraform: 'aws_dynamodb_table { point_in_time_recovery { enabled = true } }',
  },
  evaluate(table) {
    const parts = dynamoDbTableParts(table);
    if (isUnknown(parts)) return unknown(parts, 'Replicas');
    return parts.map((part): Evaluation => {
      const path = `${part.prefix}PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`;
      const enabled = bool(at(part.properties, 'PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'));
      if (isUnknown(enabled)) return unknown(enabled, path);
      if (enabled === true) return pass(`point-in-time recovery is enabled on ${part.label}`, path);
      if (enabled === false) return fail(`point-in-time recovery is disabled on ${part.label}`, path);
      return fail(`point-in-time recovery is not enabled on ${part.label} (off by default)`);
    });
  },
});
