// Compliant: the user pool's password policy requires at least 14 characters with an uppercase letter, a lowercase letter, a number and a symbol.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, num } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import type { Evaluation } from '../types.js';

const MINIMUM_LENGTH = 14;
// Cognito's own default, when a pool is created without a password policy.
const DEFAULT_LENGTH = 8;
const CLASSES = [
  ['RequireUppercase', 'an uppercase letter'],
  ['RequireLowercase', 'a lowercase letter'],
  ['RequireNumbers', 'a number'],
  ['RequireSymbols', 'a symbol'],
] as const;

export default defineCheck({
  id: 'cognito-user-pool-password-policy',
  title: 'Cognito user pool password policy is strong',
  service: 'cognito',
  resourceTypes: ['AWS::Cognito::UserPool'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'Short passwords of one character class fall to guessing and credential stuffing. demarc holds a user pool to the bar the CIS AWS Foundations Benchmark sets for IAM passwords: at least 14 characters, with uppercase, lowercase, numbers and symbols all required. Cognito\'s default policy asks for 8 characters, so a pool without a policy fails. The policy is the customer\'s to set.',
  remediation: {
    console: 'Cognito console > User pools > the pool > Authentication methods > Password policy > Edit: custom, minimum length 14, all four character requirements.',
    cloudformation: 'AWS::Cognito::UserPool.Policies.PasswordPolicy { MinimumLength: 14, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true }',
    terraform: 'aws_cognito_user_pool password_policy { minimum_length = 14, require_uppercase = true, require_lowercase = true, require_numbers = true, require_symbols = true }',
  },
  evaluate(pool) {
    const policy = at(pool.properties, 'Policies', 'PasswordPolicy');
    if (isUnknown(policy)) return unknown(policy, 'Policies.PasswordPolicy');
    if (policy === undefined || policy === null) return fail(`no password policy is set: Cognito's default asks for ${DEFAULT_LENGTH} characters, fewer than ${MINIMUM_LENGTH}`, 'Policies');
    const results: Evaluation[] = [];
    const length = num(at(policy, 'MinimumLength'));
    if (isUnknown(length)) results.push(unknown(length, 'Policies.PasswordPolicy.MinimumLength'));
    else if ((length ?? DEFAULT_LENGTH) < MINIMUM_LENGTH) results.push(fail(`passwords may be ${length ?? DEFAULT_LENGTH} characters long, fewer than ${MINIMUM_LENGTH}`, 'Policies.PasswordPolicy.MinimumLength'));
    for (const [key, what] of CLASSES) {
      const required = bool(at(policy, key));
      if (isUnknown(required)) results.push(unknown(required, `Policies.PasswordPolicy.${key}`));
      // An omitted requirement is false in Cognito's API: the policy then does not ask for that class.
      else if (required !== true) results.push(fail(`passwords need not contain ${what}`, `Policies.PasswordPolicy.${key}`));
    }
    return results.length > 0 ? results : pass(`passwords need at least ${length ?? DEFAULT_LENGTH} characters with uppercase, lowercase, numbers and symbols`, 'Policies.PasswordPolicy');
  },
});
