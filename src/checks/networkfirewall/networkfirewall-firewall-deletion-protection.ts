// Compliant: the Network Firewall firewall is protected against deletion (DeleteProtection true).
import { defineCheck } from '../define-check.js';
import { firewallProtection } from '../lib/firewall-protection.js';

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
    'Deleting a firewall removes its endpoints, and the routes that sent traffic through them then lead nowhere or are rewritten to bypass inspection: one mistaken call or stack update takes a VPC\'s perimeter away. Deletion protection makes DeleteFirewall fail until someone turns it off on purpose. The Terraform provider sends false unless told otherwise; the API reference says a new firewall starts protected, but the CloudFormation reference documents no default, so a template that leaves the setting out is unknown until a live scan reads the deployed value (Security Hub NetworkFirewall.9 judges the deployed value).',
  remediation: {
    console: 'VPC console > Network Firewall > Firewalls > firewall > Firewall details > Change protections: enable Delete protection.',
    cloudformation: 'AWS::NetworkFirewall::Firewall.DeleteProtection: true',
    terraform: 'aws_networkfirewall_firewall { delete_protection = true }',
  },
  evaluate: (firewall) =>
    firewallProtection(firewall, 'DeleteProtection', {
      on: 'the firewall cannot be deleted until its deletion protection is turned off',
      off: 'the firewall can be deleted in one call',
    }),
});
