// Compliant: the identity pool does not hand out AWS credentials to unauthenticated (guest) identities.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'cognito-identity-pool-no-unauthenticated',
  title: 'Cognito identity pool does not allow unauthenticated identities',
  service: 'cognito',
  resourceTypes: ['AWS::Cognito::IdentityPool'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'With unauthenticated identities allowed, anyone who knows the identity pool id (it ships inside the app) gets temporary AWS credentials for the pool\'s unauthenticated role, without signing in. Whatever that role may do, the whole internet may do. Guest access is the customer\'s choice; where it is needed the role must be kept to the least it needs, which this check cannot see.',
  remediation: {
    console: 'Cognito console > Identity pools > the pool > User access > Guest access: deactivate.',
    cloudformation: 'AWS::Cognito::IdentityPool.AllowUnauthenticatedIdentities: false',
    terraform: 'aws_cognito_identity_pool.allow_unauthenticated_identities = false (the default)',
  },
  evaluate(pool) {
    const allowed = bool(pool.properties['AllowUnauthenticatedIdentities']);
    if (isUnknown(allowed)) return unknown(allowed, 'AllowUnauthenticatedIdentities');
    if (allowed === true) return fail('unauthenticated identities get AWS credentials from this pool', 'AllowUnauthenticatedIdentities');
    return pass(allowed === false ? 'unauthenticated identities are not allowed' : 'AllowUnauthenticatedIdentities is not set: unauthenticated identities are not allowed', 'AllowUnauthenticatedIdentities');
  },
});
