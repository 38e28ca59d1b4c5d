// Compliant: the permission set does not attach the AWS-managed AdministratorAccess policy.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { isAwsManagedPolicy, managedPolicyEntries } from '../lib/credentials.js';

const PATH = 'ManagedPolicies';

export default defineCheck({
  id: 'identitycenter-permission-set-no-administrator-access',
  title: 'IAM Identity Center permission set does not attach AdministratorAccess',
  service: 'identitycenter',
  resourceTypes: ['AWS::SSO::PermissionSet'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'high',
  rationale:
    'IAM Identity Center turns a permission set into an IAM role in every account it is assigned to, and each user or group assigned to it can sign in to that role. With the AWS-managed AdministratorAccess policy attached, that role may take every action on every resource of those accounts, so whoever is assigned the set, or takes over one of those identities, owns the accounts. Administrator permission sets should be few, assigned to few people, and the others should attach job-function or customer-managed policies. The policy is judged where the permission set lists it (ManagedPolicies, or aws_ssoadmin_managed_policy_attachment in Terraform).',
  remediation: {
    console: 'IAM Identity Center console > Permission sets > the set > Permissions > AWS managed policies: detach AdministratorAccess and attach narrower job-function or customer managed policies; then re-provision the accounts it is assigned to.',
    cloudformation: 'AWS::SSO::PermissionSet.ManagedPolicies: remove arn:aws:iam::aws:policy/AdministratorAccess',
    terraform: 'remove the aws_ssoadmin_managed_policy_attachment whose managed_policy_arn is arn:aws:iam::aws:policy/AdministratorAccess',
  },
  evaluate(permissionSet) {
    const raw = permissionSet.properties[PATH];
    if (isUnknown(raw)) return unknown(raw, PATH);
    const entries = managedPolicyEntries({ ManagedPolicyArns: raw ?? null });
    const index = entries.findIndex((arn) => typeof arn === 'string' && isAwsManagedPolicy(arn, 'AdministratorAccess'));
    if (index >= 0) return fail('the AWS-managed AdministratorAccess policy is attached: the role it provisions may do anything in the assigned accounts', `${PATH}.${index}`);
    const unresolved = entries.findIndex(isUnknown);
    const doubt = entries[unresolved];
    if (isUnknown(doubt)) return unknown(doubt, `${PATH}.${unresolved}`);
    if (entries.length === 0) return pass('no AWS-managed policy is attached', PATH);
    return pass('AdministratorAccess is not among the attached AWS-managed policies', PATH);
  },
});
