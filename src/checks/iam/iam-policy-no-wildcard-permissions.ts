// Compliant: customer policies name specific actions: no `*` or service-wide `service:*` action, no Allow with NotAction, no wildcard action on every resource, and no network- or permission-changing action on every resource.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import type { Unknown } from '../../inventory/values.js';
import { judgePermissionStatements, permissionDocuments } from '../lib/credentials.js';
import { onEveryResource } from '../lib/every-resource.js';
import { wildcardMatches, type PolicyStatement } from '../lib/policy.js';

/** `*` or `service:*`: every action, or every action of one service. */
const serviceWide = (action: string): boolean => action === '*' || /^[a-z0-9-*]+:\*$/i.test(action);

/**
 * Actions that open the network or hand out permissions: granted on every resource, they let the holder expose any
 * instance to the internet or raise its own privileges. Security group rule changes, and IAM's permissions-management
 * actions that write or attach policies, pass roles or mint credentials.
 */
const SENSITIVE_ACTIONS = [
  'ec2:AuthorizeSecurityGroupIngress',
  'ec2:AuthorizeSecurityGroupEgress',
  'ec2:RevokeSecurityGroupIngress',
  'ec2:RevokeSecurityGroupEgress',
  'ec2:ModifySecurityGroupRules',
  'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
  'ec2:UpdateSecurityGroupRuleDescriptionsEgress',
  'ec2:DeleteSecurityGroup',
  'iam:PassRole',
  'iam:PutRolePolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:AttachUserPolicy',
  'iam:PutGroupPolicy',
  'iam:AttachGroupPolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:UpdateAssumeRolePolicy',
  'iam:AddUserToGroup',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
];

function problemsOf(statement: PolicyStatement): { problems: string[]; doubt?: Unknown } {
  const problems: string[] = [];
  const actions = statement.actions.filter((action): action is string => typeof action === 'string');
  const broad = actions.filter(serviceWide);
  if (broad.length > 0) problems.push(`allows ${broad.map((action) => (action === '*' ? 'every action' : `every ${action.split(':')[0]} action`)).join(', ')}`);
  if (statement.notActions.length > 0) problems.push('allows everything except the actions in NotAction');
  const partial = actions.filter((action) => !serviceWide(action) && /[*?]/.test(action));
  const sensitive = actions.filter((action) => !serviceWide(action) && SENSITIVE_ACTIONS.some((name) => wildcardMatches(action, name)));
  if (partial.length === 0 && sensitive.length === 0) return { problems };
  const everywhere = onEveryResource(statement);
  if (isUnknown(everywhere)) return { problems, doubt: everywhere };
  if (!everywhere) return { problems };
  if (partial.length > 0) problems.push(`allows wildcard actions (${partial.slice(0, 3).join(', ')}) on every resource`);
  const named = sensitive.filter((action) => !partial.includes(action));
  if (named.length > 0) problems.push(`allows ${named.slice(0, 3).join(', ')} on every resource (actions that open the network or grant permissions)`);
  return { problems };
}

export default defineCheck({
  id: 'iam-policy-no-wildcard-permissions',
  title: 'Customer policies avoid wildcard actions and resources',
  service: 'iam',
  resourceTypes: ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'medium',
  rationale:
    'AWS\'s IAM guidance is least privilege: grant only the actions a task needs, on the resources it needs. The rule held here: an Allow may not name every action ("*") or every action of a service ("s3:*", as Security Hub IAM.21 also fails), may not use NotAction, may not use a wildcard action ("s3:Get*") on every resource ("*", "arn:aws:s3:::*", "arn:aws:dynamodb:*:*:table/*", or NotResource), and may not grant on every resource an action that opens the network or hands out permissions (security group rule changes, iam:PassRole, which IAM Access Analyzer flags with a "*" resource, and IAM actions that write or attach policies or mint credentials). A wildcard grants today\'s actions and every action AWS adds later; only the customer knows what is needed.',
  remediation: {
    console: 'IAM console > Policies > the policy > Edit: replace "s3:*" style actions with the specific actions needed (IAM Access Analyzer can generate a policy from CloudTrail activity), and scope Resource to the ARNs used (security groups of one VPC, the roles a service may be passed).',
    cloudformation: 'PolicyDocument.Statement[].Action: specific actions; Resource: specific ARNs; avoid NotAction with Effect Allow.',
    terraform: 'aws_iam_policy_document statement { actions = [specific actions], resources = [specific ARNs] }',
  },
  evaluate(resource) {
    const { failures, doubts } = judgePermissionStatements(resource, (statement, path) => {
      if (statement.effect === 'Deny') return undefined;
      const { problems, doubt } = problemsOf(statement);
      if (problems.length === 0) return doubt === undefined ? undefined : unknown(`cannot tell which resources a statement with wildcard or sensitive actions covers: ${doubt.reason}`, path);
      return isUnknown(statement.effect) ? unknown(statement.effect, path) : fail(`a statement ${problems.join('; ')}`, path);
    });
    // Inline policies that cannot be read (an !If on an undecided condition) may hold wildcards: never "no policy".
    const inline = resource.properties['Policies'];
    if (isUnknown(inline)) doubts.push(unknown(inline, 'Policies'));
    if (failures.length > 0) return failures;
    if (doubts.length > 0) return doubts;
    if (permissionDocuments(resource).length === 0) return notApplicable('no inline policy; attached managed policies are judged as resources of their own');
    return pass('the policies name specific actions');
  },
});
