// Compliant: the Network Firewall firewall is protected against changes to its subnet associations (SubnetChangeProtection true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

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
    'A firewall inspects traffic only in the Availability Zones where it has an endpoint, one per associated subnet. Disassociating a subnet removes that endpoint, and the zone\'s traffic is no longer inspected (or no longer routed). Subnet change protection makes AssociateSubnets and DisassociateSubnets fail until it is turned off on purpose. The Terraform provider sends false unless told otherwise; the API reference says a new firewall starts protected, but a template that leaves the setting out states nothing demarc can rely on, so demarc wants it set to true explicitly (Security Hub NetworkFirewall.10 judges the deployed value).',
  remediation: {
    console: 'VPC console > Network Firewall > Firewalls > firewall > Firewall details > Change protections: enable Subnet change protection.',
    cloudformation: 'AWS::NetworkFirewall::Firewall.SubnetChangeProtection: true',
    terraform: 'aws_networkfirewall_firewall { subnet_change_protection = true }',
  },
  evaluate(firewall) {
    const enabled = bool(at(firewall.properties, 'SubnetChangeProtection'));
    if (isUnknown(enabled)) return unknown(enabled, 'SubnetChangeProtection');
    // An account always reports the setting: its absence there is an unread answer.
    if (enabled === undefined && isLive(firewall)) return unknown('the firewall did not report SubnetChangeProtection (network-firewall:DescribeFirewall)', 'SubnetChangeProtection');
    if (enabled === true) return pass('the firewall\'s subnet associations cannot change until the protection is turned off', 'SubnetChangeProtection');
    return fail(enabled === false ? 'SubnetChangeProtection is false: a subnet, and the endpoint that inspects its zone, can be removed in one call' : 'SubnetChangeProtection is not set: set it to true so that the firewall\'s endpoints cannot be removed by mistake', 'SubnetChangeProtection');
  },
});
