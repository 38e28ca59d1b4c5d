// Compliant: a metric filter on the multi-region trail's log group matches API calls refused with UnauthorizedOperation or AccessDenied, and an alarm with actions watches its metric.
import { defineCheck } from '../define-check.js';
import { evaluateMetricFilterCheck } from '../lib/metric-filters.js';

export default defineCheck({
  id: 'cloudwatch-alarm-unauthorized-api-calls',
  title: 'Unauthorized API calls raise an alarm',
  service: 'cloudwatch',
  resourceTypes: ['AWS::CloudTrail::Trail', 'Demarc::CloudTrail::RegionStatus'],
  reads: ['AWS::Logs::LogGroup', 'AWS::Logs::MetricFilter', 'AWS::CloudWatch::Alarm'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'detect-account-compromise',
  severity: 'medium',
  rationale:
    'A burst of refused calls is what an intruder with stolen but limited credentials looks like while probing what they can do, and also what a broken deployment looks like. Either way someone should hear about it soon, not at the next audit.',
  remediation: {
    console: 'CloudWatch console > Log groups > the trail\'s log group > Metric filters > Create metric filter (pattern below), then Create alarm on its metric with an SNS topic that people read.',
    cloudformation: 'AWS::Logs::MetricFilter { LogGroupName: <trail log group>, FilterPattern: \'{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }\', MetricTransformations: [{MetricName: UnauthorizedApiCalls, MetricNamespace: CISBenchmark, MetricValue: "1"}] } plus AWS::CloudWatch::Alarm { MetricName: UnauthorizedApiCalls, Namespace: CISBenchmark, AlarmActions: [<SNS topic>] }',
    terraform: 'aws_cloudwatch_log_metric_filter { log_group_name = <trail log group>, pattern = <pattern> } plus aws_cloudwatch_metric_alarm { metric_name = "UnauthorizedApiCalls", alarm_actions = [<SNS topic>] }',
  },
  evaluate: (trail, context) => evaluateMetricFilterCheck('unauthorized-api-calls', trail, context),
});
