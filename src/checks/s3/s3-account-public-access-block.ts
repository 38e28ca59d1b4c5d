// Compliant: the account-level S3 public access block has all four settings on.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export default defineCheck({
  id: 's3-account-public-access-block',
  title: 'S3 public access is blocked for the whole account',
  service: 's3',
  resourceTypes: ['Demarc::S3::AccountPublicAccessBlock'],
  layer: 'customer-data',
  control: 'data-loss-prevention',
  duty: 'prevent-data-loss',
  severity: 'high',
  rationale:
    'The account-level block public access settings override every bucket and access point in the account, so no single bucket can be made public by mistake. Only the customer can turn them on; AWS does not know which data may be published.',
  remediation: {
    console: 'S3 console > Block Public Access settings for this account > Edit > turn on all four settings.',
    cloudformation: 'No CloudFormation resource type sets it: use the S3 console, `aws s3control put-public-access-block`, or Terraform.',
    terraform:
      'aws_s3_account_public_access_block { block_public_acls = true, ignore_public_acls = true, block_public_policy = true, restrict_public_buckets = true }',
  },
  evaluate(setting) {
    const exists = bool(setting.properties['Exists']);
    if (isUnknown(exists)) return unknown(exists, 'Exists');
    if (exists === false) return fail('the account has no S3 public access block configuration');
    const off: string[] = [];
    for (const name of SETTINGS) {
      const value = bool(setting.properties[name]);
      if (isUnknown(value)) return unknown(value, name);
      if (value !== true) off.push(name);
    }
    if (off.length > 0) return fail(`account-level public access block is off for: ${off.join(', ')}`);
    return pass('all four account-level public access block settings are on');
  },
});
