// Compliant: the log group keeps its events for at least 365 days, or never expires them.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { num } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

const MINIMUM_DAYS = 365;

export default defineCheck({
  id: 'cloudwatch-log-group-retention-one-year',
  title: 'CloudWatch log group keeps events for at least a year',
  service: 'cloudwatch',
  resourceTypes: ['AWS::Logs::LogGroup'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Intrusions are often found months after they began; logs already expired by then cannot show how an attacker got in or what was touched. AWS\'s own control (CloudWatch.16) and frameworks such as PCI DSS ask for a year of logs. The retention period is set by the customer on each log group; a group that never expires its events also passes here (cloudwatch-log-group-retention-set asks for a deliberate period).',
  remediation: {
    console: 'CloudWatch console > Log groups > the group > Actions > Edit retention setting: 1 year (365 days) or more.',
    cloudformation: 'AWS::Logs::LogGroup.RetentionInDays: 365 or more',
    terraform: 'aws_cloudwatch_log_group.retention_in_days: 365 or more',
  },
  evaluate(group) {
    const days = num(group.properties['RetentionInDays']);
    if (isUnknown(days)) return unknown(days, 'RetentionInDays');
    if (days === undefined || days === 0) return pass('the log group never expires its events', 'RetentionInDays');
    if (days < MINIMUM_DAYS) return fail(`the log group keeps events for ${days} days, less than a year (${MINIMUM_DAYS} days)`, 'RetentionInDays');
    return pass(`the log group keeps events for ${days} days`, 'RetentionInDays');
  },
});
