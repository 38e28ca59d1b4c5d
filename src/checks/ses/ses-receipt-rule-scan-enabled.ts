// Compliant: the receipt rule has SES scan incoming mail for spam and viruses (Rule.ScanEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'ses-receipt-rule-scan-enabled',
  title: 'SES receipt rule scans incoming mail for spam and viruses',
  service: 'ses',
  resourceTypes: ['AWS::SES::ReceiptRule'],
  layer: 'customer-data',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'medium',
  rationale:
    'Mail that a receipt rule accepts goes on to the customer\'s buckets, topics and Lambda functions, and to the people who read it. SES checks each message for spam and viruses only when the rule asks for it (ScanEnabled, off by default); then the verdicts travel in the message headers, where later actions and filters can drop infected or spam mail. Asking for the scan is the customer\'s choice per rule.',
  remediation: {
    console: 'Amazon SES console > Email receiving > the rule set > the rule > Edit: check "Spam and virus scanning".',
    cloudformation: 'AWS::SES::ReceiptRule.Rule: { ScanEnabled: true }',
    terraform: 'aws_ses_receipt_rule { scan_enabled = true }',
  },
  evaluate(rule) {
    const enabled = bool(at(rule.properties, 'Rule', 'ScanEnabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'Rule.ScanEnabled');
    if (enabled === true) return pass('incoming mail is scanned for spam and viruses', 'Rule.ScanEnabled');
    return fail(enabled === false ? 'Rule.ScanEnabled is false: incoming mail is not scanned for spam or viruses' : 'Rule.ScanEnabled is not set, and SES does not scan incoming mail by default', 'Rule');
  },
});
