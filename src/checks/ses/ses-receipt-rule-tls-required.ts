// Compliant: the receipt rule accepts mail only over TLS (Rule.TlsPolicy Require).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'ses-receipt-rule-tls-required',
  title: 'SES receipt rule requires TLS for incoming mail',
  service: 'ses',
  resourceTypes: ['AWS::SES::ReceiptRule'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'A receipt rule decides what SES does with mail sent to the customer\'s domains. With the default TLS policy, Optional, SES also accepts messages the sending server delivers in plain text, so their content can be read or changed on the way; Require makes SES bounce any message for the rule\'s recipients that did not arrive over TLS. Choosing that for the mail one receives is the customer\'s side of traffic protection.',
  remediation: {
    console: 'Amazon SES console > Email receiving > the rule set > the rule > Edit: set "Transport Layer Security (TLS)" to Required.',
    cloudformation: 'AWS::SES::ReceiptRule.Rule: { TlsPolicy: Require }',
    terraform: 'aws_ses_receipt_rule { tls_policy = "Require" }',
  },
  evaluate(rule) {
    const policy = str(at(rule.properties, 'Rule', 'TlsPolicy'));
    if (isUnknown(policy)) return unknown(policy, 'Rule.TlsPolicy');
    if (policy === 'Require') return pass('the rule accepts only mail delivered over TLS', 'Rule.TlsPolicy');
    if (policy === undefined) return fail('Rule.TlsPolicy is not set, and SES also accepts plain-text deliveries by default (Optional)', 'Rule');
    if (policy === 'Optional') return fail('Rule.TlsPolicy is Optional: mail delivered in plain text is accepted', 'Rule.TlsPolicy');
    return unknown(`Rule.TlsPolicy ${policy} is not one AWS accepts (Require, Optional)`, 'Rule.TlsPolicy');
  },
});
