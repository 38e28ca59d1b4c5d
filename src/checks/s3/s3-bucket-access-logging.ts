// Compliant: server access logging is on (LoggingConfiguration is set), so every request to the bucket is recorded.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, record, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 's3-bucket-access-logging',
  title: 'S3 bucket has server access logging enabled',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'Server access logs record each request made to the bucket (requester, operation, object, response), which investigations of data exposure depend on. AWS writes the logs only when the customer asks for them.',
  remediation: {
    console: 'S3 console > bucket > Properties > Server access logging > Edit > Enable, and choose a separate destination bucket.',
    cloudformation: 'AWS::S3::Bucket.LoggingConfiguration: { DestinationBucketName: !Ref LogBucket, LogFilePrefix: name/ }',
    terraform: 'aws_s3_bucket_logging { target_bucket = aws_s3_bucket.logs.id, target_prefix = "name/" }',
  },
  evaluate(bucket) {
    const logging = record(at(bucket.properties, 'LoggingConfiguration'));
    if (isUnknown(logging)) return unknown(logging, 'LoggingConfiguration');
    if (logging === undefined) return fail('server access logging is not enabled');
    const destination = at(logging, 'DestinationBucketName');
    const name = str(destination);
    // A reference to another bucket of the template is fine: its name is only known once deployed.
    if (destination === undefined) return pass('server access logs are delivered to the bucket itself (no DestinationBucketName)', 'LoggingConfiguration');
    if (typeof name === 'string') return pass(`server access logs are delivered to ${name}`, 'LoggingConfiguration.DestinationBucketName');
    return pass('server access logging is enabled', 'LoggingConfiguration');
  },
});
