// Compliant: the trail records API activity in every region (IsMultiRegionTrail is true); in a live account, a multi-region trail records each region.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { accountRegion, describeTrail, trailsInRegion } from '../lib/metric-filters.js';

/** A region of a live account: some multi-region trail must record it. */
function judgeRegion(status: Resource): Evaluation {
  const where = accountRegion(status);
  const trails = trailsInRegion(status);
  if (isUnknown(trails)) return unknown(trails, 'Trails');
  const multi = trails.find((trail) => trail.multiRegion === true);
  if (multi) return pass(`${describeTrail(multi, status)} records ${where}`, 'Trails');
  const doubt = trails.find((trail) => isUnknown(trail.multiRegion));
  if (doubt) return unknown(`whether trail ${doubt.name} records every region is not known`, 'Trails');
  if (trails.length === 0) return fail(`no trail logs ${where}: API activity there is not recorded`, 'Trails');
  return fail(`no multi-region trail records ${where}; only ${trails.map((trail) => trail.name).join(', ')}, which record one region each`, 'Trails');
}

export default defineCheck({
  id: 'cloudtrail-multi-region',
  title: 'CloudTrail trail covers all regions',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail', 'Demarc::CloudTrail::RegionStatus'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'high',
  rationale:
    'An attacker with stolen keys often works in regions nobody watches. A multi-region trail records API calls everywhere, including regions AWS adds later, so there is no unlogged corner of the account.',
  remediation: {
    console: 'CloudTrail console > Trails > the trail > General details > Edit: apply the trail to all regions (trails created in the console are multi-region).',
    cloudformation: 'AWS::CloudTrail::Trail.IsMultiRegionTrail: true',
    terraform: 'aws_cloudtrail { is_multi_region_trail = true }',
  },
  evaluate(trail) {
    if (trail.type === 'Demarc::CloudTrail::RegionStatus') return judgeRegion(trail);
    const multi = bool(trail.properties['IsMultiRegionTrail']);
    if (isUnknown(multi)) return unknown(multi, 'IsMultiRegionTrail');
    if (multi) return pass('the trail records every region', 'IsMultiRegionTrail');
    return fail(multi === false ? 'the trail records only its own region' : 'IsMultiRegionTrail is not set, so the trail records only its own region', 'IsMultiRegionTrail');
  },
});
