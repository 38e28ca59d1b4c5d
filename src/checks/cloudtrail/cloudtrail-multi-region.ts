// Compliant: the trail records API activity in every region (IsMultiRegionTrail is true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'cloudtrail-multi-region',
  title: 'CloudTrail trail covers all regions',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  layer: 'logging-monitoring',
  control: 'logging-monitoring',
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
    const multi = bool(trail.properties['IsMultiRegionTrail']);
    if (isUnknown(multi)) return unknown(multi, 'IsMultiRegionTrail');
    if (multi) return pass('the trail records every region', 'IsMultiRegionTrail');
    return fail(multi === false ? 'the trail records only its own region' : 'IsMultiRegionTrail is not set, so the trail records only its own region', 'IsMultiRegionTrail');
  },
});
