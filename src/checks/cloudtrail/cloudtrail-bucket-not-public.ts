// Compliant: the S3 bucket the trail delivers to grants no public access, through its ACL or its bucket policy.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { CheckContext, Evaluation } from '../types.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { allowsEveryone, policyStatements } from '../lib/policy.js';
import { trailBucket } from '../lib/s3.js';

const PUBLIC_ACLS = ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'];

type BlockSetting = 'BlockPublicAcls' | 'IgnorePublicAcls' | 'BlockPublicPolicy' | 'RestrictPublicBuckets';

/** True when the bucket's or the account's public access block turns the setting on. */
function blocked(bucket: Resource, context: CheckContext, setting: BlockSetting): boolean {
  if (bool(at(bucket.properties, 'PublicAccessBlockConfiguration', setting)) === true) return true;
  return context.inventory
    .ofType('Demarc::S3::AccountPublicAccessBlock')
    .some((account) => bool(account.properties['Exists']) === true && bool(account.properties[setting]) === true);
}

function bucketExposure(bucket: Resource, context: CheckContext): Evaluation[] {
  const findings: Evaluation[] = [];
  const acl = str(bucket.properties['AccessControl']);
  if (isUnknown(acl)) findings.push(unknown(`the bucket's ACL is not known (${acl.reason})`));
  else if (acl !== undefined && PUBLIC_ACLS.includes(acl) && !blocked(bucket, context, 'IgnorePublicAcls')) {
    findings.push(fail(`the trail's bucket ${bucket.name ?? bucket.id} has the canned ACL ${acl}, which opens the logs to others`));
  }
  if (!blocked(bucket, context, 'RestrictPublicBuckets')) {
    for (const policy of context.inventory.referrers(bucket, 'AWS::S3::BucketPolicy', 'Bucket')) {
      const statements = policyStatements(policy.properties['PolicyDocument']);
      if (isUnknown(statements)) {
        findings.push(unknown(`the policy ${policy.id} of the trail's bucket is not known (${statements.reason})`));
        continue;
      }
      for (const statement of statements ?? []) {
        const open = allowsEveryone(statement);
        if (isUnknown(open)) findings.push(unknown(`a statement of ${policy.id} cannot be judged (${open.reason})`));
        else if (open) findings.push(fail(`the policy ${policy.id} of the trail's bucket ${bucket.name ?? bucket.id} allows anyone (${statement.path})`));
      }
    }
  }
  return findings;
}

export default defineCheck({
  id: 'cloudtrail-bucket-not-public',
  title: 'The CloudTrail bucket is not publicly accessible',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  reads: ['AWS::S3::Bucket', 'Demarc::S3::AccountPublicAccessBlock', 'AWS::S3::BucketPolicy'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'critical',
  rationale:
    'CloudTrail logs map the whole account: who exists, what runs where, which calls fail. A public log bucket hands that map to anyone, and a writable one lets them forge or delete the evidence.',
  remediation: {
    console: 'S3 console > the trail\'s bucket > Permissions: turn on Block public access (all four settings), remove public grants from the ACL and "*" principals from the bucket policy.',
    cloudformation: 'AWS::S3::Bucket.PublicAccessBlockConfiguration with all four settings true; no PublicRead ACL; AWS::S3::BucketPolicy granting only cloudtrail.amazonaws.com with aws:SourceArn.',
    terraform: 'aws_s3_bucket_public_access_block { block_public_acls = true, ignore_public_acls = true, block_public_policy = true, restrict_public_buckets = true }',
  },
  evaluate(trail, context) {
    const found = trailBucket(trail, context.inventory, 'its exposure');
    if ('unresolved' in found) return found.unresolved;
    const { bucket } = found;
    const findings = bucketExposure(bucket, context).map((finding) => ({ ...finding, path: 'S3BucketName' }));
    if (findings.some((finding) => finding.status === 'fail')) return findings.filter((finding) => finding.status === 'fail');
    if (findings.length > 0) return findings;
    return pass(`the trail's bucket ${bucket.name ?? bucket.id} grants no public access`, 'S3BucketName');
  },
});
