// Compliant: every trust statement for web identity federation restricts who may assume the role: the token's subject (`<provider>:sub`) for OIDC providers such as GitHub Actions, the identity pool (`cognito-identity.amazonaws.com:aud`) for Cognito.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { strings } from '../../inventory/readers.js';
import { isRecord, isUnknown, type PropValue, type Unknown } from '../../inventory/values.js';
import { allowsAction, policyStatements, type PolicyStatement } from '../lib/policy.js';

const COGNITO = 'cognito-identity.amazonaws.com';
const GITHUB = 'token.actions.githubusercontent.com';

/** The provider host of a federated principal: `token.actions.githubusercontent.com` from its OIDC provider ARN. */
function providerOf(value: string | Unknown): string | Unknown {
  const text = isUnknown(value) ? value.template : value;
  if (text === undefined) return value as Unknown;
  const arn = /:oidc-provider\/(.+)$/.exec(text);
  return (arn?.[1] ?? text).toLowerCase();
}

/** Whether a condition value pins the subject: not only wildcards, and for GitHub at least a fixed owner (`repo:org/...`). */
function pins(value: string, provider: string, key: 'sub' | 'aud'): boolean {
  if (value.replace(/[*?]/g, '') === '') return false;
  if (key === 'sub' && provider === GITHUB) return /^repo:[^*?/]+\//.test(value);
  return true;
}

/** The verdict on one provider: does a condition fix its subject (or audience) to values that are not wildcards? */
function restricted(statement: PolicyStatement, provider: string | Unknown): boolean | Unknown {
  const condition = statement.condition;
  if (condition === undefined) return false;
  if (isUnknown(condition)) return condition;
  const host = isUnknown(provider) ? undefined : provider;
  const key = host === COGNITO ? 'aud' : 'sub';
  let doubt: Unknown | undefined;
  for (const [operator, block] of Object.entries(condition)) {
    const op = operator.toLowerCase();
    // Negated operators, IfExists and ForAllValues also match tokens that carry no such claim or another value.
    if (!op.replace(/^foranyvalue:/, '').startsWith('string') || op.includes('not') || op.endsWith('ifexists') || op.startsWith('forallvalues:')) continue;
    if (isUnknown(block)) {
      doubt ??= block;
      continue;
    }
    if (!isRecord(block)) continue;
    for (const [name, raw] of Object.entries(block)) {
      const lower = name.toLowerCase();
      // An unknown provider (a reference to an OIDC provider of the template) is judged on any `...:sub` key.
      if (host !== undefined ? lower !== `${host}:${key}` : !lower.endsWith(':sub')) continue;
      const values = strings(raw as PropValue) ?? [];
      if (values.length === 0) continue;
      if (values.some(isUnknown)) {
        doubt ??= values.find(isUnknown) as Unknown;
        continue;
      }
      // Values are alternatives: one that admits anyone opens the condition.
      if (values.every((value) => typeof value === 'string' && pins(value, host ?? '', key))) return true;
    }
  }
  return doubt ?? false;
}

function judge(statement: PolicyStatement, path: string): Evaluation[] {
  if (statement.effect !== 'Allow' || !allowsAction(statement, 'sts:AssumeRoleWithWebIdentity')) return [];
  const principal = statement.principal;
  if (isUnknown(principal)) return [unknown(`cannot tell who the statement trusts: ${principal.reason}`, path)];
  if (!isRecord(principal)) return [];
  const federated = strings(principal['Federated']) ?? [];
  const results: Evaluation[] = [];
  for (const entry of federated) {
    if (typeof entry === 'string' && entry.includes(':saml-provider/')) continue;
    const provider = providerOf(entry);
    const name = isUnknown(provider) ? 'the identity provider' : provider;
    const claim = provider === COGNITO ? `${COGNITO}:aud (the identity pool)` : `${isUnknown(provider) ? '<provider>' : provider}:sub (the token's subject)`;
    const verdict = restricted(statement, provider);
    if (verdict === true) results.push(pass(`${name}: only tokens whose ${claim} is pinned may assume the role`, path));
    else if (isUnknown(verdict)) results.push(unknown(`cannot tell whether ${name} tokens are restricted by ${claim}: ${verdict.reason}`, path));
    else {
      const who = provider === GITHUB ? 'any GitHub Actions workflow of any repository' : provider === COGNITO ? 'an identity of any Cognito identity pool' : `any identity of ${name}`;
      results.push(fail(`${who} can assume the role: no condition pins ${claim} to values without wildcards`, path));
    }
  }
  return results;
}

export default defineCheck({
  id: 'iam-role-oidc-trust-subject-restricted',
  title: 'Roles trusted by OIDC providers restrict the token subject',
  service: 'iam',
  resourceTypes: ['AWS::IAM::Role'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A role that trusts an OpenID Connect provider accepts every token that provider signs unless a condition says whose token it must be. For GitHub Actions that is any workflow of any repository on GitHub, so a role without a "token.actions.githubusercontent.com:sub" condition naming the customer\'s own repositories (repo:owner/name:...) can be taken by strangers; for EKS it is any service account of the cluster, for Cognito (whose condition is the identity pool, "cognito-identity.amazonaws.com:aud") any identity of any pool. The trust policy is the customer\'s; AWS rejects new GitHub trust policies without a subject condition, but existing ones and other providers remain.',
  remediation: {
    console: 'IAM console > Roles > the role > Trust relationships > Edit trust policy: add "StringEquals" (or "StringLike") on "<provider>:sub" with the exact subjects, e.g. "repo:my-org/my-repo:ref:refs/heads/main" for GitHub, "system:serviceaccount:ns:name" for EKS; for Cognito, "cognito-identity.amazonaws.com:aud" with the identity pool id.',
    cloudformation: 'AWS::IAM::Role.AssumeRolePolicyDocument.Statement[].Condition.StringEquals / StringLike: { "<provider>:sub": "<subject>" } on statements with a Federated principal',
    terraform: 'aws_iam_policy_document statement { condition { test = "StringLike", variable = "token.actions.githubusercontent.com:sub", values = ["repo:my-org/my-repo:*"] } }',
  },
  evaluate(role) {
    const document = role.properties['AssumeRolePolicyDocument'];
    if (document === undefined) return unknown('the role\'s trust policy was not collected', 'AssumeRolePolicyDocument');
    const statements = policyStatements(document);
    if (isUnknown(statements)) return unknown(statements, 'AssumeRolePolicyDocument');
    const results = (statements ?? []).flatMap((statement) => judge(statement, `AssumeRolePolicyDocument.${statement.path}`));
    const failures = results.filter((result) => result.status === 'fail');
    if (failures.length > 0) return failures;
    const doubts = results.filter((result) => result.status === 'unknown');
    if (doubts.length > 0) return doubts;
    if (results.length > 0) return results;
    return [];
  },
});
