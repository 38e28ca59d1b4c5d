// Compliant: no Allow statement grants, on every role, user, group or policy, an IAM action that lets its holder raise its own privileges (pass any role, rewrite or attach policies, mint credentials for other users).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { isRecord, type Unknown } from '../../inventory/values.js';
import { judgePermissionStatements, permissionDocuments } from '../lib/credentials.js';
import { grantsFullAccess, wildcardMatches, type PolicyStatement } from '../lib/policy.js';

/** Each action that escalates privileges, the IAM resource type it acts on, and the condition keys AWS offers to bound it safely. */
const ESCALATION: ReadonlyArray<{ action: string; on: 'role' | 'user' | 'group' | 'policy'; bounds: readonly string[] }> = [
  { action: 'iam:PassRole', on: 'role', bounds: ['iam:passedtoservice'] },
  { action: 'iam:CreatePolicyVersion', on: 'policy', bounds: [] },
  { action: 'iam:SetDefaultPolicyVersion', on: 'policy', bounds: [] },
  { action: 'iam:AttachUserPolicy', on: 'user', bounds: ['iam:policyarn', 'iam:permissionsboundary'] },
  { action: 'iam:AttachGroupPolicy', on: 'group', bounds: ['iam:policyarn'] },
  { action: 'iam:AttachRolePolicy', on: 'role', bounds: ['iam:policyarn', 'iam:permissionsboundary'] },
  { action: 'iam:PutUserPolicy', on: 'user', bounds: ['iam:permissionsboundary'] },
  { action: 'iam:PutGroupPolicy', on: 'group', bounds: [] },
  { action: 'iam:PutRolePolicy', on: 'role', bounds: ['iam:permissionsboundary'] },
  { action: 'iam:UpdateAssumeRolePolicy', on: 'role', bounds: [] },
  { action: 'iam:AddUserToGroup', on: 'group', bounds: [] },
  { action: 'iam:CreateLoginProfile', on: 'user', bounds: [] },
  { action: 'iam:UpdateLoginProfile', on: 'user', bounds: [] },
  { action: 'iam:CreateAccessKey', on: 'user', bounds: [] },
  { action: 'iam:DeleteUserPermissionsBoundary', on: 'user', bounds: [] },
  { action: 'iam:DeleteRolePermissionsBoundary', on: 'role', bounds: [] },
];

const FIXED = '\uE000';

/**
 * True when a resource entry covers every IAM resource of `type` (role, user, group, policy): `*`, or an IAM ARN whose
 * resource part is only wildcards after that type (`arn:aws:iam::*:role/*`, `arn:aws:iam::123456789012:user/*`). An ARN with the
 * `${aws:username}` variable names the caller only.
 */
function everyIamResource(resource: string, type: string): boolean {
  if (resource === '*') return true;
  const fields = resource.split(':');
  if (fields[0] !== 'arn' || fields.length < 6) return false;
  const service = fields[2] ?? '';
  if (service !== 'iam' && !/^[*?]+$/.test(service)) return false;
  const match = /^(?:([A-Za-z-]+)\/)?[*/]*\*$/.exec(fields.slice(5).join(':'));
  return match !== null && (match[1] === undefined || match[1] === type);
}

/** Whether the statement covers every IAM resource; Unknown when a resource cannot be read. */
function onEveryIamResource(statement: PolicyStatement, type: string): boolean | Unknown {
  if (statement.notResources.length > 0) return true;
  let doubt: Unknown | undefined;
  for (const resource of statement.resourceValues) {
    if (typeof resource === 'string') {
      if (everyIamResource(resource, type)) return true;
    } else if (isUnknown(resource)) {
      // Deploy-time parts of an ARN (`${AWS::AccountId}`, a role's name) stand for one value each, never a wildcard.
      const text = resource.template?.replace(/\$\{(?!aws:)[^}]*\}/g, FIXED);
      if (text === undefined || text === FIXED) doubt ??= resource;
      else if (everyIamResource(text, type)) return true;
    }
  }
  return doubt ?? false;
}

