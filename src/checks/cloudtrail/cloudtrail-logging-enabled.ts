// Compliant: the trail is logging (IsLogging is true); in a live account, a trail that is logging records each region.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { accountRegion, describeTrail, trailsInRegion } from '../lib/metric-filters.js';

/** A region of a live account: some trail that records it must be logging. */
function judgeRegion(status: Resource): Evaluation {
  const where = accountRegion(status);
  const trails = trailsInRegion(status);
  if (isUnknown(trails)) return unknown(trails, 'Trails');
  if (trails.length === 0) return fail(`no trail logs ${where}: API activity there is not recorded`, 'Trails');
  const logging = trails.find((trail) => trail.logging === true);
  if (logging) return pass(`${describeTrail(logging, status)} is logging ${where}`, 'Trails');
  const doubt = trails.find((trail) => trail.logging === undefined || isUnknown(trail.logging));
  if (doubt) return unknown(`whether trail ${doubt.name} is logging is not known${isUnknown(doubt.logging) ? ` (${doubt.logging.reason})` : ''}`, 'Trails');
  return fail(`every trail that records ${where} is stopped (${trails.map((trail) => trail.name).join(', ')}): API activity there is not recorded`, 'Trails');
}

export default defineCheck({
  id: 'cloudtrail-logging-enabled',
  title: 'CloudTrail trail is logging',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail', 'Demarc::CloudTrail::RegionStatus'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'high',
  rationale:
    'A trail that exists but is stopped records nothing: stopping logging is one of the first things an intruder tries. The audit trail is only evidence while it is on.',
  remediation: {
    console: 'CloudTrail console > Trails > the trail > Start logging.',
    cloudformation: 'AWS::CloudTrail::Trail.IsLogging: true',
    terraform: 'aws_cloudtrail { enable_logging = true }',
  },
  evaluate(trail) {
    if (trail.type === 'Demarc::CloudTrail::RegionStatus') return judgeRegion(trail);
    const logging = bool(trail.properties['IsLogging']);
    if (isUnknown(logging)) return unknown(logging, 'IsLogging');
    if (logging === undefined) return unknown('whether the trail is logging is not stated', 'IsLogging');
    return logging ? pass('the trail is logging', 'IsLogging') : fail('the trail is stopped and records nothing', 'IsLogging');
  },
});
