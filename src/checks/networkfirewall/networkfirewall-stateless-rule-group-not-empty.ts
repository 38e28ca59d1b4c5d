// Compliant: a stateless rule group holds at least one stateless rule; stateful rule groups are not judged.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

export default defineCheck({
  id: 'networkfirewall-stateless-rule-group-not-empty',
  title: 'Network Firewall stateless rule group has rules',
  service: 'networkfirewall',
  resourceTypes: ['AWS::NetworkFirewall::RuleGroup'],
  layer: 'network-config',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'A stateless rule group without rules matches no packet: a policy that relies on it to drop or forward traffic passes everything on to the default actions, and the group still takes a place (and capacity) in the policy, which hides the gap from anyone reading it.',
  remediation: {
    console: 'VPC console > Network Firewall > Network Firewall rule groups > rule group: add stateless rules, or remove the group from its policies and delete it.',
    cloudformation: 'AWS::NetworkFirewall::RuleGroup.RuleGroup.RulesSource.StatelessRulesAndCustomActions.StatelessRules: [{Priority: 1, RuleDefinition: {...}}]',
    terraform: 'aws_networkfirewall_rule_group { type = "STATELESS", rule_group { rules_source { stateless_rules_and_custom_actions { stateless_rule { priority = 1, rule_definition { ... } } } } } }',
  },
  evaluate(group) {
    const type = str(at(group.properties, 'Type'));
    if (isUnknown(type)) return unknown(type, 'Type');
    if (type === undefined) return unknown('Type is not set: the rule group could not be read whole', 'Type');
    if (type.toUpperCase() !== 'STATELESS') return notApplicable(`a ${type.toLowerCase()} rule group holds no stateless rules`);
    // An account returns the rule group's body with its description: its absence there is an unread answer.
    if (at(group.properties, 'RuleGroup') === undefined && isLive(group)) return unknown('the rule group did not report its rules (network-firewall:DescribeRuleGroup)', 'RuleGroup');
    const rules = list(at(group.properties, 'RuleGroup', 'RulesSource', 'StatelessRulesAndCustomActions', 'StatelessRules'));
    if (isUnknown(rules)) return unknown(rules, 'RuleGroup.RulesSource.StatelessRulesAndCustomActions.StatelessRules');
    if (rules !== undefined && rules.length > 0) return pass(`the rule group holds ${rules.length} stateless rule(s)`, 'RuleGroup.RulesSource.StatelessRulesAndCustomActions.StatelessRules');
    return fail('the stateless rule group holds no rules: it matches no packet', 'RuleGroup.RulesSource');
  },
});
