// Compliant: an IAM user has at most one active access key.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';
import { accessKeysOf, credentialReportOf } from '../lib/credentials.js';

export default defineCheck({
  id: 'iam-user-single-active-access-key',
  title: 'IAM users have at most one active access key',
  service: 'iam',
  resourceTypes: ['AWS::IAM::User'],
  reads: ['AWS::IAM::AccessKey'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'low',
  rationale:
    'The second key slot exists to rotate without downtime. Two keys active for good doubles the secrets that can leak, and usually means one of them is forgotten.',
  remediation: {
    console: 'IAM console > Users > the user > Security credentials > Access keys: deactivate and delete the key that is not needed.',
    cloudformation: 'Keep one AWS::IAM::AccessKey per user, or set Status: Inactive on the one being retired.',
    terraform: 'Keep one aws_iam_access_key per user, or set status = "Inactive" on the one being retired.',
  },
  evaluate(user, context) {
    const report = credentialReportOf(user);
    if (isUnknown(report)) return unknown(report, 'CredentialReport');
    if (report !== undefined) {
      const keys = accessKeysOf(report);
      if (isUnknown(keys)) return unknown(keys, 'CredentialReport.AccessKeys');
      const doubt = keys.find((key) => isUnknown(key.active));
      if (doubt) return unknown(`whether access key ${doubt.index + 1} is active is not known`, doubt.path);
      const active = keys.filter((key) => key.active === true).length;
      return active > 1
        ? fail(`the user has ${active} active access keys`, 'CredentialReport.AccessKeys')
        : pass(`the user has ${active} active access key${active === 1 ? '' : 's'}`, 'CredentialReport.AccessKeys');
    }
    if (user.origin.kind === 'aws') return unknown('the credential report for this user was not collected', 'CredentialReport');
    // A template declares keys as AWS::IAM::AccessKey resources naming the user; Status defaults to Active.
    const keys = context.inventory.referrers(user, 'AWS::IAM::AccessKey', 'UserName');
    let active = 0;
    for (const key of keys) {
      const status = str(key.properties['Status']);
      if (isUnknown(status)) return unknown(`the status of access key ${key.id} is not known (${status.reason})`);
      if (status !== 'Inactive') active += 1;
    }
    return active > 1 ? fail(`the template gives the user ${active} active access keys`) : pass(`the template gives the user ${active} active access key${active === 1 ? '' : 's'}`);
  },
});
