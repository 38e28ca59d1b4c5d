// Compliant: the trail encrypts its log files with a KMS key (KMSKeyId is set).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isReference, isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'cloudtrail-kms-encryption',
  title: 'CloudTrail logs are encrypted with a KMS key',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Log files are encrypted with S3-managed keys by default. A customer managed KMS key adds a second permission: reading the logs then needs kms:Decrypt on that key too, and every use of the key is itself logged.',
  remediation: {
    console: 'CloudTrail console > Trails > the trail > General details > Edit > Log file SSE-KMS encryption: Enabled, with a key whose policy lets CloudTrail use it.',
    cloudformation: 'AWS::CloudTrail::Trail.KMSKeyId: !GetAtt TrailKey.Arn (an AWS::KMS::Key whose policy allows cloudtrail.amazonaws.com)',
    terraform: 'aws_cloudtrail { kms_key_id = aws_kms_key.trail.arn }',
  },
  evaluate(trail) {
    const key = trail.properties['KMSKeyId'];
    if (isReference(key)) return pass(`the logs are encrypted with the KMS key ${key.target}`, 'KMSKeyId');
    if (isUnknown(key)) return unknown(key, 'KMSKeyId');
    if (typeof key === 'string' && key.trim() !== '') return pass('the logs are encrypted with a KMS key', 'KMSKeyId');
    return fail('the logs are not encrypted with a KMS key', 'KMSKeyId');
  },
});
