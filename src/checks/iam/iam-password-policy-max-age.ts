// Compliant: the account password policy expires passwords after 90 days or fewer.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown, num } from '../../inventory/readers.js';

const MAX_DAYS = 90;

export default defineCheck({
  id: 'iam-password-policy-max-age',
  title: 'Password policy expires passwords within 90 days',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::PasswordPolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'low',
  rationale:
    'A password that never expires stays useful to whoever learned it, for as long as the user keeps it. Without an account password policy, or with MaxPasswordAge unset or 0 (the default), IAM passwords never expire; a 90-day limit bounds how long a leaked password works.',
  remediation: {
    console: 'IAM console > Account settings > Password policy > Edit > Custom > Turn on password expiration: 90 days or fewer.',
    cloudformation: 'Not expressible in CloudFormation (no resource type for the account password policy); use the console, the CLI (aws iam update-account-password-policy --max-password-age 90, repeating the settings to keep: the call replaces the whole policy) or Terraform.',
    terraform: 'aws_iam_account_password_policy { max_password_age = 90 }',
  },
  evaluate(policy) {
    const exists = bool(policy.properties['Exists']);
    if (isUnknown(exists)) return unknown(exists, 'Exists');
    if (exists === false) return fail('the account has no password policy, so passwords never expire');
    if (exists === undefined) return unknown('whether the account has a password policy was not collected');
    const days = num(policy.properties['MaxPasswordAge']);
    if (isUnknown(days)) return unknown(days, 'MaxPasswordAge');
    const expires = bool(policy.properties['ExpirePasswords']);
    if (isUnknown(expires)) return unknown(expires, 'ExpirePasswords');
    if (days === undefined || days <= 0 || expires === false) return fail('the password policy does not expire passwords', 'MaxPasswordAge');
    if (days > MAX_DAYS) return fail(`the password policy expires passwords after ${days} days (${MAX_DAYS} or fewer wanted)`, 'MaxPasswordAge');
    return pass(`the password policy expires passwords after ${days} days`, 'MaxPasswordAge');
  },
});
