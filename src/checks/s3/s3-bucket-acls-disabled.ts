// Compliant: the bucket's Object Ownership is BucketOwnerEnforced, so ACLs are disabled and grant no access.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { invalidValue, notAcceptedByAws, type AcceptedValues } from '../lib/aws-accepts.js';
import { isLive } from '../lib/data-stores.js';

const OWNERSHIP = 'OwnershipControls.Rules.0.ObjectOwnership';
// With ACLs disabled, S3 refuses every bucket ACL but these two.
const ACCEPTED_WITHOUT_ACLS = new Set(['Private', 'BucketOwnerFullControl']);
const OBJECT_OWNERSHIPS: AcceptedValues = { setting: 'ObjectOwnership of S3 ownership controls', values: ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'] };

export default defineCheck({
  id: 's3-bucket-acls-disabled',
  title: 'S3 bucket has ACLs disabled (Object Ownership: bucket owner enforced)',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'ACLs grant access object by object and bucket by bucket, outside the IAM and bucket policies where access is otherwise reviewed, and an object uploaded by another account stays that account\'s under ACLs. With Object Ownership set to BucketOwnerEnforced, S3 ignores ACLs and the bucket owner owns every object. It is the default for buckets created since April 2023, so a template or configuration that sets no ownership controls gets it; a live bucket without ownership controls predates it and still uses ACLs (as ObjectWriter). Security Hub S3.12 fails buckets whose ACLs grant user access; demarc wants ACLs disabled, which rules that out whatever the grants say.',
  remediation: {
    console: 'S3 console > bucket > Permissions > Object Ownership > Edit > ACLs disabled (recommended). Move any access the ACLs granted into the bucket policy first.',
    cloudformation: 'AWS::S3::Bucket.OwnershipControls: { Rules: [{ ObjectOwnership: BucketOwnerEnforced }] } (and no AccessControl other than Private)',
    terraform: 'aws_s3_bucket_ownership_controls { bucket = aws_s3_bucket.this.id, rule { object_ownership = "BucketOwnerEnforced" } }',
  },
  evaluate(bucket) {
    const controls = bucket.properties['OwnershipControls'];
    if (isUnknown(controls)) return unknown(controls, 'OwnershipControls');
    const ownership = str(at(controls, 'Rules', 0, 'ObjectOwnership'));
    if (isUnknown(ownership)) return unknown(ownership, OWNERSHIP);
    if (ownership === undefined) {
      if (isLive(bucket)) return fail('the bucket has no ownership controls: it predates ACLs being disabled by default and still honours its ACLs', 'OwnershipControls');
      const acl = str(bucket.properties['AccessControl']);
      if (isUnknown(acl)) return unknown(acl, 'AccessControl');
      if (acl !== undefined && !ACCEPTED_WITHOUT_ACLS.has(acl)) {
        return notAcceptedByAws(`AccessControl ${acl} on a bucket created with ACLs disabled (BucketOwnerEnforced, the default when no ownership controls are set)`, 'AccessControl');
      }
      return pass('no ownership controls are set: S3 creates the bucket with BucketOwnerEnforced, its default since April 2023', 'OwnershipControls');
    }
    const invalid = invalidValue(ownership, OBJECT_OWNERSHIPS, OWNERSHIP);
    if (invalid) return invalid;
    if (ownership !== 'BucketOwnerEnforced') return fail(`Object Ownership is ${ownership}: the bucket's ACLs still grant access`, OWNERSHIP);
    return pass('Object Ownership is BucketOwnerEnforced: ACLs are disabled', OWNERSHIP);
  },
});
