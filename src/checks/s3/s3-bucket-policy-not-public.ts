// Compliant: no bucket policy attached to the bucket allows anyone (Principal "*" without a narrowing condition).
import { defineCheck } from '../define-check.js';
import { attachedPolicyEvaluations } from '../lib/data-stores.js';

export default defineCheck({
  id: 's3-bucket-policy-not-public',
  title: 'S3 bucket policy does not grant access to everyone',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['AWS::S3::BucketPolicy'],
  layer: 'identity-access',
  control: 'identity-access',
  duty: 'restrict-access',
  severity: 'critical',
  rationale:
    'A bucket policy statement that allows Principal "*" with no condition on the caller opens the bucket to anyone on the internet (unless a public access block stops it). Who may read the data is the customer\'s decision, written in the bucket policy.',
  remediation: {
    console: 'S3 console > bucket > Permissions > Bucket policy > Edit: name the accounts or roles that need access instead of "*", or add a condition such as aws:PrincipalOrgID.',
    cloudformation: 'AWS::S3::BucketPolicy.PolicyDocument: replace Principal "*" on Allow statements with specific principals, or add an aws:PrincipalOrgID / aws:SourceVpce condition',
    terraform: 'aws_s3_bucket_policy: replace principals "*" on Allow statements with specific principals, or add a condition on aws:PrincipalOrgID',
  },
  evaluate(bucket, context) {
    return attachedPolicyEvaluations(bucket, context, {
      type: 'AWS::S3::BucketPolicy',
      targetProperty: 'Bucket',
      documentProperty: 'PolicyDocument',
      noun: 'the bucket policy',
      noneMessage: 'no bucket policy is attached; access depends on IAM policies of the account',
    });
  },
});
