// Compliant: the root user has no active access keys.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'iam-root-no-access-keys',
  title: 'Root user has no active access keys',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::RootAccount'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'critical',
  rationale:
    'An access key of the root user is a long-lived secret with unlimited power over the account and no MFA in front of it. Programs should use IAM roles or users with narrow permissions; root keys should not exist.',
  remediation: {
    console: 'Sign in as the root user > Security credentials > Access keys > Deactivate, then Delete, each key (after moving any program that uses it to an IAM role).',
    cloudformation: 'Not expressible in CloudFormation: root access keys are managed only by signing in as root.',
    terraform: 'Not expressible in Terraform: root access keys are managed only by signing in as root.',
  },
  evaluate(root) {
    const slots = ['AccessKey1Active', 'AccessKey2Active'] as const;
    const active: string[] = [];
    for (const slot of slots) {
      const value = bool(root.properties[slot]);
      if (isUnknown(value)) return unknown(value, slot);
      if (value === undefined) return unknown(`the credential report does not say ${slot}`, slot);
      if (value) active.push(slot);
    }
    if (active.length > 0) return fail(`the root user has ${active.length} active access key${active.length > 1 ? 's' : ''}`, active[0]);
    return pass('the root user has no active access keys');
  },
});
