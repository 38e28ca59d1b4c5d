// Compliant: MFA delete is enabled, so changing versioning or deleting a version needs the root user's MFA code.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

export default defineCheck({
  id: 's3-bucket-mfa-delete',
  title: 'S3 bucket requires MFA to delete object versions',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'low',
  rationale:
    'With MFA delete, permanently deleting an object version or suspending versioning needs the bucket owner\'s MFA device, so stolen credentials alone cannot destroy the history that versioning keeps. Protecting that history is the customer\'s side of business continuity.',
  remediation: {
    console:
      'Not in the console: as the root user, run `aws s3api put-bucket-versioning --bucket NAME --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "SERIAL CODE"`.',
    cloudformation: 'Not settable in CloudFormation (VersioningConfiguration has no MFA delete): enable it with the root user through the API or CLI.',
    terraform: 'aws_s3_bucket_versioning { mfa = "SERIAL CODE", versioning_configuration { status = "Enabled", mfa_delete = "Enabled" } }',
  },
  evaluate(bucket) {
    const mfaDelete = str(at(bucket.properties, 'VersioningConfiguration', 'MfaDelete'));
    if (isUnknown(mfaDelete)) return unknown(mfaDelete, 'VersioningConfiguration.MfaDelete');
    if (mfaDelete === 'Enabled') return pass('MFA delete is enabled', 'VersioningConfiguration.MfaDelete');
    if (mfaDelete === 'Disabled') return fail('MFA delete is disabled', 'VersioningConfiguration.MfaDelete');
    if (mfaDelete !== undefined) return fail(`MFA delete is "${mfaDelete}", not Enabled`, 'VersioningConfiguration.MfaDelete');
    if (isLive(bucket)) return fail('MFA delete has never been enabled on this bucket');
    // Issue #4: what a template cannot hold is not applicable to template scans, rather than an unknown on every bucket.
    return notApplicable('a template cannot set or show MFA delete (only the root user can enable it through the API); scan the live account to see it');
  },
});
