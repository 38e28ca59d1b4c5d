// Compliant: a metric filter on the multi-region trail's log group matches console sign-ins made without MFA, and an alarm with actions watches its metric.
import { defineCheck } from '../define-check.js';
import { evaluateMetricFilterCheck } from '../lib/metric-filters.js';

export default defineCheck({
  id: 'cloudwatch-alarm-console-signin-without-mfa',
  title: 'Console sign-ins without MFA raise an alarm',
  service: 'cloudwatch',
  resourceTypes: ['AWS::CloudTrail::Trail', 'Demarc::CloudTrail::RegionStatus'],
  reads: ['AWS::Logs::LogGroup', 'AWS::Logs::MetricFilter', 'AWS::CloudWatch::Alarm'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'detect-account-compromise',
  severity: 'medium',
  rationale:
    'Every console user should use MFA; a successful sign-in without it is either a user the MFA rule missed or someone using a stolen password. An alarm turns that into something a person looks at the same day.',
  remediation: {
    console: 'CloudWatch console > Log groups > the trail\'s log group > Metric filters > Create metric filter (pattern below), then Create alarm on its metric with an SNS topic that people read.',
    cloudformation: 'AWS::Logs::MetricFilter { LogGroupName: <trail log group>, FilterPattern: \'{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }\', MetricTransformations: [{MetricName: ConsoleSigninWithoutMfa, MetricNamespace: CISBenchmark, MetricValue: "1"}] } plus AWS::CloudWatch::Alarm { MetricName: ConsoleSigninWithoutMfa, Namespace: CISBenchmark, AlarmActions: [<SNS topic>] }',
    terraform: 'aws_cloudwatch_log_metric_filter { log_group_name = <trail log group>, pattern = <pattern> } plus aws_cloudwatch_metric_alarm { metric_name = "ConsoleSigninWithoutMfa", alarm_actions = [<SNS topic>] }',
  },
  evaluate: (trail, context) => evaluateMetricFilterCheck('console-signin-without-mfa', trail, context),
});
