// Compliant: the domain publishes its error logs to CloudWatch Logs (LogPublishingOptions.ES_APPLICATION_LOGS enabled with a log group).
import { defineCheck } from '../define-check.js';
import { logPublishing } from '../lib/opensearch-logs.js';

export default defineCheck({
  id: 'opensearch-domain-error-logging',
  title: 'OpenSearch domain publishes error logs to CloudWatch Logs',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Error logs (the ES_APPLICATION_LOGS log type) record the errors and warnings the domain\'s nodes raise: failed queries, failing plugins, shards that cannot be allocated. They are what is left to investigate an outage or a misuse of the domain, and OpenSearch Service publishes them only when the customer turns them on and names a log group.',
  remediation: {
    console: 'OpenSearch console > domain > Logs > Error logs > Enable, with a CloudWatch Logs log group (and a resource policy that lets OpenSearch Service write to it).',
    cloudformation: 'AWS::OpenSearchService::Domain.LogPublishingOptions.ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: <log group ARN> }',
    terraform: 'aws_opensearch_domain { log_publishing_options { log_type = "ES_APPLICATION_LOGS", cloudwatch_log_group_arn = <ARN> } }',
  },
  evaluate: (domain) => logPublishing(domain, 'ES_APPLICATION_LOGS', 'error logs'),
});
