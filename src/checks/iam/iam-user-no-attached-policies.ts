// Compliant: IAM users get permissions only through groups (or roles), not from policies attached to them.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { isUnknown, list } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';

function nonEmptyList(resource: Resource, property: string): Evaluation | number {
  const items = list(resource.properties[property]);
  if (isUnknown(items)) return unknown(items, property);
  return items?.length ?? 0;
}

export default defineCheck({
  id: 'iam-user-no-attached-policies',
  title: 'IAM users get permissions through groups, not attached policies',
  service: 'iam',
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'Demarc::IAM::PolicyAttachment'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'low',
  rationale:
    'Permissions granted user by user drift apart and are hard to review or revoke when someone changes job. Granting them through groups that match job functions keeps access consistent and makes least privilege something that can be checked.',
  remediation: {
    console: 'IAM console > User groups: create a group per job function with the policies it needs, add the user to it, then detach the user\'s own managed and inline policies.',
    cloudformation: 'Move AWS::IAM::User.Policies and ManagedPolicyArns to an AWS::IAM::Group (User.Groups); use Groups instead of Users on AWS::IAM::Policy and AWS::IAM::ManagedPolicy.',
    terraform: 'Use aws_iam_group_policy_attachment and aws_iam_user_group_membership instead of aws_iam_user_policy and aws_iam_user_policy_attachment.',
  },
  evaluate(resource) {
    if (resource.type === 'AWS::IAM::User') {
      const inline = nonEmptyList(resource, 'Policies');
      if (typeof inline !== 'number') return inline;
      const managed = nonEmptyList(resource, 'ManagedPolicyArns');
      if (typeof managed !== 'number') return managed;
      const results: Evaluation[] = [];
      if (inline > 0) results.push(fail(`the user has ${inline} inline polic${inline === 1 ? 'y' : 'ies'} of its own`, 'Policies'));
      if (managed > 0) results.push(fail(`the user has ${managed} managed polic${managed === 1 ? 'y' : 'ies'} attached directly`, 'ManagedPolicyArns'));
      return results.length > 0 ? results : pass('the user has no policies of its own');
    }
    const users = nonEmptyList(resource, 'Users');
    if (typeof users !== 'number') return users;
    return users > 0
      ? fail(`the policy is attached directly to ${users} user${users === 1 ? '' : 's'}`, 'Users')
      : pass('the policy is not attached directly to users');
  },
});
