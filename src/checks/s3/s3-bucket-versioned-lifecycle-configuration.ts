// Compliant: a bucket with versioning enabled has a lifecycle configuration with at least one enabled rule.
import { defineCheck, notApplicable, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { evaluateLifecycleRules } from '../lib/s3-lifecycle.js';

export default defineCheck({
  id: 's3-bucket-versioned-lifecycle-configuration',
  title: 'Versioned S3 bucket has an enabled lifecycle rule',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'With versioning enabled, every overwrite and delete keeps the old version, and S3 keeps it until someone deletes it. Without an enabled lifecycle rule, noncurrent versions pile up without limit, and the retention of old data is left to chance. Like Security Hub S3.10, demarc judges buckets whose versioning Status is Enabled (others are not applicable) and wants at least one lifecycle rule whose Status is Enabled; it does not judge what the rules do.',
  remediation: {
    console: 'S3 console > bucket > Management > Lifecycle rules > Create lifecycle rule: for example, permanently delete noncurrent versions after the retention the data needs.',
    cloudformation: 'AWS::S3::Bucket.LifecycleConfiguration: { Rules: [{ Id: noncurrent, Status: Enabled, NoncurrentVersionExpiration: { NoncurrentDays: 90 } }] }',
    terraform: 'aws_s3_bucket_lifecycle_configuration { rule { id = "noncurrent", status = "Enabled", filter {}, noncurrent_version_expiration { noncurrent_days = 90 } } }',
  },
  evaluate(bucket) {
    const status = str(at(bucket.properties, 'VersioningConfiguration', 'Status'));
    if (isUnknown(status)) return unknown(status, 'VersioningConfiguration.Status');
    if (status !== 'Enabled') return notApplicable(`versioning is ${status === undefined ? 'not enabled' : status}: S3.10 judges versioned buckets only`);
    return evaluateLifecycleRules(bucket);
  },
});
