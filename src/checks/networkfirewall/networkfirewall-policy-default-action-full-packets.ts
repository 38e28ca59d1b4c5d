// Compliant: the firewall policy's stateless default action for full packets is aws:drop or aws:forward_to_sfe, never aws:pass.
import { defineCheck } from '../define-check.js';
import { statelessDefault } from '../lib/network-firewall.js';

export default defineCheck({
  id: 'networkfirewall-policy-default-action-full-packets',
  title: 'Network Firewall policy drops or inspects full packets no stateless rule matches',
  service: 'networkfirewall',
  resourceTypes: ['AWS::NetworkFirewall::FirewallPolicy'],
  layer: 'network-config',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'The stateless default action decides what happens to every packet that no stateless rule matched. With aws:pass such a packet leaves the firewall without ever reaching the stateful rule groups, so the stateful policy the customer wrote (domain lists, Suricata rules, threat signatures) never sees it. aws:forward_to_sfe hands it to the stateful engine, aws:drop discards it.',
  remediation: {
    console: 'VPC console > Network Firewall > Firewall policies > policy > Stateless default actions > Edit: for full packets choose "Forward to stateful rule groups" or "Drop".',
    cloudformation: 'AWS::NetworkFirewall::FirewallPolicy.FirewallPolicy.StatelessDefaultActions: [aws:forward_to_sfe]',
    terraform: 'aws_networkfirewall_firewall_policy { firewall_policy { stateless_default_actions = ["aws:forward_to_sfe"] } }',
  },
  evaluate(policy) {
    return statelessDefault(policy.properties, 'StatelessDefaultActions', 'full packets');
  },
});
