// Compliant: the log group sets a retention period (RetentionInDays), so that its events do not pile up for ever unreviewed.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { num } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'cloudwatch-log-group-retention-set',
  title: 'CloudWatch log group sets a retention period',
  service: 'cloudwatch',
  resourceTypes: ['AWS::Logs::LogGroup'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'A log group without a retention period keeps every event for ever: personal data, tokens that slipped into logs and debugging output accumulate far beyond any need, at a growing cost, and nobody has decided how long they must be kept. CloudWatch Logs stores what it is sent; how long the customer\'s logs live is the customer\'s decision. Choose the period the logs are needed for (at least a year for audit logs: see cloudwatch-log-group-retention-one-year) and archive beyond it deliberately.',
  remediation: {
    console: 'CloudWatch console > Log groups > the group > Actions > Edit retention setting: choose a period instead of "Never expire".',
    cloudformation: 'AWS::Logs::LogGroup.RetentionInDays: the number of days to keep events (for example 365)',
    terraform: 'aws_cloudwatch_log_group.retention_in_days: a number of days other than 0 (0 means never expire)',
  },
  evaluate(group) {
    const days = num(group.properties['RetentionInDays']);
    if (isUnknown(days)) return unknown(days, 'RetentionInDays');
    if (days === undefined || days === 0) return fail('the log group sets no retention period: its events never expire', 'RetentionInDays');
    return pass(`the log group keeps events for ${days} days`, 'RetentionInDays');
  },
});
