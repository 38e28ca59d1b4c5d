// Compliant: the firewall has endpoints in at least two Availability Zones (two or more subnet mappings, or Availability Zone mappings for a transit gateway firewall).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

const MAPPINGS = ['SubnetMappings', 'AvailabilityZoneMappings'] as const;

export default defineCheck({
  id: 'networkfirewall-firewall-multi-az',
  title: 'Network Firewall firewall has endpoints in more than one Availability Zone',
  service: 'networkfirewall',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'A firewall endpoint lives in one Availability Zone. With a single endpoint, an outage of that zone stops all traffic routed through the firewall (or pushes operators to route around it, uninspected). AWS keeps each endpoint available within its zone; placing endpoints in several zones is the customer\'s choice. Network Firewall accepts at most one subnet per zone, so two subnet mappings mean two zones.',
  remediation: {
    console: 'VPC console > Network Firewall > Firewalls > firewall > Firewall details > Associated policy and VPC > Edit: add a subnet in another Availability Zone, and route that zone\'s traffic through its endpoint.',
    cloudformation: 'AWS::NetworkFirewall::Firewall.SubnetMappings: [{SubnetId: <subnet in zone a>}, {SubnetId: <subnet in zone b>}]',
    terraform: 'aws_networkfirewall_firewall { subnet_mapping { subnet_id = <zone a> } subnet_mapping { subnet_id = <zone b> } }',
  },
  evaluate(firewall) {
    let zones = 0;
    for (const property of MAPPINGS) {
      const mappings = list(at(firewall.properties, property));
      if (isUnknown(mappings)) return unknown(mappings, property);
      zones += mappings?.length ?? 0;
    }
    // An account always reports where the firewall has endpoints: none there is an unread answer.
    if (zones === 0 && isLive(firewall)) return unknown('the firewall did not report its subnet mappings (network-firewall:DescribeFirewall)', 'SubnetMappings');
    if (zones >= 2) return pass(`the firewall has endpoints in ${zones} Availability Zones`, 'SubnetMappings');
    return fail(zones === 1 ? 'the firewall has an endpoint in one Availability Zone only: an outage there stops the traffic it inspects' : 'the firewall has no subnet mappings: it has no endpoint to inspect traffic', 'SubnetMappings');
  },
});
