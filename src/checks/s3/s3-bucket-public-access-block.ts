// Compliant: the bucket blocks public ACLs and policies with all four public access block settings on.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, record } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export default defineCheck({
  id: 's3-bucket-public-access-block',
  title: 'S3 bucket blocks public access',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'customer-data',
  control: 'data-loss-prevention',
  duty: 'prevent-data-loss',
  severity: 'high',
  rationale:
    'The four public access block settings stop a bucket policy or ACL from ever making the data public, whatever a later change grants. Keeping data stores private is the customer\'s side of data-loss prevention: AWS stores the objects, the customer decides who may read them.',
  remediation: {
    console: 'S3 console > bucket > Permissions > Block public access (bucket settings) > Edit > turn on all four settings.',
    cloudformation:
      'AWS::S3::Bucket.PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }',
    terraform:
      'aws_s3_bucket_public_access_block { block_public_acls = true, ignore_public_acls = true, block_public_policy = true, restrict_public_buckets = true }',
  },
  evaluate(bucket) {
    const config = record(at(bucket.properties, 'PublicAccessBlockConfiguration'));
    if (isUnknown(config)) return unknown(config, 'PublicAccessBlockConfiguration');
    if (config === undefined) {
      if (isLive(bucket)) return fail('the bucket has no public access block configuration');
      return pass(
        'PublicAccessBlockConfiguration is not set: S3 turns all four settings on for buckets created since April 2023',
      );
    }
    const off: string[] = [];
    for (const setting of SETTINGS) {
      const value = bool(config[setting]);
      if (isUnknown(value)) return unknown(value, `PublicAccessBlockConfiguration.${setting}`);
      // Once the configuration is given, a setting left out is false.
      if (value !== true) off.push(value === false ? `${setting} is false` : `${setting} is not set (false)`);
    }
    if (off.length > 0) return fail(`public access is not fully blocked: ${off.join(', ')}`, 'PublicAccessBlockConfiguration');
    return pass('all four public access block settings are on', 'PublicAccessBlockConfiguration');
  },
});
