// Compliant: no customer policy, and no role, user or group, grants full administrative access (every action on every resource).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { attachesAwsManagedPolicy, judgePermissionStatements, permissionDocuments } from '../lib/credentials.js';
import { grantsFullAccess } from '../lib/policy.js';

export default defineCheck({
  id: 'iam-policy-no-full-admin',
  title: 'No policy grants full administrative access (*:*)',
  service: 'iam',
  resourceTypes: ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'Demarc::IAM::PolicyAttachment'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'high',
  rationale:
    'A principal allowed every action on every resource can read all data, disable logging and grant itself anything else. Whoever steals its credentials owns the account. Administrative access should be rare, narrow and tied to a role that needs it.',
  remediation: {
    console: 'IAM console > Policies (or the role, user or group): replace "Action": "*" on "Resource": "*" with the actions and resources the job needs, and detach AdministratorAccess where it is not required.',
    cloudformation: 'AWS::IAM::ManagedPolicy.PolicyDocument / Policies[].PolicyDocument: list specific actions and resources; remove arn:aws:iam::aws:policy/AdministratorAccess from ManagedPolicyArns.',
    terraform: 'aws_iam_policy / aws_iam_role_policy: list specific actions and resources; remove AdministratorAccess from aws_iam_role_policy_attachment.',
  },
  evaluate(resource) {
    const { failures, doubts } = judgePermissionStatements(resource, (statement, path) => {
      if (grantsFullAccess(statement)) return fail('an Allow statement grants every action on every resource', path);
      if (isUnknown(statement.effect) && statement.actions.includes('*')) return unknown(statement.effect, path);
      return undefined;
    });
    if (resource.type !== 'AWS::IAM::ManagedPolicy' && resource.type !== 'AWS::IAM::Policy') {
      // Inline policies that cannot be read (an !If on an undecided condition) may grant anything: never "no policy".
      const inline = resource.properties['Policies'];
      if (isUnknown(inline)) doubts.push(unknown(inline, 'Policies'));
      const admin = attachesAwsManagedPolicy(resource.properties, 'AdministratorAccess');
      if (admin.outcome === 'found') failures.push(fail('the AWS-managed AdministratorAccess policy is attached', admin.path));
      else if (admin.outcome === 'unknown' && admin.reason) doubts.push(unknown(admin.reason, admin.path));
    }
    if (failures.length > 0) return failures;
    if (doubts.length > 0) return doubts;
    if (permissionDocuments(resource).length === 0 && resource.properties['ManagedPolicyArns'] === undefined) return pass('the resource holds no policy of its own');
    return pass('no statement grants every action on every resource');
  },
});
