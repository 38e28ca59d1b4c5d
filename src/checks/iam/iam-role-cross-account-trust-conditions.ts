// Compliant: every trust statement that lets another AWS account assume the role requires an external id (sts:ExternalId) or MFA (aws:MultiFactorAuthPresent).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { strings } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isRecord, isReference, isUnknown, Unknown, type PropRecord, type PropValue } from '../../inventory/values.js';
import { allowsAction, policyStatements, type PolicyStatement } from '../lib/policy.js';

/** The caller's own account, as templates write it: the pseudo parameter, or the caller identity of a Terraform run. */
const OWN_ACCOUNT = /^\$\{(AWS::AccountId|data\.aws_caller_identity\.[\w-]+\.account_id)\}$/;

/** The account an AWS principal belongs to: `own`, an account id, or an Unknown when it cannot be read. */
function principalAccount(value: string | Unknown, role: Resource): string | Unknown | 'own' | undefined {
  if (isUnknown(value)) {
    const text = value.template;
    if (text === undefined) return value;
    const account = accountField(text);
    if (account !== undefined && (OWN_ACCOUNT.test(account) || (account === '${?}' && builtFromPseudoAccount(value)))) return 'own';
    return account !== undefined && /^\d{12}$/.test(account) ? account : value;
  }
  if (value === '*') return undefined;
  const account = accountField(value);
  if (account === undefined) return new Unknown(`principal ${value} names no account`);
  if (ownAccountOf(role) === account) return 'own';
  return account;
}

/**
 * CloudFormation writes the unresolved parts of an `Fn::Sub` as `${?}` and lists them in the reason: when they are all
 * pseudo parameters and one is `AWS::AccountId`, only that one can stand in the account field.
 */
function builtFromPseudoAccount(value: Unknown): boolean {
  const pieces = value.reason.replace(/^Fn::(Sub|Join) uses /, '').split(', ');
  return pieces.includes('AWS::AccountId is known only at deploy time') && pieces.every((piece) => /^AWS::\w+ is known only at deploy time$/.test(piece));
}

/** `123456789012` or the account field of an IAM ARN. */
function accountField(text: string): string | undefined {
  if (/^\d{12}$/.test(text) || OWN_ACCOUNT.test(text)) return text;
  const fields = text.split(':');
  return fields[0] === 'arn' && fields.length >= 6 ? fields[4] : undefined;
}

/** The account of the role itself: known for live roles, never for templates (which name it with `AWS::AccountId`). */
function ownAccountOf(role: Resource): string | undefined {
  return role.account ?? role.arn?.split(':')[4];
}

const EXTERNAL_ID = 'sts:externalid';
const MFA_PRESENT = 'aws:multifactorauthpresent';
const MFA_AGE = 'aws:multifactorauthage';

/** Whether the conditions require an external id or MFA of the caller; Unknown when they cannot be read. */
function requiresExternalIdOrMfa(condition: PropRecord | Unknown | undefined): boolean | Unknown {
  if (condition === undefined) return false;
  if (isUnknown(condition)) return condition;
  let doubt: Unknown | undefined;
  for (const [operator, block] of Object.entries(condition)) {
    // IfExists and negated operators also match a request that carries no such key.
    const op = operator.toLowerCase();
    if (op.endsWith('ifexists') || op.includes('not')) continue;
    if (isUnknown(block)) {
      doubt ??= block;
      continue;
    }
    if (!isRecord(block)) continue;
    for (const [key, raw] of Object.entries(block)) {
      const name = key.toLowerCase();
      const values = strings(raw as PropValue) ?? [];
      if (values.some(isUnknown) && [EXTERNAL_ID, MFA_PRESENT, MFA_AGE].includes(name)) doubt ??= values.find(isUnknown) as Unknown;
      if (name === EXTERNAL_ID && op.startsWith('string') && values.some((value) => typeof value === 'string' && value.replace(/[*?]/g, '') !== '')) return true;
      if (name === MFA_PRESENT && op === 'bool' && values.some((value) => value === 'true')) return true;
      if (name === MFA_AGE && op.startsWith('numericless')) return true;
    }
  }
  return doubt ?? false;
}

