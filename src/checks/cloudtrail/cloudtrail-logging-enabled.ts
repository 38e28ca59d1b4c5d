// Compliant: the trail is logging (IsLogging is true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'cloudtrail-logging-enabled',
  title: 'CloudTrail trail is logging',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  layer: 'logging-monitoring',
  control: 'logging-monitoring',
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
    const logging = bool(trail.properties['IsLogging']);
    if (isUnknown(logging)) return unknown(logging, 'IsLogging');
    if (logging === undefined) return unknown('whether the trail is logging is not stated', 'IsLogging');
    return logging ? pass('the trail is logging', 'IsLogging') : fail('the trail is stopped and records nothing', 'IsLogging');
  },
});
