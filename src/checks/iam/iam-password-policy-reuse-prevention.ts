// Compliant: the account password policy prevents reuse of the last 24 passwords.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown, num } from '../../inventory/readers.js';

const REMEMBERED = 24;

export default defineCheck({
  id: 'iam-password-policy-reuse-prevention',
  title: 'Password policy prevents reusing the last 24 passwords',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::PasswordPolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'medium',
  rationale:
    'When users may cycle back to an old password, a password that leaked once stays useful to an attacker. Remembering the last 24 passwords (the most IAM allows) makes a changed password stay changed.',
  remediation: {
    console: 'IAM console > Account settings > Password policy > Edit > Custom > Prevent password reuse: 24.',
    cloudformation: 'Not expressible in CloudFormation (no resource type for the account password policy); use the console, the CLI (aws iam update-account-password-policy --password-reuse-prevention 24) or Terraform.',
    terraform: 'aws_iam_account_password_policy { password_reuse_prevention = 24 }',
  },
  evaluate(policy) {
    const exists = bool(policy.properties['Exists']);
    if (isUnknown(exists)) return unknown(exists, 'Exists');
    if (exists === false) return fail('the account has no password policy, so old passwords can be reused');
    if (exists === undefined) return unknown('whether the account has a password policy was not collected');
    const remembered = num(policy.properties['PasswordReusePrevention']);
    if (isUnknown(remembered)) return unknown(remembered, 'PasswordReusePrevention');
    if (remembered === undefined) return fail('the password policy does not prevent password reuse');
    if (remembered < REMEMBERED) return fail(`the password policy remembers only the last ${remembered} passwords (${REMEMBERED} wanted)`, 'PasswordReusePrevention');
    return pass(`the password policy prevents reuse of the last ${remembered} passwords`, 'PasswordReusePrevention');
  },
});