/** The condition keys the statement fixes (any matching operator), lower-cased. */
function conditionKeys(statement: PolicyStatement): Set<string> {
  const keys = new Set<string>();
  const condition = statement.condition;
  if (condition === undefined || isUnknown(condition)) return keys;
  for (const [operator, block] of Object.entries(condition)) {
    if (/not|ifexists/i.test(operator) || !isRecord(block)) continue;
    for (const key of Object.keys(block)) keys.add(key.toLowerCase());
  }
  return keys;
}

export default defineCheck({
  id: 'iam-policy-no-privilege-escalation',
  title: 'Policies do not let their holders escalate their own privileges',
  service: 'iam',
  resourceTypes: ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'high',
  rationale:
    'Some IAM actions are a path to administrator access for whoever holds them on every role, user or policy: iam:PassRole hands any role (an administrator one included) to an instance or function the holder controls; iam:CreatePolicyVersion, SetDefaultPolicyVersion, Attach*Policy and Put*Policy rewrite the holder\'s own permissions; UpdateAssumeRolePolicy and AddUserToGroup make the holder a member of any role or group; CreateAccessKey and Create/UpdateLoginProfile take over other users; deleting a permissions boundary lifts the limit an administrator set. Granted on "*" (or every role, user, group or policy of an account) they are administrator access by another name. demarc also counts "iam:*" and "iam:Put*"-style wildcards, passes statements bounded by the condition keys AWS provides for delegation (iam:PassedToService, iam:PolicyARN, iam:PermissionsBoundary), and leaves "*" on "*" to iam-policy-no-full-admin.',
  remediation: {
    console: 'IAM console > Policies (or the role, user or group) > Edit: scope the IAM actions to the ARNs they are needed for (the roles a service may be passed, the caller\'s own user via ${aws:username}), or add iam:PassedToService / iam:PermissionsBoundary conditions.',
    cloudformation: 'PolicyDocument.Statement[].Resource: specific role, user or policy ARNs for iam:PassRole, iam:Attach*/Put*Policy, iam:CreatePolicyVersion, iam:CreateAccessKey ...; or a Condition on iam:PassedToService / iam:PermissionsBoundary',
    terraform: 'aws_iam_policy_document statement { actions = ["iam:PassRole"], resources = [aws_iam_role.task.arn], condition { test = "StringEquals", variable = "iam:PassedToService", values = ["ecs-tasks.amazonaws.com"] } }',
  },
  evaluate(resource) {
    const { failures, doubts } = judgePermissionStatements(resource, (statement, path) => {
      if (statement.effect === 'Deny' || grantsFullAccess(statement)) return undefined;
      const actions = statement.actions.filter((action): action is string => typeof action === 'string');
      const bounded = conditionKeys(statement);
      const granted = ESCALATION.filter(({ action, bounds }) => actions.some((pattern) => wildcardMatches(pattern, action)) && !bounds.some((key) => bounded.has(key)));
      const unreadAction = statement.actions.find(isUnknown);
      if (granted.length === 0) return unreadAction ? unknown(`cannot tell which actions a statement allows: ${unreadAction.reason}`, path) : undefined;
      const verdicts = granted.map((entry) => ({ action: entry.action, everywhere: onEveryIamResource(statement, entry.on) }));
      const names = verdicts.filter(({ everywhere }) => everywhere === true).map(({ action }) => action);
      const doubt = verdicts.find(({ everywhere }) => isUnknown(everywhere));
      if (names.length === 0) return doubt && isUnknown(doubt.everywhere) ? unknown(`a statement allows ${doubt.action}; cannot tell on which resources: ${doubt.everywhere.reason}`, path) : undefined;
      if (isUnknown(statement.effect)) return unknown(statement.effect, path);
      return fail(`a statement allows ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''} on every role, user, group or policy it acts on: its holder can grant itself more privileges`, path);
    });
    const inline = resource.properties['Policies'];
    if (isUnknown(inline)) doubts.push(unknown(inline, 'Policies'));
    if (failures.length > 0) return failures;
    if (doubts.length > 0) return doubts;
    if (permissionDocuments(resource).length === 0) return notApplicable('no inline policy; attached managed policies are judged as resources of their own');
    return pass('no statement grants privilege-escalation actions on every IAM resource');
  },
});
