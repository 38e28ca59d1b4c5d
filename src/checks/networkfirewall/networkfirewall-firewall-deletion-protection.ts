// Compliant: the Network Firewall firewall is protected against deletion (DeleteProtection true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

export default defineCheck({
  id: 'networkfirewall-firewall-deletion-protection',
  title: 'Network Firewall firewall has deletion protection',
  service: 'networkfirewall',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  layer: 'network-config',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'medium',
  rationale:
    'Deleting a firewall removes its endpoints, and the routes that sent traffic through them then lead nowhere or are rewritten to bypass inspection: one mistaken call or stack update takes a VPC\'s perimeter away. Deletion protection makes DeleteFirewall fail until someone turns it off on purpose. The Terraform provider sends false unless told otherwise; the API reference says a new firewall starts protected, but a template that leaves the setting out states nothing demarc can rely on, so demarc wants it set to true explicitly (Security Hub NetworkFirewall.9 judges the deployed value).',
  remediation: {
    console: 'VPC console > Network Firewall > Firewalls > firewall > Firewall details > Change protections: enable Delete protection.',
    cloudformation: 'AWS::NetworkFirewall::Firewall.DeleteProtection: true',
    terraform: 'aws_networkfirewall_firewall { delete_protection = true }',
  },
  evaluate(firewall) {
    const enabled = bool(at(firewall.properties, 'DeleteProtection'));
    if (isUnknown(enabled)) return unknown(enabled, 'DeleteProtection');
    // An account always reports the setting: its absence there is an unread answer.
    if (enabled === undefined && isLive(firewall)) return unknown('the firewall did not report DeleteProtection (network-firewall:DescribeFirewall)', 'DeleteProtection');
    if (enabled === true) return pass('the firewall cannot be deleted until its deletion protection is turned off', 'DeleteProtection');
    return fail(enabled === false ? 'DeleteProtection is false: the firewall can be deleted in one call' : 'DeleteProtection is not set: set it to true so that the firewall cannot be deleted by mistake', 'DeleteProtection');
  },
});
