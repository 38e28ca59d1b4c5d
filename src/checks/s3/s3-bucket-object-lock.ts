// Compliant: the bucket has S3 Object Lock turned on (ObjectLockEnabled true, or ObjectLockConfiguration.ObjectLockEnabled Enabled).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 's3-bucket-object-lock',
  title: 'S3 bucket has Object Lock turned on',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'low',
  rationale:
    'Object Lock stores object versions write-once-read-many: a locked version cannot be overwritten or deleted until its retention period ends, not even by an administrator in compliance mode, which guards audit logs and backups against ransomware and mistakes. A bucket has it only when the customer turns it on (at creation, or later with versioning on); it is off by default, and once on it cannot be turned off. Like the AWS Config rule s3-bucket-default-lock-enabled without its mode parameter, demarc wants Object Lock on and does not require a default retention rule (the message says whether there is one); buckets that need no WORM retention can suppress the finding.',
  remediation: {
    console: 'S3 console > bucket > Properties > Object Lock > Edit: enable, and set a default retention mode and period.',
    cloudformation: 'AWS::S3::Bucket { ObjectLockEnabled: true, ObjectLockConfiguration: { ObjectLockEnabled: Enabled, Rule: { DefaultRetention: { Mode: GOVERNANCE, Days: 30 } } } }',
    terraform: 'aws_s3_bucket { object_lock_enabled = true } (and aws_s3_bucket_object_lock_configuration { rule { default_retention { mode = "GOVERNANCE", days = 30 } } })',
  },
  evaluate(bucket) {
    const configured = str(at(bucket.properties, 'ObjectLockConfiguration', 'ObjectLockEnabled'));
    const enabled = bool(bucket.properties['ObjectLockEnabled']);
    if (enabled !== true && configured !== 'Enabled') {
      if (isUnknown(enabled)) return unknown(enabled, 'ObjectLockEnabled');
      if (isUnknown(configured)) return unknown(configured, 'ObjectLockConfiguration.ObjectLockEnabled');
      return fail(enabled === false ? 'ObjectLockEnabled is false: versions can be overwritten or deleted at any time' : 'Object Lock is not turned on (it is off by default): versions can be overwritten or deleted at any time', 'ObjectLockEnabled');
    }
    const mode = str(at(bucket.properties, 'ObjectLockConfiguration', 'Rule', 'DefaultRetention', 'Mode'));
    const retention = typeof mode === 'string' ? `new objects are retained in ${mode} mode by default` : 'no default retention rule: only objects given a retention period or legal hold are locked';
    return pass(`Object Lock is on; ${retention}`, 'ObjectLockEnabled');
  },
});
