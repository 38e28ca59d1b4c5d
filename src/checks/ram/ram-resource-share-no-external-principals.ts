// Compliant: the resource share admits only principals inside the organization (AllowExternalPrincipals false).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

export default defineCheck({
  id: 'ram-resource-share-no-external-principals',
  title: 'AWS RAM resource share does not allow principals outside the organization',
  service: 'ram',
  resourceTypes: ['AWS::RAM::ResourceShare'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'A resource share that allows external principals can be associated with any AWS account, not only accounts of the customer\'s organization: subnets, Transit Gateways, license configurations or private CA certificates become usable from accounts nobody in the organization governs, with one invitation accepted. AWS RAM allows external principals unless the share says otherwise (the API and CloudFormation default to true; the Terraform provider defaults to false). Sharing only inside the organization keeps the boundary that service control policies enforce.',
  remediation: {
    console: 'AWS RAM console > Resource shares > the share > Modify: under "Allow sharing with anyone", turn it off.',
    cloudformation: 'AWS::RAM::ResourceShare.AllowExternalPrincipals: false',
    terraform: 'aws_ram_resource_share { allow_external_principals = false }',
  },
  evaluate(share) {
    const allowed = bool(at(share.properties, 'AllowExternalPrincipals'));
    if (isUnknown(allowed)) return unknown(allowed, 'AllowExternalPrincipals');
    // An account always reports the setting: its absence there is an unread answer, not the default.
    if (allowed === undefined && isLive(share)) return unknown('the share did not report allowExternalPrincipals (ram:GetResourceShares)', 'AllowExternalPrincipals');
    if (allowed === false) return pass('only principals inside the organization can be associated with the share', 'AllowExternalPrincipals');
    return fail(allowed === true ? 'AllowExternalPrincipals is true: any AWS account can be associated with the share' : 'AllowExternalPrincipals is not set, and a resource share allows principals outside the organization by default', 'AllowExternalPrincipals');
  },
});
