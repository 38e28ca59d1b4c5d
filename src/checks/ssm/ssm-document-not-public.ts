// Compliant: the Systems Manager document is not shared with every AWS account (its Share permission does not name "All").
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, str } from '../../inventory/readers.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';

/** The accounts a Share permission names: a list, or the comma-separated text Terraform's permissions map holds. */
function accountIds(value: PropValue | undefined): string[] | string | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const text = str(item);
    if (isUnknown(text)) return text.reason;
    if (text !== undefined) out.push(...text.split(',').map((part) => part.trim()).filter((part) => part !== ''));
  }
  return out;
}

export default defineCheck({
  id: 'ssm-document-not-public',
  title: 'SSM document is not shared publicly',
  service: 'ssm',
  resourceTypes: ['AWS::SSM::Document'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'critical',
  rationale:
    'A document shared with All can be read and run by every AWS account. Command and automation documents often reveal internal host names, paths, bucket names, scripts and sometimes credentials, and a public document can be copied into someone else\'s attack tooling. AWS lets the owner share documents publicly or with named accounts; the choice is the customer\'s. CloudFormation cannot share a document, so a template-declared document is private as declared; Terraform and live scans read the Share permission.',
  remediation: {
    console: 'Systems Manager console > Documents > Owned by me > the document > Details > Permissions: Private, or named account ids only.',
    cloudformation: 'CloudFormation does not share documents: remove any sharing done with aws ssm modify-document-permission --permission-type Share --account-ids-to-remove All',
    terraform: 'aws_ssm_document.permissions: account_ids = named account ids, never "All" (or leave permissions out)',
  },
  evaluate(document) {
    const permissions = document.properties['Permissions'];
    if (isUnknown(permissions)) return unknown(permissions, 'Permissions');
    if (permissions === undefined || permissions === null) return pass('the document is not shared with other accounts', 'Permissions');
    const type = str(at(permissions, 'Type') ?? at(permissions, 'type'));
    if (isUnknown(type)) return unknown(type, 'Permissions.type');
    if (type !== undefined && type.toLowerCase() !== 'share') return unknown(`permission type ${type} is not one Systems Manager documents (Share)`, 'Permissions.type');
    const accounts = accountIds(at(permissions, 'AccountIds') ?? at(permissions, 'account_ids'));
    if (typeof accounts === 'string') return unknown(`the accounts the document is shared with cannot be read: ${accounts}`, 'Permissions.account_ids');
    if (accounts === undefined || accounts.length === 0) return pass('the document is not shared with other accounts', 'Permissions');
    if (accounts.some((account) => account.toLowerCase() === 'all')) return fail('the document is shared with All: every AWS account can read and run it', 'Permissions');
    return pass(`the document is shared only with ${accounts.join(', ')}`, 'Permissions');
  },
});
