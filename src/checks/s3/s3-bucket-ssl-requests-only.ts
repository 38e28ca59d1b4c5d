// Compliant: a bucket policy attached to the bucket denies every request made without TLS (aws:SecureTransport false).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown } from '../../inventory/readers.js';
import { isRecord, type PropValue } from '../../inventory/values.js';
import type { Evaluation } from '../types.js';
import { attachedResources } from '../lib/data-stores.js';
import { allowsAction, policyStatements, principalValues, type PolicyStatement } from '../lib/policy.js';

/** True when the condition matches requests that did not use TLS: `Bool` (or `BoolIfExists`) `aws:SecureTransport` false. */
function matchesPlainHttp(statement: PolicyStatement): boolean {
  const condition = statement.condition;
  if (condition === undefined || isUnknown(condition)) return false;
  for (const [operator, block] of Object.entries(condition)) {
    if (!/^bool(ifexists)?$/i.test(operator) || !isRecord(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      const values: PropValue[] = Array.isArray(value) ? value : [value];
      if (values.some((item) => item === false || (typeof item === 'string' && item.toLowerCase() === 'false'))) return true;
    }
  }
  return false;
}

function deniesPlainHttp(statement: PolicyStatement): boolean {
  return (
    statement.effect === 'Deny' &&
    principalValues(statement.principal).some((principal) => principal === '*') &&
    (allowsAction(statement, 's3:GetObject') || allowsAction(statement, 's3:PutObject')) &&
    matchesPlainHttp(statement)
  );
}

export default defineCheck({
  id: 's3-bucket-ssl-requests-only',
  title: 'S3 bucket policy denies requests that do not use TLS',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['AWS::S3::BucketPolicy'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'S3 still answers plain HTTP requests unless the bucket policy refuses them. A Deny on aws:SecureTransport "false" makes every client use TLS, so data and credentials are not readable on the wire. AWS offers the TLS endpoint; requiring it is the customer\'s choice.',
  remediation: {
    console:
      'S3 console > bucket > Permissions > Bucket policy > add a statement: Effect Deny, Principal "*", Action "s3:*", Resource the bucket and "bucket/*", Condition {"Bool": {"aws:SecureTransport": "false"}}.',
    cloudformation:
      'AWS::S3::BucketPolicy (Bucket: !Ref TheBucket) with a Deny statement on s3:* for Principal "*" and Condition Bool aws:SecureTransport "false"',
    terraform:
      'aws_s3_bucket_policy with a Deny statement (principals "*", actions ["s3:*"], condition Bool aws:SecureTransport = "false")',
  },
  evaluate(bucket, context) {
    const { attached, unresolved } = attachedResources(bucket, context, 'AWS::S3::BucketPolicy', 'Bucket');
    const unreadable: Evaluation[] = [];
    for (const policy of attached) {
      const statements = policyStatements(at(policy.properties, 'PolicyDocument'));
      if (isUnknown(statements)) {
        unreadable.push(unknown(`cannot read the bucket policy ${policy.id}: ${statements.reason}`));
        continue;
      }
      const denying = (statements ?? []).find(deniesPlainHttp);
      if (denying) return pass(`the bucket policy ${policy.id} denies requests without TLS (${denying.sid ?? denying.path})`);
    }
    if (unreadable.length > 0) return unreadable;
    if (unresolved.length > 0) {
      return unknown(`bucket policy ${unresolved.map((policy) => policy.id).join(', ')} names its bucket with a value known only at deploy time`);
    }
    if (attached.length === 0) return fail('no bucket policy is attached, so requests over plain HTTP are accepted');
    return fail(`the bucket policy ${attached.map((policy) => policy.id).join(', ')} has no Deny on aws:SecureTransport "false"`);
  },
});
