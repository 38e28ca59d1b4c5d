// Compliant: every IAM user who can sign in to the console has an active MFA device.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import { credentialReportOf } from '../lib/credentials.js';

export default defineCheck({
  id: 'iam-user-console-mfa',
  title: 'IAM users with a console password have MFA',
  service: 'iam',
  resourceTypes: ['AWS::IAM::User'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'high',
  rationale:
    'A console password alone can be phished, guessed or reused from another breach. An MFA device means a stolen password is not enough to sign in. AWS offers MFA; assigning it to every console user is the customer\'s job.',
  remediation: {
    console: 'IAM console > Users > the user > Security credentials > Multi-factor authentication (MFA) > Assign MFA device (or require MFA through IAM Identity Center instead of IAM users).',
    cloudformation: 'MFA devices are activated with codes from the device, so a template cannot complete it; enforce it with a policy that denies actions when aws:MultiFactorAuthPresent is false.',
    terraform: 'aws_iam_virtual_mfa_device plus activation outside Terraform; enforce with a policy denying actions when aws:MultiFactorAuthPresent is false.',
  },
  evaluate(user) {
    const report = credentialReportOf(user);
    if (isUnknown(report)) return unknown(report, 'CredentialReport');
    if (report === undefined) {
      if (user.origin.kind === 'aws') return unknown('the credential report for this user was not collected', 'CredentialReport');
      if (user.properties['LoginProfile'] === undefined) return notApplicable('the user has no console password');
      return notApplicable('the user gets a console password, but MFA devices are activated after deployment: only a live scan can show whether it has one');
    }
    const password = bool(report['PasswordEnabled']);
    if (isUnknown(password)) return unknown(password, 'CredentialReport.PasswordEnabled');
    if (password === undefined) return unknown('the credential report does not say whether the user has a password', 'CredentialReport.PasswordEnabled');
    if (!password) return notApplicable('the user has no console password');
    const mfa = bool(report['MfaActive']);
    if (isUnknown(mfa)) return unknown(mfa, 'CredentialReport.MfaActive');
    if (mfa === undefined) return unknown('the credential report does not say whether the user has MFA', 'CredentialReport.MfaActive');
    return mfa
      ? pass('the user has a console password and an active MFA device', 'CredentialReport.MfaActive')
      : fail('the user can sign in to the console with a password alone: no MFA device is active', 'CredentialReport.MfaActive');
  },
});
