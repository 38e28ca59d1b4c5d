// Compliant: a user's password and active access keys have each been used within the last 45 days.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import { Unknown } from '../../inventory/values.js';
import { accessKeysOf, credentialReportOf, dateOf, day, daysBetween } from '../lib/credentials.js';

const WINDOW_DAYS = 45;

export default defineCheck({
  id: 'iam-user-unused-credentials',
  title: 'IAM user credentials unused for 45 days are disabled',
  service: 'iam',
  resourceTypes: ['AWS::IAM::User'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'medium',
  rationale:
    'A password or access key nobody uses still works for whoever steals it, and its misuse is less likely to be noticed. Disabling credentials after 45 days without use shrinks what can be stolen to what is actually needed.',
  remediation: {
    console: 'IAM console > Users > the user > Security credentials: remove the console password (Manage console access > Disable) and deactivate access keys that have not been used for 45 days.',
    cloudformation: 'AWS::IAM::AccessKey.Status: Inactive (or remove the key); remove AWS::IAM::User.LoginProfile for users who no longer sign in.',
    terraform: 'aws_iam_access_key { status = "Inactive" } or remove it; remove aws_iam_user_login_profile for users who no longer sign in.',
  },
  evaluate(user, context) {
    const report = credentialReportOf(user);
    if (isUnknown(report)) return unknown(report, 'CredentialReport');
    if (report === undefined) {
      if (user.origin.kind === 'aws') return unknown('the credential report for this user was not collected', 'CredentialReport');
      return notApplicable('when credentials were last used shows only in a live account');
    }
    const results: Evaluation[] = [];
    const judge = (what: string, lastUsed: Date | null, since: Date | null | undefined, path: string): void => {
      const reference = lastUsed ?? since ?? null;
      if (reference === null) {
        results.push(unknown(`${what} has never been used and its creation date is not known`, path));
        return;
      }
      const age = daysBetween(reference, context.now);
      const how = lastUsed ? `was last used on ${day(lastUsed)}` : `has never been used since ${day(reference)}`;
      results.push(age >= WINDOW_DAYS ? fail(`${what} ${how}, ${age} days ago`, path) : pass(`${what} ${how}`, path));
    };

    const password = bool(report['PasswordEnabled']);
    if (isUnknown(password)) results.push(unknown(password, 'CredentialReport.PasswordEnabled'));
    else if (password === true) {
      const lastUsed = dateOf(report['PasswordLastUsed']);
      const changed = dateOf(report['PasswordLastChanged']);
      const created = dateOf(report['UserCreationTime']);
      if (isUnknown(lastUsed)) results.push(unknown(lastUsed, 'CredentialReport.PasswordLastUsed'));
      else if (isUnknown(changed)) results.push(unknown(changed, 'CredentialReport.PasswordLastChanged'));
      else if (isUnknown(created)) results.push(unknown(created, 'CredentialReport.UserCreationTime'));
      else judge('the console password', lastUsed ?? null, changed ?? created, 'CredentialReport.PasswordLastUsed');
    }

    const keys = accessKeysOf(report);
    if (isUnknown(keys)) return [...results, unknown(keys, 'CredentialReport.AccessKeys')];
    for (const key of keys) {
      if (isUnknown(key.active)) {
        results.push(unknown(key.active, key.path));
        continue;
      }
      if (!key.active) continue;
      const { lastUsed, lastRotated } = key;
      if (isUnknown(lastUsed) || isUnknown(lastRotated)) {
        results.push(unknown(isUnknown(lastUsed) ? lastUsed : new Unknown('the key\'s creation date cannot be read'), key.path));
        continue;
      }
      judge(`active access key ${key.index + 1}`, lastUsed ?? null, lastRotated, key.path);
    }
    return results.length > 0 ? results : notApplicable('the user has no console password and no active access key');
  },
});
