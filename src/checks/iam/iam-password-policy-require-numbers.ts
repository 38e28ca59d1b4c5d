// Compliant: the account password policy requires at least one number (0 to 9).
import { defineCheck } from '../define-check.js';
import { evaluateRequiredCharacter } from '../lib/password-policy.js';

export default defineCheck({
  id: 'iam-password-policy-require-numbers',
  title: 'Password policy requires at least one number (0 to 9)',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::PasswordPolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'medium',
  rationale:
    'Each required character class multiplies the number of passwords an attacker must try. Without an account password policy, or with this switch off (the default), IAM users may choose passwords without digits.',
  remediation: {
    console: 'IAM console > Account settings > Password policy > Edit > Custom > Require at least one number.',
    cloudformation: 'Not expressible in CloudFormation (no resource type for the account password policy); use the console, the CLI (aws iam update-account-password-policy --require-numbers, repeating the settings to keep: the call replaces the whole policy) or Terraform.',
    terraform: 'aws_iam_account_password_policy { require_numbers = true }',
  },
  evaluate: (policy) => evaluateRequiredCharacter(policy, 'RequireNumbers', 'at least one number (0 to 9)'),
});
