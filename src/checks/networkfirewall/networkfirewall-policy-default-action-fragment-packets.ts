// Compliant: the firewall policy's stateless default action for fragmented packets is aws:drop or aws:forward_to_sfe, never aws:pass.
import { defineCheck } from '../define-check.js';
import { statelessDefault } from '../lib/network-firewall.js';

export default defineCheck({
  id: 'networkfirewall-policy-default-action-fragment-packets',
  title: 'Network Firewall policy drops or inspects fragmented packets no stateless rule matches',
  service: 'networkfirewall',
  resourceTypes: ['AWS::NetworkFirewall::FirewallPolicy'],
  layer: 'network-config',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'Fragmented UDP packets get a default action of their own. Fragmentation is a classic way to slip past inspection: if unmatched fragments take aws:pass they leave the firewall without reaching the stateful rule groups, even when full packets are inspected. aws:forward_to_sfe hands them to the stateful engine, aws:drop discards them.',
  remediation: {
    console: 'VPC console > Network Firewall > Firewall policies > policy > Stateless default actions > Edit: for fragmented packets choose "Forward to stateful rule groups" or "Drop".',
    cloudformation: 'AWS::NetworkFirewall::FirewallPolicy.FirewallPolicy.StatelessFragmentDefaultActions: [aws:forward_to_sfe]',
    terraform: 'aws_networkfirewall_firewall_policy { firewall_policy { stateless_fragment_default_actions = ["aws:forward_to_sfe"] } }',
  },
  evaluate(policy) {
    return statelessDefault(policy.properties, 'StatelessFragmentDefaultActions', 'fragmented packets');
  },
});
