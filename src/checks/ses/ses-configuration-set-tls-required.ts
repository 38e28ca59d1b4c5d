// Compliant: the configuration set delivers mail only over TLS (DeliveryOptions.TlsPolicy REQUIRE).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'ses-configuration-set-tls-required',
  title: 'SES configuration set requires TLS to deliver mail',
  service: 'ses',
  resourceTypes: ['AWS::SES::ConfigurationSet'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'SES hands each message to the recipient\'s mail server over SMTP. With the default TLS policy, OPTIONAL, it uses TLS when the receiving server offers it and otherwise delivers in plain text, so message content can cross the internet readable to anyone on the path. REQUIRE makes SES deliver only over a TLS connection and bounce the message otherwise. Choosing that for mail sent through a configuration set is the customer\'s side of traffic protection.',
  remediation: {
    console: 'Amazon SES console > Configuration sets > the set > General details > Edit: set "Transport Layer Security (TLS)" to Required.',
    cloudformation: 'AWS::SES::ConfigurationSet.DeliveryOptions: { TlsPolicy: REQUIRE }',
    terraform: 'aws_sesv2_configuration_set { delivery_options { tls_policy = "REQUIRE" } } (aws_ses_configuration_set: delivery_options { tls_policy = "Require" })',
  },
  evaluate(set) {
    const policy = str(at(set.properties, 'DeliveryOptions', 'TlsPolicy'));
    if (isUnknown(policy)) return unknown(policy, 'DeliveryOptions.TlsPolicy');
    // The SES v1 API spells the values Require/Optional, v2 and CloudFormation REQUIRE/OPTIONAL.
    const normalized = policy?.toUpperCase();
    if (normalized === 'REQUIRE') return pass('mail is delivered only over TLS connections', 'DeliveryOptions.TlsPolicy');
    if (normalized === undefined) return fail('DeliveryOptions.TlsPolicy is not set, and SES falls back to plain-text delivery by default (OPTIONAL) when the receiving server offers no TLS', 'DeliveryOptions');
    if (normalized === 'OPTIONAL') return fail('DeliveryOptions.TlsPolicy is OPTIONAL: mail is delivered in plain text when the receiving server offers no TLS', 'DeliveryOptions.TlsPolicy');
    return unknown(`DeliveryOptions.TlsPolicy ${policy} is not one AWS accepts (REQUIRE, OPTIONAL)`, 'DeliveryOptions.TlsPolicy');
  },
});
