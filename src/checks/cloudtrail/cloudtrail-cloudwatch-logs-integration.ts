// Compliant: the trail also delivers its events to a CloudWatch Logs log group (CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are set); in a live account, a trail that records each region does.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';
import { accountRegion, describeTrail, trailsInRegion } from '../lib/metric-filters.js';

const isSet = (value: PropValue | undefined): boolean => value !== undefined && value !== null && value !== '';

/** A region of a live account: some trail that records it must deliver its events to CloudWatch Logs. */
function judgeRegion(status: Resource): Evaluation {
  const where = accountRegion(status);
  const trails = trailsInRegion(status);
  if (isUnknown(trails)) return unknown(trails, 'Trails');
  if (trails.length === 0) return fail(`no trail logs ${where}, so none of its API activity reaches CloudWatch Logs`, 'Trails');
  const delivering = trails.find((trail) => isSet(trail.logGroupArn) && !isUnknown(trail.logGroupArn) && isSet(trail.logRoleArn));
  if (delivering) return pass(`${describeTrail(delivering, status)} delivers the events of ${where} to CloudWatch Logs`, 'Trails');
  const doubt = trails.find((trail) => isUnknown(trail.logGroupArn));
  if (doubt) return unknown(`whether trail ${doubt.name} delivers to CloudWatch Logs is not known`, 'Trails');
  return fail(`no trail that records ${where} delivers to CloudWatch Logs (${trails.map((trail) => trail.name).join(', ')})`, 'Trails');
}

export default defineCheck({
  id: 'cloudtrail-cloudwatch-logs-integration',
  title: 'CloudTrail trail delivers to CloudWatch Logs',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail', 'Demarc::CloudTrail::RegionStatus'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'detect-account-compromise',
  severity: 'medium',
  rationale:
    'Log files in S3 are evidence after the fact. Sent to CloudWatch Logs as well, the same events can drive metric filters and alarms that warn within minutes of root use, policy changes or a stopped trail.',
  remediation: {
    console: 'CloudTrail console > Trails > the trail > CloudWatch Logs > Edit: Enabled, with a log group and a role CloudTrail can assume.',
    cloudformation: 'AWS::CloudTrail::Trail.CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn and CloudWatchLogsRoleArn: !GetAtt TrailLogsRole.Arn',
    terraform: 'aws_cloudtrail { cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*", cloud_watch_logs_role_arn = aws_iam_role.trail_logs.arn }',
  },
  evaluate(trail) {
    if (trail.type === 'Demarc::CloudTrail::RegionStatus') return judgeRegion(trail);
    const group = trail.properties['CloudWatchLogsLogGroupArn'];
    const role = trail.properties['CloudWatchLogsRoleArn'];
    if (group === undefined || group === null || group === '') return fail('the trail does not deliver to CloudWatch Logs');
    if (role === undefined || role === null || role === '') return fail('the trail names a log group but no role to write to it', 'CloudWatchLogsLogGroupArn');
    // An unresolved ARN still shows that delivery is configured; only a wholly unknown value leaves it open.
    if (isUnknown(group) && group.template === undefined) return unknown(group, 'CloudWatchLogsLogGroupArn');
    return pass('the trail delivers its events to CloudWatch Logs', 'CloudWatchLogsLogGroupArn');
  },
});
