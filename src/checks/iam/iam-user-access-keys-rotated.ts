// Compliant: every active access key of a user was created (rotated) within the last 90 days.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { isUnknown } from '../../inventory/readers.js';
import { accessKeysOf, credentialReportOf, day, daysBetween } from '../lib/credentials.js';

const MAX_AGE_DAYS = 90;

export default defineCheck({
  id: 'iam-user-access-keys-rotated',
  title: 'Active access keys are rotated within 90 days',
  service: 'iam',
  resourceTypes: ['AWS::IAM::User'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'rotate-access-keys',
  severity: 'medium',
  rationale:
    'Access keys end up in scripts, laptops, CI logs and repositories. Replacing them regularly limits how long a copy that leaked stays useful. AWS never rotates a user\'s keys; the customer does.',
  remediation: {
    console: 'IAM console > Users > the user > Security credentials > Create access key, move programs to the new key, then deactivate and delete the old one. Prefer IAM roles, whose credentials rotate by themselves.',
    cloudformation: 'AWS::IAM::AccessKey.Serial: increment it to replace the key (and hand the new secret to its users); better, replace the user with an AWS::IAM::Role.',
    terraform: 'Replace aws_iam_access_key (terraform apply -replace=...), or move to an aws_iam_role.',
  },
  evaluate(user, context) {
    const report = credentialReportOf(user);
    if (isUnknown(report)) return unknown(report, 'CredentialReport');
    if (report === undefined) {
      if (user.origin.kind === 'aws') return unknown('the credential report for this user was not collected', 'CredentialReport');
      return notApplicable('the age of access keys shows only in a live account');
    }
    const keys = accessKeysOf(report);
    if (isUnknown(keys)) return unknown(keys, 'CredentialReport.AccessKeys');
    const results: Evaluation[] = [];
    for (const key of keys) {
      if (isUnknown(key.active)) {
        results.push(unknown(key.active, key.path));
        continue;
      }
      if (!key.active) continue;
      const rotated = key.lastRotated;
      if (isUnknown(rotated)) {
        results.push(unknown(rotated, key.path));
        continue;
      }
      if (!rotated) {
        results.push(unknown(`the creation date of active access key ${key.index + 1} is not known`, key.path));
        continue;
      }
      const age = daysBetween(rotated, context.now);
      results.push(
        age > MAX_AGE_DAYS
          ? fail(`active access key ${key.index + 1} was created on ${day(rotated)}, ${age} days ago`, key.path)
          : pass(`active access key ${key.index + 1} was created on ${day(rotated)}, ${age} days ago`, key.path),
      );
    }
    return results.length > 0 ? results : notApplicable('the user has no active access key');
  },
});
