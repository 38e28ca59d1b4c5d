// Compliant: the account has at least one IAM role with the AWSSupportAccess policy, for handling incidents with AWS Support.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, list } from '../../inventory/readers.js';
import { attachesAwsManagedPolicy, isAwsManagedPolicy } from '../lib/credentials.js';

const POLICY = 'AWSSupportAccess';

export default defineCheck({
  id: 'iam-support-role-exists',
  title: 'A role exists for working with AWS Support',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::RootAccount'],
  reads: ['AWS::IAM::Role', 'AWS::IAM::ManagedPolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'low',
  rationale:
    'During an incident someone must open and follow cases with AWS Support. A role holding AWSSupportAccess lets them do so without broad administrative rights or the root user.',
  remediation: {
    console: 'IAM console > Roles > Create role > trusted entity: your account or identity provider > attach AWSSupportAccess.',
    cloudformation: 'AWS::IAM::Role with ManagedPolicyArns: [arn:aws:iam::aws:policy/AWSSupportAccess]',
    terraform: 'aws_iam_role_policy_attachment { policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess" }',
  },
  evaluate(_root, context) {
    const { inventory } = context;
    const roles = inventory.ofType('AWS::IAM::Role');
    let doubt: string | undefined;
    for (const role of roles) {
      const match = attachesAwsManagedPolicy(role.properties, POLICY);
      if (match.outcome === 'found') return pass(`role ${role.name ?? role.id} has ${POLICY}`);
      if (match.outcome === 'unknown') doubt ??= `the policies of role ${role.name ?? role.id} are not known`;
    }
    // A collector may record attachments on the policy instead of on the role.
    for (const policy of inventory.ofType('AWS::IAM::ManagedPolicy')) {
      if (!policy.arn || !isAwsManagedPolicy(policy.arn, POLICY)) continue;
      const attached = list(policy.properties['Roles']);
      if (isUnknown(attached)) doubt ??= `the roles attached to ${POLICY} are not known`;
      else if (attached !== undefined && attached.length > 0) return pass(`${POLICY} is attached to ${attached.length} role${attached.length === 1 ? '' : 's'}`);
    }
    if (doubt) return unknown(doubt);
    return fail(`none of the account's ${roles.length} role${roles.length === 1 ? '' : 's'} has ${POLICY}`);
  },
});
