// Compliant: the root user has not signed in or used an access key in the last 90 days.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { dateOf, day, daysBetween } from '../lib/credentials.js';

const WINDOW_DAYS = 90;

export default defineCheck({
  id: 'iam-root-not-used-recently',
  title: 'Root user is not used for everyday work',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::RootAccount'],
  layer: 'identity-access',
  control: 'audit-monitoring',
  duty: 'detect-insecure-user-behaviour',
  severity: 'medium',
  rationale:
    'Only a handful of account tasks need the root user. Regular use of it means unrestricted credentials are exposed day to day, and that people work without the least-privilege boundaries IAM provides. Recent use is worth a look: either a task that needed root, or a habit to stop.',
  remediation: {
    console: 'Create IAM roles (or IAM Identity Center permission sets) for administrative work, and keep the root credentials locked away for the few tasks that require them.',
    cloudformation: 'Not expressible in CloudFormation: root use is a matter of practice; declare administrative roles (AWS::IAM::Role) instead.',
    terraform: 'Not expressible in Terraform: root use is a matter of practice; declare administrative roles (aws_iam_role) instead.',
  },
  evaluate(root, context) {
    const fields = ['PasswordLastUsed', 'AccessKey1LastUsedDate', 'AccessKey2LastUsedDate'] as const;
    let latest: { field: string; date: Date } | undefined;
    for (const field of fields) {
      const date = dateOf(root.properties[field]);
      if (isUnknown(date)) return unknown(date, field);
      if (date === undefined) {
        if (field === 'PasswordLastUsed') return unknown('the credential report does not say when the root password was last used', field);
        continue;
      }
      if (date !== null && (latest === undefined || date > latest.date)) latest = { field, date };
    }
    if (latest === undefined) return pass('the root user has never been used to sign in or call an API');
    const age = daysBetween(latest.date, context.now);
    const how = latest.field === 'PasswordLastUsed' ? 'signed in' : 'used an access key';
    if (age < WINDOW_DAYS) return fail(`the root user ${how} on ${day(latest.date)}, ${age} days ago`, latest.field);
    return pass(`the root user was last used on ${day(latest.date)}, ${age} days ago`, latest.field);
  },
});
