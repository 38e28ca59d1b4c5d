// Compliant: the bucket's canned ACL grants nothing to AllUsers or AuthenticatedUsers.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

const PUBLIC_ACLS: Record<string, string> = {
  PublicRead: 'lets anyone list and read the bucket',
  PublicReadWrite: 'lets anyone read, write and delete objects',
  AuthenticatedRead: 'lets any AWS account, in any organisation, read the bucket',
};

export default defineCheck({
  id: 's3-bucket-acl-not-public',
  title: 'S3 bucket ACL does not grant access to everyone',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'identity-access',
  control: 'identity-access',
  duty: 'restrict-access',
  severity: 'critical',
  rationale:
    'The canned ACLs PublicRead, PublicReadWrite and AuthenticatedRead grant the AllUsers or AuthenticatedUsers groups, which means the whole internet or every AWS customer. AWS now disables ACLs on new buckets; setting a public one is the customer\'s choice, and it is the customer\'s to undo.',
  remediation: {
    console: 'S3 console > bucket > Permissions > Object Ownership > Bucket owner enforced (ACLs disabled); or Access control list > remove the Everyone and Authenticated users grants.',
    cloudformation: 'AWS::S3::Bucket: remove AccessControl (or set Private) and set OwnershipControls.Rules[0].ObjectOwnership: BucketOwnerEnforced',
    terraform: 'aws_s3_bucket_ownership_controls { rule { object_ownership = "BucketOwnerEnforced" } }; remove aws_s3_bucket_acl public grants',
  },
  evaluate(bucket) {
    const acl = str(bucket.properties['AccessControl']);
    if (isUnknown(acl)) return unknown(acl, 'AccessControl');
    if (acl === undefined) return pass('no canned ACL is set: the bucket is private to its owner');
    const exposure = PUBLIC_ACLS[acl];
    if (exposure !== undefined) return fail(`AccessControl ${acl} ${exposure}`, 'AccessControl');
    return pass(`AccessControl ${acl} grants nothing to the public`, 'AccessControl');
  },
});
