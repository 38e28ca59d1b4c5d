// Compliant: a role's trust policy lets only named principals assume it, never anyone at all.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { isUnknown } from '../../inventory/readers.js';
import { allowsEveryone, policyStatements } from '../lib/policy.js';

export default defineCheck({
  id: 'iam-role-trust-not-public',
  title: 'Role trust policies do not let anyone assume the role',
  service: 'iam',
  resourceTypes: ['AWS::IAM::Role'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'critical',
  rationale:
    'A trust policy with a "*" principal and no narrowing condition lets any AWS account in the world assume the role and use its permissions. Who may assume a role is decided by the customer alone.',
  remediation: {
    console: 'IAM console > Roles > the role > Trust relationships > Edit trust policy: name the accounts, roles or services that may assume it, or add a condition such as aws:PrincipalOrgID or sts:ExternalId.',
    cloudformation: 'AWS::IAM::Role.AssumeRolePolicyDocument.Statement[].Principal: specific ARNs or services, not "*".',
    terraform: 'aws_iam_role { assume_role_policy = ... } with specific principals, not "*".',
  },
  evaluate(role) {
    const document = role.properties['AssumeRolePolicyDocument'];
    if (document === undefined) return unknown('the role\'s trust policy was not collected', 'AssumeRolePolicyDocument');
    const statements = policyStatements(document);
    if (isUnknown(statements)) return unknown(statements, 'AssumeRolePolicyDocument');
    const failures: Evaluation[] = [];
    const doubts: Evaluation[] = [];
    for (const statement of statements ?? []) {
      const path = `AssumeRolePolicyDocument.${statement.path}`;
      if (statement.effect === 'Allow' && statement.notPrincipal !== undefined) {
        failures.push(fail('an Allow statement with NotPrincipal lets every principal but the listed ones assume the role', path));
        continue;
      }
      const open = allowsEveryone(statement);
      if (isUnknown(open)) doubts.push(unknown(open, path));
      else if (open) failures.push(fail('any principal in any AWS account can assume the role', path));
    }
    if (failures.length > 0) return failures;
    if (doubts.length > 0) return doubts;
    return pass('only named principals can assume the role', 'AssumeRolePolicyDocument');
  },
});
