// Compliant: the S3 bucket the trail delivers to has server access logging enabled.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, record } from '../../inventory/readers.js';
import { trailBucket } from '../lib/s3.js';

export default defineCheck({
  id: 'cloudtrail-bucket-access-logging',
  title: 'The CloudTrail bucket has access logging enabled',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  reads: ['AWS::S3::Bucket'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'Access logs of the log bucket show who read, copied or deleted the audit trail itself. When investigating an incident, knowing whether the evidence was touched matters as much as the evidence.',
  remediation: {
    console: 'S3 console > the trail\'s bucket > Properties > Server access logging > Edit > Enable, with a separate target bucket.',
    cloudformation: 'AWS::S3::Bucket.LoggingConfiguration.DestinationBucketName on the trail\'s bucket',
    terraform: 'aws_s3_bucket_logging { bucket = <trail bucket>, target_bucket = <access log bucket> }',
  },
  evaluate(trail, context) {
    const found = trailBucket(trail, context.inventory, 'its logging');
    if ('unresolved' in found) return found.unresolved;
    const { bucket } = found;
    const logging = record(bucket.properties['LoggingConfiguration']);
    if (isUnknown(logging)) return unknown(logging, 'S3BucketName');
    if (logging === undefined) return fail(`the trail's bucket ${bucket.name ?? bucket.id} has no server access logging`, 'S3BucketName');
    return pass(`the trail's bucket ${bucket.name ?? bucket.id} has server access logging`, 'S3BucketName');
  },
});
