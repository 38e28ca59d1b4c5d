// Compliant: the domain publishes its audit logs to CloudWatch Logs (LogPublishingOptions.AUDIT_LOGS enabled with a log group).
import { defineCheck } from '../define-check.js';
import { logPublishing } from '../lib/opensearch-logs.js';

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
  evaluate: (domain) => logPublishing(domain, 'AUDIT_LOGS', 'audit logs'),
});
