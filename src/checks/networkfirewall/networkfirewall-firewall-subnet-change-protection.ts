// Compliant: the Network Firewall firewall is protected against changes to its subnet associations (SubnetChangeProtection true).
import { defineCheck } from '../define-check.js';
import { firewallProtection } from '../lib/firewall-protection.js';

export default defineCheck({
  id: 'networkfirewall-firewall-subnet-change-protection',
  title: 'Network Firewall firewall has subnet change protection',
  service: 'networkfirewall',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  layer: 'network-config',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'medium',
  rationale:
    'A firewall inspects traffic only in the Availability Zones where it has an endpoint, one per associated subnet. Disassociating a subnet removes that endpoint, and the zone\'s traffic is no longer inspected (or no longer routed). Subnet change protection makes AssociateSubnets and DisassociateSubnets fail until it is turned off on purpose. The Terraform provider sends false unless told otherwise; the API reference says a new firewall starts protected, but the CloudFormation reference documents no default, so a template that leaves the setting out is unknown until a live scan reads the deployed value (Security Hub NetworkFirewall.10 judges the deployed value).',
  remediation: {
    console: 'VPC console > Network Firewall > Firewalls > firewall > Firewall details > Change protections: enable Subnet change protection.',
    cloudformation: 'AWS::NetworkFirewall::Firewall.SubnetChangeProtection: true',
    terraform: 'aws_networkfirewall_firewall { subnet_change_protection = true }',
  },
  evaluate: (firewall) =>
    firewallProtection(firewall, 'SubnetChangeProtection', {
      on: 'the firewall\'s subnet associations cannot change until the protection is turned off',
      off: 'a subnet, and the endpoint that inspects its zone, can be removed in one call',
    }),
});
