// Compliant: a metric filter on the multi-region trail's log group matches the creation, change and deletion of route tables and routes, and an alarm with actions watches its metric.
import { defineCheck } from '../define-check.js';
import { evaluateMetricFilterCheck } from '../lib/metric-filters.js';

export default defineCheck({
  id: 'cloudwatch-alarm-route-table-changes',
  title: 'Route table changes raise an alarm',
  service: 'cloudwatch',
  resourceTypes: ['AWS::CloudTrail::Trail', 'Demarc::CloudTrail::RegionStatus'],
  reads: ['AWS::Logs::LogGroup', 'AWS::Logs::MetricFilter', 'AWS::CloudWatch::Alarm'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'detect-insecure-user-behaviour',
  severity: 'low',
  rationale:
    'Routes decide where traffic goes. A changed route can send private traffic through an unexpected gateway or make a private subnet reachable.',
  remediation: {
    console: 'CloudWatch console > Log groups > the trail\'s log group > Metric filters > Create metric filter (pattern below), then Create alarm on its metric with an SNS topic that people read.',
    cloudformation: 'AWS::Logs::MetricFilter { LogGroupName: <trail log group>, FilterPattern: \'{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ... }\', MetricTransformations: [{MetricName: RouteTableChanges, MetricNamespace: CISBenchmark, MetricValue: "1"}] } plus AWS::CloudWatch::Alarm { MetricName: RouteTableChanges, Namespace: CISBenchmark, AlarmActions: [<SNS topic>] }',
    terraform: 'aws_cloudwatch_log_metric_filter { log_group_name = <trail log group>, pattern = <pattern> } plus aws_cloudwatch_metric_alarm { metric_name = "RouteTableChanges", alarm_actions = [<SNS topic>] }',
  },
  evaluate: (trail, context) => evaluateMetricFilterCheck('route-table-changes', trail, context),
});
