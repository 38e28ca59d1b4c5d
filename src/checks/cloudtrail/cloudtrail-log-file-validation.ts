// Compliant: the trail writes digest files so that log files can be validated (EnableLogFileValidation is true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail log file validation is enabled',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'With validation on, CloudTrail signs an hourly digest of the log files it delivered, so anyone can later prove whether a file was changed or deleted. Without it, tampered logs look just like real ones.',
  remediation: {
    console: 'CloudTrail console > Trails > the trail > General details > Edit > Log file validation: Enabled.',
    cloudformation: 'AWS::CloudTrail::Trail.EnableLogFileValidation: true',
    terraform: 'aws_cloudtrail { enable_log_file_validation = true }',
  },
  evaluate(trail) {
    const validation = bool(trail.properties['EnableLogFileValidation']);
    if (isUnknown(validation)) return unknown(validation, 'EnableLogFileValidation');
    if (validation) return pass('log file validation is enabled', 'EnableLogFileValidation');
    return fail('log file validation is off: changes to delivered log files cannot be detected', 'EnableLogFileValidation');
  },
});
