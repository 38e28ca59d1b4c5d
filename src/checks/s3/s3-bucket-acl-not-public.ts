// Compliant: the bucket's canned ACL grants nothing to AllUsers or AuthenticatedUsers.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { invalidValue, notAcceptedByAws, S3_CANNED_ACLS } from '../lib/aws-accepts.js';

// With ACLs disabled (BucketOwnerEnforced), S3 refuses every bucket ACL but these two.
const ACCEPTED_WITHOUT_ACLS = new Set(['Private', 'BucketOwnerFullControl']);

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
  control: 'access-management',
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
    const invalid = invalidValue(acl, S3_CANNED_ACLS, 'AccessControl');
    if (invalid) return invalid;
    const ownership = str(at(bucket.properties, 'OwnershipControls', 'Rules', 0, 'ObjectOwnership'));
    if (ownership === 'BucketOwnerEnforced' && !ACCEPTED_WITHOUT_ACLS.has(acl)) {
      return notAcceptedByAws(`AccessControl ${acl} on a bucket whose ObjectOwnership is BucketOwnerEnforced (ACLs disabled)`, 'AccessControl');
    }
    const exposure = PUBLIC_ACLS[acl];
    if (exposure !== undefined && isUnknown(ownership)) return unknown(ownership, 'OwnershipControls');
    if (exposure !== undefined) return fail(`AccessControl ${acl} ${exposure}`, 'AccessControl');
    return pass(`AccessControl ${acl} grants nothing to the public`, 'AccessControl');
  },
});
