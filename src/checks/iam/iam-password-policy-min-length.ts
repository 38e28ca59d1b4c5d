// Compliant: the account password policy requires passwords of at least 14 characters.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown, num } from '../../inventory/readers.js';

const MINIMUM = 14;

export default defineCheck({
  id: 'iam-password-policy-min-length',
  title: 'Password policy requires at least 14 characters',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::PasswordPolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'medium',
  rationale:
    'Length is what makes a password hard to guess or crack. Without an account password policy, IAM users may set passwords as short as AWS\'s default allows; requiring 14 characters or more is the customer\'s choice to make.',
  remediation: {
    console: 'IAM console > Account settings > Password policy > Edit > Custom > Password minimum length: 14 or more.',
    cloudformation: 'Not expressible in CloudFormation (no resource type for the account password policy); use the console, the CLI (aws iam update-account-password-policy --minimum-password-length 14) or Terraform.',
    terraform: 'aws_iam_account_password_policy { minimum_password_length = 14 }',
  },
  evaluate(policy) {
    const exists = bool(policy.properties['Exists']);
    if (isUnknown(exists)) return unknown(exists, 'Exists');
    if (exists === false) return fail('the account has no password policy, so any password length AWS allows is accepted');
    const length = num(policy.properties['MinimumPasswordLength']);
    if (isUnknown(length)) return unknown(length, 'MinimumPasswordLength');
    if (exists === undefined) return unknown('whether the account has a password policy was not collected');
    if (length === undefined) return fail('the password policy sets no minimum length');
    if (length < MINIMUM) return fail(`the password policy accepts passwords of ${length} characters (at least ${MINIMUM} wanted)`, 'MinimumPasswordLength');
    return pass(`the password policy requires at least ${length} characters`, 'MinimumPasswordLength');
  },
});
