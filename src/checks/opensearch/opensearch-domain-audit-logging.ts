// Compliant: the domain publishes its audit logs to CloudWatch Logs (LogPublishingOptions.AUDIT_LOGS enabled with a log group).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, record, str } from '../../inventory/readers.js';

const PATH = 'LogPublishingOptions.AUDIT_LOGS';

export default defineCheck({
  id: 'opensearch-domain-audit-logging',
  title: 'OpenSearch domain publishes audit logs to CloudWatch Logs',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'CloudTrail records changes to the domain, not who read or changed the documents in it. Audit logs record authentication failures and index and document access of the domain\'s users; they need fine-grained access control and are only published when the customer turns them on.',
  remediation: {
    console: 'OpenSearch console > domain > Logs > Audit logs > Enable, with a CloudWatch Logs log group (fine-grained access control must be on).',
    cloudformation: 'AWS::OpenSearchService::Domain.LogPublishingOptions.AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: <log group ARN> }',
    terraform: 'aws_opensearch_domain { log_publishing_options { log_type = "AUDIT_LOGS", cloudwatch_log_group_arn = <ARN> } }',
  },
  evaluate(domain) {
    const option = record(at(domain.properties, 'LogPublishingOptions', 'AUDIT_LOGS'));
    if (isUnknown(option)) return unknown(option, PATH);
    if (option === undefined) return fail('audit logs are not published (no AUDIT_LOGS entry in LogPublishingOptions)', PATH);
    const enabled = bool(at(option, 'Enabled'));
    if (isUnknown(enabled)) return unknown(enabled, `${PATH}.Enabled`);
    if (enabled === false) return fail('audit log publishing is disabled', `${PATH}.Enabled`);
    if (enabled === undefined) return unknown('AUDIT_LOGS names no Enabled value', `${PATH}.Enabled`);
    const group = str(at(option, 'CloudWatchLogsLogGroupArn'));
    if (isUnknown(group)) return unknown(group, `${PATH}.CloudWatchLogsLogGroupArn`);
    if (group === undefined || group === '') return fail('audit logs name no CloudWatch Logs log group', `${PATH}.CloudWatchLogsLogGroupArn`);
    return pass('audit logs are published to CloudWatch Logs', PATH);
  },
});
