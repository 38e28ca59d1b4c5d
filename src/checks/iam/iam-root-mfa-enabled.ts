// Compliant: the root user of the account has an MFA device.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'iam-root-mfa-enabled',
  title: 'Root user has MFA enabled',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::RootAccount'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'critical',
  rationale:
    'The root user can do anything in the account, including closing it, and no policy can restrict it. A second factor keeps a leaked or guessed root password from being enough to take the account over. AWS secures the sign-in service; turning MFA on for root is the customer\'s part.',
  remediation: {
    console: 'Sign in as the root user > account menu > Security credentials > Multi-factor authentication (MFA) > Assign MFA device.',
    cloudformation: 'Not expressible in CloudFormation: the root user\'s MFA is set only by signing in as root.',
    terraform: 'Not expressible in Terraform: the root user\'s MFA is set only by signing in as root.',
  },
  evaluate(root) {
    const active = bool(root.properties['MfaActive']);
    if (isUnknown(active)) return unknown(active, 'MfaActive');
    if (active === undefined) return unknown('the credential report does not say whether root MFA is active', 'MfaActive');
    return active ? pass('the root user has MFA enabled', 'MfaActive') : fail('the root user has no MFA device', 'MfaActive');
  },
});
