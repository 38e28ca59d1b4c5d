import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../inventory/values.js';
import { compileFilterPattern, METRIC_FILTERS, uncoveredActivities, type MetricFilterKey } from './metric-filters.js';

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
