// Compliant: the firewall policy references at least one stateless or stateful rule group.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, list } from '../../inventory/readers.js';

const REFERENCES = ['StatelessRuleGroupReferences', 'StatefulRuleGroupReferences'] as const;

export default defineCheck({
  id: 'networkfirewall-policy-has-rule-groups',
  title: 'Network Firewall policy has at least one rule group',
  service: 'networkfirewall',
  resourceTypes: ['AWS::NetworkFirewall::FirewallPolicy'],
  layer: 'network-config',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'A firewall policy without rule groups inspects nothing: every packet takes the default actions, so the firewall either passes all traffic or drops all of it, and in neither case filters it. The rule groups are where the customer says which traffic the VPC may send and receive; AWS only runs the engine that applies them.',
  remediation: {
    console: 'VPC console > Network Firewall > Firewall policies > policy: add a stateless or stateful rule group (your own, or an AWS managed one).',
    cloudformation: 'AWS::NetworkFirewall::FirewallPolicy.FirewallPolicy.StatefulRuleGroupReferences: [{ResourceArn: !Ref RuleGroup}]',
    terraform: 'aws_networkfirewall_firewall_policy { firewall_policy { stateful_rule_group_reference { resource_arn = aws_networkfirewall_rule_group.<name>.arn } } }',
  },
  evaluate(policy) {
    const body = at(policy.properties, 'FirewallPolicy');
    if (isUnknown(body)) return unknown(body, 'FirewallPolicy');
    if (body === undefined || body === null) return notApplicable('the policy has no FirewallPolicy body to judge');
    let unread: ReturnType<typeof unknown> | undefined;
    for (const property of REFERENCES) {
      const references = list(at(body, property));
      if (isUnknown(references)) {
        unread ??= unknown(references, `FirewallPolicy.${property}`);
        continue;
      }
      if ((references?.length ?? 0) > 0) return pass(`the policy references ${references?.length ?? 0} ${property.startsWith('Stateless') ? 'stateless' : 'stateful'} rule group(s)`, `FirewallPolicy.${property}`);
    }
    if (unread) return unread;
    return fail('the policy references no rule group: every packet takes the default actions, and none is filtered by rule', 'FirewallPolicy');
  },
});
