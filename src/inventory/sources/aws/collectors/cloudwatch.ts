import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const ALARM = 'AWS::CloudWatch::Alarm';
const LOG_GROUP = 'AWS::Logs::LogGroup';
const METRIC_FILTER = 'AWS::Logs::MetricFilter';
const DELIVERY_SOURCE = 'AWS::Logs::DeliverySource';

export default defineCollector({
  service: 'cloudwatch',
  global: false,
  resourceTypes: [ALARM, LOG_GROUP, METRIC_FILTER, DELIVERY_SOURCE],
  calls: ['cloudwatch:DescribeAlarms', 'logs:DescribeLogGroups', 'logs:DescribeMetricFilters', 'logs:DescribeDeliverySources'],
  async collect(ctx) {
    await listing(ctx, [ALARM], async () => {
      const sdk = await import('@aws-sdk/client-cloudwatch');
      const cloudwatch = ctx.client(sdk.CloudWatchClient);
      for await (const page of ctx.pages(cloudwatch, 'cloudwatch:DescribeAlarms', (NextToken) => new sdk.DescribeAlarmsCommand({ NextToken, MaxRecords: 100 }), (page) => page.NextToken)) {
        for (const alarm of page.MetricAlarms ?? []) {
          const arn = alarm.AlarmArn ?? ctx.arn('cloudwatch', `alarm:${alarm.AlarmName ?? ''}`);
          ctx.emit({
            type: ALARM,
            id: arn,
            arn,
            name: alarm.AlarmName,
            properties: props({
              AlarmName: alarm.AlarmName,
              MetricName: alarm.MetricName,
              Namespace: alarm.Namespace,
              Statistic: alarm.Statistic,
              ComparisonOperator: alarm.ComparisonOperator,
              Threshold: alarm.Threshold,
              EvaluationPeriods: alarm.EvaluationPeriods,
              Period: alarm.Period,
              ActionsEnabled: alarm.ActionsEnabled,
              AlarmActions: alarm.AlarmActions,
              Dimensions: (alarm.Dimensions ?? []).map((dimension) => ({ Name: dimension.Name, Value: dimension.Value })),
              // An alarm on a metric query names its metrics here (MetricStat.Metric), not in MetricName and Namespace.
              Metrics: alarm.Metrics,
            }),
          });
        }
      }
    });
    if (!ctx.wants(LOG_GROUP) && !ctx.wants(METRIC_FILTER) && !ctx.wants(DELIVERY_SOURCE)) return;
    const logsSdk = await import('@aws-sdk/client-cloudwatch-logs');
    const logs = ctx.client(logsSdk.CloudWatchLogsClient);
    await listing(ctx, [LOG_GROUP], async () => {
      for await (const page of ctx.pages(logs, 'logs:DescribeLogGroups', (nextToken) => new logsSdk.DescribeLogGroupsCommand({ nextToken, limit: 50 }), (page) => page.nextToken)) {
        for (const group of page.logGroups ?? []) {
          const arn = (group.arn ?? ctx.arn('logs', `log-group:${group.logGroupName ?? ''}`)).replace(/:\*$/, '');
          ctx.emit({ type: LOG_GROUP, id: arn, arn, name: group.logGroupName, properties: props({ LogGroupName: group.logGroupName, RetentionInDays: group.retentionInDays, KmsKeyId: group.kmsKeyId, DataProtectionStatus: group.dataProtectionStatus, LogGroupClass: group.logGroupClass }) });
        }
      }
    });
    // Standard logging v2 (CloudFront access logs ...) is configured as delivery sources, outside the logged resource.
    await listing(ctx, [DELIVERY_SOURCE], async () => {
      for await (const page of ctx.pages(logs, 'logs:DescribeDeliverySources', (nextToken) => new logsSdk.DescribeDeliverySourcesCommand({ nextToken, limit: 50 }), (page) => page.nextToken)) {
        for (const source of page.deliverySources ?? []) {
          const arn = source.arn ?? ctx.arn('logs', `delivery-source:${source.name ?? ''}`);
          for (const [index, resourceArn] of (source.resourceArns ?? [undefined]).entries()) {
            // CloudFormation's DeliverySource names one resource; a live source may list several: one resource each.
            const id = index === 0 ? arn : `${arn}#${index}`;
            ctx.emit({ type: DELIVERY_SOURCE, id, arn, name: source.name, properties: props({ Name: source.name, ResourceArn: resourceArn, LogType: source.logType }) });
          }
        }
      }
    });
    await listing(ctx, [METRIC_FILTER], async () => {
      for await (const page of ctx.pages(logs, 'logs:DescribeMetricFilters', (nextToken) => new logsSdk.DescribeMetricFiltersCommand({ nextToken, limit: 50 }), (page) => page.nextToken)) {
        for (const filter of page.metricFilters ?? []) {
          const id = ctx.arn('logs', `log-group:${filter.logGroupName ?? ''}:metric-filter:${filter.filterName ?? ''}`);
          ctx.emit({
            type: METRIC_FILTER,
            id,
            name: filter.filterName,
            properties: props({
              FilterName: filter.filterName,
              FilterPattern: filter.filterPattern,
              LogGroupName: filter.logGroupName,
              MetricTransformations: (filter.metricTransformations ?? []).map((transformation) => ({ MetricName: transformation.metricName, MetricNamespace: transformation.metricNamespace, MetricValue: transformation.metricValue })),
            }),
          });
        }
      }
    });
  },
});
