// Compliant: deletion protection is enabled on the table (on every replica of a global table).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import type { Evaluation } from '../types.js';
import { dynamoDbTableParts } from '../lib/data-stores.js';

export default defineCheck({
  id: 'dynamodb-table-deletion-protection',
  title: 'DynamoDB table has deletion protection enabled',
  service: 'dynamodb',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'low',
  rationale:
    'With deletion protection, DeleteTable fails until someone first turns the protection off, so a mistaken stack change or a stray command cannot drop the table and its data. It is off by default and only the customer can decide which tables deserve it.',
  remediation: {
    console: 'DynamoDB console > Tables > table > Additional settings > Deletion protection > Turn on.',
    cloudformation: 'AWS::DynamoDB::Table.DeletionProtectionEnabled: true (GlobalTable: Replicas[].DeletionProtectionEnabled: true)',
    terraform: 'aws_dynamodb_table { deletion_protection_enabled = true }',
  },
  evaluate(table) {
    const parts = dynamoDbTableParts(table);
    if (isUnknown(parts)) return unknown(parts, 'Replicas');
    return parts.map((part): Evaluation => {
      const path = `${part.prefix}DeletionProtectionEnabled`;
      const enabled = bool(at(part.properties, 'DeletionProtectionEnabled'));
      if (isUnknown(enabled)) return unknown(enabled, path);
      if (enabled === true) return pass(`deletion protection is enabled on ${part.label}`, path);
      if (enabled === false) return fail(`deletion protection is disabled on ${part.label}`, path);
      return fail(`deletion protection is not enabled on ${part.label} (off by default)`);
    });
  },
});
