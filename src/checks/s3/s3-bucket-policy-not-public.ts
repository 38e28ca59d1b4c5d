// Compliant: no bucket policy attached to the bucket allows anyone (Principal "*" without a narrowing condition), or Block Public Access (RestrictPublicBuckets) stops it.
import { defineCheck, pass } from '../define-check.js';
import type { CheckContext, Evaluation } from '../types.js';
import { at, bool } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { attachedPolicyEvaluations, isLive } from '../lib/data-stores.js';
import { detachedPolicyEvaluations } from '../lib/detached-policy.js';

/**
 * What stops a public bucket policy from taking effect, if anything is known to: RestrictPublicBuckets on the bucket
 * or the account limits access to AWS services and the bucket owner's account; BlockPublicPolicy makes S3 refuse to
 * attach a public policy, which stops a template from deploying one (it does not remove a policy already in place,
 * so it proves nothing about a live bucket).
 */
function blockStopping(bucket: Resource | undefined, context: CheckContext): { why: string; path?: string } | undefined {
  const accountBlocks = context.inventory
    .ofType('Demarc::S3::AccountPublicAccessBlock')
    .filter((block) => bool(block.properties['Exists']) === true);
  const onBucket = (setting: string): boolean => bucket !== undefined && bool(at(bucket.properties, 'PublicAccessBlockConfiguration', setting)) === true;
  const onAccount = (setting: string): boolean => accountBlocks.some((block) => bool(block.properties[setting]) === true);
  const path = 'PublicAccessBlockConfiguration';
  if (onBucket('RestrictPublicBuckets')) return { why: 'Block Public Access (RestrictPublicBuckets) on the bucket stops it', path: `${path}.RestrictPublicBuckets` };
  if (onAccount('RestrictPublicBuckets')) return { why: 'Block Public Access (RestrictPublicBuckets) on the account stops it' };
  if (bucket === undefined || isLive(bucket)) return undefined;
  if (onBucket('BlockPublicPolicy')) return { why: 'Block Public Access (BlockPublicPolicy) on the bucket makes S3 refuse to attach it', path: `${path}.BlockPublicPolicy` };
  if (onAccount('BlockPublicPolicy')) return { why: 'Block Public Access (BlockPublicPolicy) on the account makes S3 refuse to attach it' };
  return undefined;
}

export default defineCheck({
  id: 's3-bucket-policy-not-public',
  title: 'S3 bucket policy does not grant access to everyone',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
  reads: ['Demarc::S3::AccountPublicAccessBlock'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'critical',
  rationale:
    'A bucket policy statement that allows Principal "*" (or uses NotPrincipal) with no condition fixing the caller opens the bucket to anyone on the internet. "Public" is judged as S3 Block Public Access documents it: a condition narrows only with a fixed value (no wildcard) of a caller key such as aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or aws:SourceVpce, or an aws:SourceIp range no wider than /8. RestrictPublicBuckets on the bucket or the account stops a public policy; who may read the data is the customer\'s decision, written in the bucket policy.',
  remediation: {
    console: 'S3 console > bucket > Permissions > Bucket policy > Edit: name the accounts or roles that need access instead of "*", or add a condition such as aws:PrincipalOrgID.',
    cloudformation: 'AWS::S3::BucketPolicy.PolicyDocument: replace Principal "*" on Allow statements with specific principals, or add an aws:PrincipalOrgID / aws:SourceVpce condition',
    terraform: 'aws_s3_bucket_policy: replace principals "*" on Allow statements with specific principals, or add a condition on aws:PrincipalOrgID',
  },
  evaluate(resource, context) {
    // A policy on a bucket outside the scan is judged on its own; the bucket's Block Public Access is not known then.
    const bucket = resource.type === 'AWS::S3::Bucket' ? resource : undefined;
    const evaluations = bucket
      ? attachedPolicyEvaluations(bucket, context, {
          type: 'AWS::S3::BucketPolicy',
          targetProperty: 'Bucket',
          documentProperty: 'PolicyDocument',
          noun: 'the bucket policy',
          noneMessage: 'no bucket policy is attached; access depends on IAM policies of the account',
          nameProperty: 'BucketName',
        })
      : detachedPolicyEvaluations(resource, context, { targetType: 'AWS::S3::Bucket', targetProperty: 'Bucket', documentProperty: 'PolicyDocument', noun: 'the bucket policy', targetNoun: 'bucket' });
    if (!evaluations.some((evaluation) => evaluation.status === 'fail')) return evaluations;
    const stopping = blockStopping(bucket, context);
    if (stopping === undefined) return evaluations;
    return evaluations.map((evaluation): Evaluation =>
      evaluation.status === 'fail' ? pass(`${evaluation.message}; the policy is public, but ${stopping.why}`, stopping.path) : evaluation,
    );
  },
});
