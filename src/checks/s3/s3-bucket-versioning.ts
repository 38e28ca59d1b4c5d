// Compliant: the bucket's versioning status is Enabled, so overwritten or deleted objects can be recovered.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 's3-bucket-versioning',
  title: 'S3 bucket has versioning enabled',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Versioning keeps every version of an object, so data overwritten or deleted by mistake or by an attacker can be restored. Keeping data recoverable is the customer\'s side of business continuity.',
  remediation: {
    console: 'S3 console > bucket > Properties > Bucket Versioning > Edit > Enable.',
    cloudformation: 'AWS::S3::Bucket.VersioningConfiguration.Status: Enabled',
    terraform: 'aws_s3_bucket_versioning { versioning_configuration { status = "Enabled" } }',
  },
  evaluate(bucket) {
    const status = str(at(bucket.properties, 'VersioningConfiguration', 'Status'));
    if (isUnknown(status)) return unknown(status, 'VersioningConfiguration.Status');
    if (status === 'Enabled') return pass('versioning is enabled', 'VersioningConfiguration.Status');
    if (status === 'Suspended') return fail('versioning is suspended', 'VersioningConfiguration.Status');
    return fail('versioning was never enabled');
  },
});
