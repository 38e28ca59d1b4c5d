// Compliant: the bucket has a lifecycle configuration with at least one enabled rule.
import { defineCheck } from '../define-check.js';
import { evaluateLifecycleRules } from '../lib/s3-lifecycle.js';

export default defineCheck({
  id: 's3-bucket-lifecycle-configuration',
  title: 'S3 bucket has an enabled lifecycle rule',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'low',
  rationale:
    'S3 keeps every object until someone deletes it: a bucket has no lifecycle rules by default. Lifecycle rules decide how long data is retained, when it moves to cheaper storage and when it expires, so retention is a decision rather than an accident. Like Security Hub S3.13 without its optional parameters, demarc wants at least one rule whose Status is Enabled; it does not judge what the rules do.',
  remediation: {
    console: 'S3 console > bucket > Management > Lifecycle rules > Create lifecycle rule: choose the transitions and expirations the data needs.',
    cloudformation: 'AWS::S3::Bucket.LifecycleConfiguration: { Rules: [{ Id: retention, Status: Enabled, ExpirationInDays: 365 }] }',
    terraform: 'aws_s3_bucket_lifecycle_configuration { rule { id = "retention", status = "Enabled", filter {}, expiration { days = 365 } } }',
  },
  evaluate: (bucket) => evaluateLifecycleRules(bucket),
});
