// Compliant: a metric filter on the multi-region trail's log group matches the creation, change and deletion of VPCs, their peering and ClassicLink, and an alarm with actions watches its metric.
import { defineCheck } from '../define-check.js';
import { evaluateMetricFilterCheck } from '../lib/metric-filters.js';

export default defineCheck({
  id: 'cloudwatch-alarm-vpc-changes',
  title: 'VPC changes raise an alarm',
  service: 'cloudwatch',
  resourceTypes: ['AWS::CloudTrail::Trail', 'Demarc::CloudTrail::RegionStatus'],
  reads: ['AWS::Logs::LogGroup', 'AWS::Logs::MetricFilter', 'AWS::CloudWatch::Alarm'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'detect-insecure-user-behaviour',
  severity: 'low',
  rationale:
    'New VPCs and peering connections change which networks can reach which. An unexpected peering connection can join a private network to one the customer does not control.',
  remediation: {
    console: 'CloudWatch console > Log groups > the trail\'s log group > Metric filters > Create metric filter (pattern below), then Create alarm on its metric with an SNS topic that people read.',
    cloudformation: 'AWS::Logs::MetricFilter { LogGroupName: <trail log group>, FilterPattern: \'{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ... }\', MetricTransformations: [{MetricName: VpcChanges, MetricNamespace: CISBenchmark, MetricValue: "1"}] } plus AWS::CloudWatch::Alarm { MetricName: VpcChanges, Namespace: CISBenchmark, AlarmActions: [<SNS topic>] }',
    terraform: 'aws_cloudwatch_log_metric_filter { log_group_name = <trail log group>, pattern = <pattern> } plus aws_cloudwatch_metric_alarm { metric_name = "VpcChanges", alarm_actions = [<SNS topic>] }',
  },
  evaluate: (trail, context) => evaluateMetricFilterCheck('vpc-changes', trail, context),
});
