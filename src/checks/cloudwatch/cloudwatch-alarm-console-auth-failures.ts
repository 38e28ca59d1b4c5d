// Compliant: a metric filter on the multi-region trail's log group matches failed console sign-ins, and an alarm with actions watches its metric.
import { defineCheck } from '../define-check.js';
import { evaluateMetricFilterCheck } from '../lib/metric-filters.js';

export default defineCheck({
  id: 'cloudwatch-alarm-console-auth-failures',
  title: 'Failed console sign-ins raise an alarm',
  service: 'cloudwatch',
  resourceTypes: ['AWS::CloudTrail::Trail', 'Demarc::CloudTrail::RegionStatus'],
  reads: ['AWS::Logs::LogGroup', 'AWS::Logs::MetricFilter', 'AWS::CloudWatch::Alarm'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'detect-account-compromise',
  severity: 'low',
  rationale:
    'Repeated failed sign-ins are what password guessing and credential stuffing look like. Noticing them early gives time to lock the user or tighten the policy before a guess succeeds.',
  remediation: {
    console: 'CloudWatch console > Log groups > the trail\'s log group > Metric filters > Create metric filter (pattern below), then Create alarm on its metric with an SNS topic that people read.',
    cloudformation: 'AWS::Logs::MetricFilter { LogGroupName: <trail log group>, FilterPattern: \'{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }\', MetricTransformations: [{MetricName: ConsoleAuthFailures, MetricNamespace: CISBenchmark, MetricValue: "1"}] } plus AWS::CloudWatch::Alarm { MetricName: ConsoleAuthFailures, Namespace: CISBenchmark, AlarmActions: [<SNS topic>] }',
    terraform: 'aws_cloudwatch_log_metric_filter { log_group_name = <trail log group>, pattern = <pattern> } plus aws_cloudwatch_metric_alarm { metric_name = "ConsoleAuthFailures", alarm_actions = [<SNS topic>] }',
  },
  evaluate: (trail, context) => evaluateMetricFilterCheck('console-auth-failures', trail, context),
});
