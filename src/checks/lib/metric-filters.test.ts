import { describe, expect, it } from 'vitest';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown, Reference, Unknown, type PropValue } from '../../inventory/values.js';
import { createInventoryView } from '../../inventory/view.js';
import { compileFilterPattern, evaluateMetricFilterCheck, METRIC_FILTERS, uncoveredActivities, type MetricFilterKey } from './metric-filters.js';

describe('metric filter patterns', () => {
  it('evaluates JSON patterns with ||, && and parentheses', () => {
    expect(uncoveredActivities('cloudtrail-changes', '{($.eventName=CreateTrail)||($.eventName=UpdateTrail)||($.eventName=DeleteTrail)||($.eventName=StartLogging)||($.eventName=StopLogging)}')).toEqual([]);
    expect(uncoveredActivities('cloudtrail-changes', '{ ($.eventName = CreateTrail) && ($.eventName = DeleteTrail) }')).toHaveLength(5);
  });

  it('honours wildcards in values', () => {
    expect(uncoveredActivities('cloudtrail-changes', '{ $.eventSource = "cloudtrail.amazonaws.com" && ($.eventName = "*Trail" || $.eventName = "*Logging") }')).toEqual([]);
    expect(uncoveredActivities('cloudtrail-changes', '{ $.eventName = "*Trail" }')).toEqual(['StartLogging', 'StopLogging']);
  });

  it('accepts a stricter unauthorized-calls pattern that excludes noise', () => {
    const pattern =
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';
    expect(uncoveredActivities('unauthorized-api-calls', pattern)).toEqual([]);
  });

  it('reads NOT EXISTS, IS NULL and != comparisons', () => {
    expect(uncoveredActivities('root-usage', '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }')).toEqual([]);
    expect(uncoveredActivities('root-usage', '{ $.userIdentity.type = "Root" && $.responseElements IS NULL }')).toEqual(['a console sign-in by the root user']);
  });

  it('requires the MFA condition to match sign-ins without MFA', () => {
    expect(uncoveredActivities('console-signin-without-mfa', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }')).toEqual([]);
    expect(uncoveredActivities('console-signin-without-mfa', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "Yes") }')).toHaveLength(1);
  });

  it('matches term patterns against the record text, and an empty pattern matches everything', () => {
    expect(uncoveredActivities('console-auth-failures', 'ConsoleLogin "Failed authentication"')).toEqual([]);
    expect(uncoveredActivities('cmk-disable-or-deletion', '?DisableKey ?ScheduleKeyDeletion')).toEqual([]);
    expect(uncoveredActivities('cmk-disable-or-deletion', '')).toEqual([]);
  });

  it('reports what it cannot read as unknown, never as covered', () => {
    expect(isUnknown(compileFilterPattern('[ip, user, timestamp]'))).toBe(true);
    expect(isUnknown(compileFilterPattern('{ $.eventName = "CreateTrail" '))).toBe(true);
    expect(isUnknown(compileFilterPattern('{ ($.eventName = CreateTrail }'))).toBe(true);
  });

  it('has, for every monitoring item, samples that a list of their event names covers', () => {
    for (const [key, spec] of Object.entries(METRIC_FILTERS)) {
      const names = spec.samples.map((sample) => sample.record['eventName']);
      const pattern = `{ ${names.map((name) => `($.eventName = "${String(name)}")`).join(' || ')} }`;
      const missing = uncoveredActivities(key as MetricFilterKey, pattern);
      // Items defined by more than the event name (errors, MFA, the root user) are not covered by names alone.
      if (['unauthorized-api-calls', 'root-usage', 'console-signin-without-mfa', 'console-auth-failures'].includes(key)) continue;
      expect(missing, key).toEqual([]);
    }
  });
});

describe('the log group of a trail', () => {
  const origin = { kind: 'terraform-config' as const };
  const group: Resource = { id: 'module.audit.aws_cloudwatch_log_group.trail', scope: 'test', type: 'AWS::Logs::LogGroup', name: 'org-trail', properties: { LogGroupName: 'org-trail' }, origin };
  const filter: Resource = {
    id: 'module.audit.aws_cloudwatch_log_metric_filter.changes', scope: 'test',
    type: 'AWS::Logs::MetricFilter',
    properties: {
      LogGroupName: new Reference(group.id, 'name'),
      FilterPattern: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
      MetricTransformations: [{ MetricName: 'CloudTrailChanges', MetricNamespace: 'CIS', MetricValue: '1' }],
    },
    origin,
  };
  const alarm: Resource = {
    id: 'module.audit.aws_cloudwatch_metric_alarm.changes', scope: 'test',
    type: 'AWS::CloudWatch::Alarm',
    properties: { MetricName: 'CloudTrailChanges', Namespace: 'CIS', AlarmActions: [new Reference('aws_sns_topic.alerts', 'arn')] },
    origin,
  };
  const judge = (arn: PropValue, resources: Resource[] = [group, filter, alarm]): string => {
    const trail: Resource = { id: 'module.audit.aws_cloudtrail.main', scope: 'test', type: 'AWS::CloudTrail::Trail', properties: { IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: arn }, origin };
    const inventory = createInventoryView({ resources: [trail, ...resources], gaps: [], problems: [], sources: [] });
    return evaluateMetricFilterCheck('cloudtrail-changes', trail, { inventory, now: new Date(0) }).status;
  };

  it('reads "${<log group>.arn}:*" as the log group it refers to', () => {
    expect(judge(new Unknown('known only after apply', '${module.audit.aws_cloudwatch_log_group.trail.arn}:*'))).toBe('pass');
    expect(judge(new Unknown('Fn::Sub uses an attribute', '${module.audit.aws_cloudwatch_log_group.trail.Arn}:*'))).toBe('pass');
    expect(judge(new Unknown('known only after apply', '${module.audit.aws_cloudwatch_log_group.trail.arn}:*'), [group, filter])).toBe('fail');
  });

  it('is unknown when the referenced log group is not in the inventory', () => {
    expect(judge(new Unknown('known only after apply', '${aws_cloudwatch_log_group.elsewhere.arn}:*'))).toBe('unknown');
  });
});
