// Compliant: point-in-time recovery is enabled on the Keyspaces table.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'keyspaces-table-point-in-time-recovery',
  title: 'Keyspaces table has point-in-time recovery enabled',
  service: 'keyspaces',
  resourceTypes: ['AWS::Cassandra::Table'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Point-in-time recovery keeps continuous backups of a Keyspaces table for 35 days, so it can be restored to any second of that period after an accidental delete, a faulty deployment or a malicious write. Amazon Keyspaces keeps the table available, but recovering its data is the customer\'s choice, and point-in-time recovery is off by default.',
  remediation: {
    console: 'Amazon Keyspaces console > Tables > table > Backups > Point-in-time recovery > Edit: turn it on.',
    cloudformation: 'AWS::Cassandra::Table.PointInTimeRecoveryEnabled: true',
    terraform: 'aws_keyspaces_table { point_in_time_recovery { status = "ENABLED" } }',
  },
  evaluate(table) {
    const path = 'PointInTimeRecoveryEnabled';
    const enabled = bool(table.properties[path]);
    if (isUnknown(enabled)) return unknown(enabled, path);
    if (enabled === true) return pass('point-in-time recovery is enabled', path);
    return fail(enabled === false ? 'point-in-time recovery is disabled' : 'PointInTimeRecoveryEnabled is not set, and point-in-time recovery is off by default', path);
  },
});
