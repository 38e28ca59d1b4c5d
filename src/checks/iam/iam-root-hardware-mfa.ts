// Compliant: the root user's MFA is a hardware device, not a virtual (app-based) one.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'iam-root-hardware-mfa',
  title: 'Root user uses a hardware MFA device',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::RootAccount'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'medium',
  rationale:
    'A virtual MFA device lives on a phone or computer that can itself be lost, cloned or compromised. A hardware key or token kept in a safe place gives the root user a second factor that no malware can copy (a level-2 recommendation of the CIS benchmark).',
  remediation: {
    console: 'Sign in as the root user > Security credentials > Multi-factor authentication (MFA) > Assign MFA device > Passkey or security key, or Hardware TOTP token; then remove the virtual device.',
    cloudformation: 'Not expressible in CloudFormation: the root user\'s MFA is set only by signing in as root.',
    terraform: 'Not expressible in Terraform: the root user\'s MFA is set only by signing in as root.',
  },
  evaluate(root) {
    const active = bool(root.properties['MfaActive']);
    if (isUnknown(active)) return unknown(active, 'MfaActive');
    if (active === false) return fail('the root user has no MFA device at all', 'MfaActive');
    const hardware = bool(root.properties['HardwareMfa']);
    if (isUnknown(hardware)) return unknown(hardware, 'HardwareMfa');
    if (active === undefined || hardware === undefined) return unknown('the kind of the root user\'s MFA device was not collected', 'HardwareMfa');
    return hardware
      ? pass('the root user\'s MFA device is a hardware device', 'HardwareMfa')
      : fail('the root user\'s MFA device is a virtual device', 'HardwareMfa');
  },
});