function judge(statement: PolicyStatement, role: Resource, path: string): Evaluation | undefined {
  if (statement.effect !== 'Allow' || !allowsAction(statement, 'sts:AssumeRole')) return undefined;
  const principal = statement.principal;
  if (isUnknown(principal)) return unknown(`cannot tell who the statement trusts: ${principal.reason}`, path);
  const raw = isRecord(principal) ? principal['AWS'] : undefined;
  if (raw === undefined) return undefined;
  const entries: PropValue[] = Array.isArray(raw) ? raw : [raw];
  const others: string[] = [];
  let doubt: Unknown | undefined;
  for (const entry of entries) {
    // A role or user of the same template belongs to the same account.
    if (isReference(entry)) continue;
    const text = typeof entry === 'string' || isUnknown(entry) ? entry : new Unknown('the principal is not text');
    const account = principalAccount(text, role);
    if (account === undefined || account === 'own') continue;
    if (isUnknown(account)) doubt ??= account;
    else others.push(account);
  }
  if (others.length === 0) return doubt ? unknown(`cannot tell which account a trusted principal belongs to: ${doubt.reason}`, path) : undefined;
  const required = requiresExternalIdOrMfa(statement.condition);
  const accounts = [...new Set(others)].join(', ');
  if (required === true) return pass(`account ${accounts} must present an external id or MFA to assume the role`, path);
  if (isUnknown(required)) return unknown(`cannot tell whether assuming the role from account ${accounts} requires an external id or MFA: ${required.reason}`, path);
  return fail(`account ${accounts} can assume the role without an external id (sts:ExternalId) or MFA (aws:MultiFactorAuthPresent) condition`, path);
}

export default defineCheck({
  id: 'iam-role-cross-account-trust-conditions',
  title: 'Roles trusted by other accounts require an external id or MFA',
  service: 'iam',
  resourceTypes: ['AWS::IAM::Role'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'A role that another account may assume with no condition can be used by anything that account runs: a third-party service acting for many customers can be tricked into using it for someone else (the confused deputy), and a person of the other account needs no second factor. AWS\'s guidance is an external id for third parties and MFA for people. The trust policy is written by the customer. Demarc knows a live role\'s account; in a template an account id written as a number counts as another account (templates name their own account with AWS::AccountId, Terraform with aws_caller_identity).',
  remediation: {
    console: 'IAM console > Roles > the role > Trust relationships > Edit trust policy: add "Condition": {"StringEquals": {"sts:ExternalId": "<id agreed with the other party>"}}, or {"Bool": {"aws:MultiFactorAuthPresent": "true"}} for people.',
    cloudformation: 'AWS::IAM::Role.AssumeRolePolicyDocument.Statement[].Condition: StringEquals sts:ExternalId, or Bool aws:MultiFactorAuthPresent "true", on statements that name other accounts',
    terraform: 'aws_iam_role.assume_role_policy: a condition { test = "StringEquals", variable = "sts:ExternalId", values = [...] } (or aws:MultiFactorAuthPresent) beside the other account\'s principal',
  },
  evaluate(role) {
    const document = role.properties['AssumeRolePolicyDocument'];
    if (document === undefined) return unknown('the role\'s trust policy was not collected', 'AssumeRolePolicyDocument');
    const statements = policyStatements(document);
    if (isUnknown(statements)) return unknown(statements, 'AssumeRolePolicyDocument');
    const results = (statements ?? []).map((statement) => judge(statement, role, `AssumeRolePolicyDocument.${statement.path}`)).filter((result): result is Evaluation => result !== undefined);
    const failures = results.filter((result) => result.status === 'fail');
    if (failures.length > 0) return failures;
    const doubts = results.filter((result) => result.status === 'unknown');
    if (doubts.length > 0) return doubts;
    if (results.length > 0) return results;
    return pass('no other AWS account is trusted to assume the role', 'AssumeRolePolicyDocument');
  },
});
