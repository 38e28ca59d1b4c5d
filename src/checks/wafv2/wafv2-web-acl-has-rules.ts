// Compliant: the web ACL does something: it has at least one rule (with a statement) that acts (not only Count), or its default action blocks.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, list, str } from '../../inventory/readers.js';
import { isRecord, isUnknown, type PropValue } from '../../inventory/values.js';

/** True when a rule only counts: a plain rule with Action Count, or a rule group whose OverrideAction is Count. */
function onlyCounts(rule: PropValue): boolean {
  const action = at(rule, 'Action');
  if (isRecord(action)) return Object.keys(action).length === 1 && 'Count' in action;
  const override = at(rule, 'OverrideAction');
  return isRecord(override) && 'Count' in override;
}

/** False for an entry with no Statement (`{}`): AWS refuses it, and it inspects nothing, so it is not a rule. */
function isRule(rule: PropValue): boolean {
  const statement = at(rule, 'Statement');
  if (isUnknown(statement)) return true;
  // A Terraform source keeps the statement as its block list.
  const body = Array.isArray(statement) ? statement[0] : statement;
  return isRecord(body) && Object.keys(body).length > 0;
}

export default defineCheck({
  id: 'wafv2-web-acl-has-rules',
  title: 'WAF web ACL has rules that act',
  service: 'wafv2',
  resourceTypes: ['AWS::WAFv2::WebACL'],
  layer: 'traffic-protection',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'A web ACL that allows by default and has no rules, or only rules in Count mode, inspects nothing and blocks nothing while looking like protection on every resource it is attached to. AWS runs the WAF engine; the rules are entirely the customer\'s.',
  remediation: {
    console: 'WAF console > Web ACLs > the web ACL > Rules > Add rules: add managed rule groups (core rule set, known bad inputs) and a rate-based rule, and switch them from Count to their own actions once tuned.',
    cloudformation: 'AWS::WAFv2::WebACL.Rules: at least one rule with Action Block/Challenge/CAPTCHA, or a ManagedRuleGroupStatement with OverrideAction None',
    terraform: 'aws_wafv2_web_acl rule { ... override_action { none {} } } (or action { block {} })',
  },
  evaluate(webAcl) {
    const rules = list(webAcl.properties['Rules']);
    if (isUnknown(rules)) return unknown(rules, 'Rules');
    const statedRules = (rules ?? []).filter(isRule);
    const acting = statedRules.filter((rule) => !onlyCounts(rule));
    const defaultAction = at(webAcl.properties, 'DefaultAction');
    if (isUnknown(defaultAction)) return unknown(defaultAction, 'DefaultAction');
    const blocksByDefault = isRecord(defaultAction) && 'Block' in defaultAction;
    if (acting.length > 0) {
      const names = acting.map((rule) => str(at(rule, 'Name'))).filter((name): name is string => typeof name === 'string');
      return pass(`${acting.length} rule${acting.length === 1 ? '' : 's'} act on requests${names.length > 0 ? ` (${names.slice(0, 5).join(', ')})` : ''}`, 'Rules');
    }
    if (blocksByDefault) return pass('the web ACL blocks every request that no rule allows', 'DefaultAction');
    if (statedRules.length > 0) return fail('every rule of the web ACL only counts requests, and the default action allows: nothing is blocked', 'Rules');
    const empty = (rules ?? []).length - statedRules.length;
    const emptyNote = empty > 0 ? ` (${empty} entr${empty === 1 ? 'y has' : 'ies have'} no statement, so ${empty === 1 ? 'it is' : 'they are'} no rule)` : '';
    return fail(`the web ACL has no rules${emptyNote} and allows every request by default: it filters nothing`, webAcl.properties['Rules'] === undefined ? 'DefaultAction' : 'Rules');
  },
});
