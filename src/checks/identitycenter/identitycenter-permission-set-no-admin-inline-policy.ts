// Compliant: the permission set's inline policy has no Allow statement for every action on every resource.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { isUnknown } from '../../inventory/readers.js';
import type { Unknown } from '../../inventory/values.js';
import { grantsFullAccess, policyStatements } from '../lib/policy.js';

const PATH = 'InlinePolicy';

export default defineCheck({
  id: 'identitycenter-permission-set-no-admin-inline-policy',
  title: 'IAM Identity Center permission set inline policy does not grant full administrative access',
  service: 'identitycenter',
  resourceTypes: ['AWS::SSO::PermissionSet'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'high',
  rationale:
    'A permission set\'s inline policy becomes an inline policy of the IAM role IAM Identity Center provisions in every assigned account. An Allow of "*" actions on "*" resources there makes every assigned user an administrator of those accounts, without the AdministratorAccess name that reviews look for. The inline policy should list the actions and resources the job needs. A statement that cannot be read (an unresolved condition) leaves the result unknown.',
  remediation: {
    console: 'IAM Identity Center console > Permission sets > the set > Permissions > Inline policy: replace "Action": "*" on "Resource": "*" with the actions and resources the job needs; then re-provision the assigned accounts.',
    cloudformation: 'AWS::SSO::PermissionSet.InlinePolicy: list specific actions and resources',
    terraform: 'aws_ssoadmin_permission_set_inline_policy.inline_policy: list specific actions and resources',
  },
  evaluate(permissionSet) {
    const statements = policyStatements(permissionSet.properties[PATH]);
    if (isUnknown(statements)) return unknown(statements, PATH);
    if (statements === undefined) return pass('the permission set has no inline policy', PATH);
    const failures: Evaluation[] = [];
    const doubts: Evaluation[] = [];
    for (const statement of statements) {
      const path = `${PATH}.${statement.path}`;
      if (grantsFullAccess(statement)) failures.push(fail('an Allow statement grants every action on every resource', path));
      else {
        // A part that cannot be read may complete an Allow of * on *: that is a doubt, never a pass.
        const open = (values: Array<string | Unknown>): boolean => values.some((value) => value === '*' || value === '*:*' || isUnknown(value));
        const unread = [statement.effect, ...statement.actions, ...statement.resources].find(isUnknown);
        if (unread && statement.effect !== 'Deny' && open(statement.actions) && open(statement.resources)) doubts.push(unknown(unread, path));
      }
    }
    if (failures.length > 0) return failures;
    if (doubts.length > 0) return doubts;
    return pass('no inline statement grants every action on every resource', PATH);
  },
});
