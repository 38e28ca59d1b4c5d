// Compliant: no inbound network ACL entry allows SSH (22) or RDP (3389) from 0.0.0.0/0 or ::/0, unless a lower-numbered entry of the same ACL denies it first.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { bool, num, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';
import { describeRule, exposure, networkAclRule, ruleReachesPort, worldSources, type InboundRule } from '../lib/network.js';

const ADMIN_PORTS = [
  { port: 22, name: 'SSH' },
  { port: 3389, name: 'RDP' },
];

function sameAcl(left: PropValue | undefined, right: PropValue | undefined, inventory: InventoryView): boolean {
  const a = inventory.resolve(left);
  const b = inventory.resolve(right);
  if (a && b) return a === b;
  return typeof left === 'string' && left === right;
}

/** True when an earlier deny entry of the same ACL drops the same world traffic to `port` before this entry is read. */
function deniedEarlier(entry: Resource, rule: InboundRule, port: number, inventory: InventoryView): boolean {
  const number = num(entry.properties['RuleNumber']);
  if (typeof number !== 'number') return false;
  const sources = worldSources(rule);
  if (isUnknown(sources)) return false;
  return inventory.ofType('AWS::EC2::NetworkAclEntry').some((other) => {
    if (other === entry || str(other.properties['RuleAction']) !== 'deny') return false;
    if (bool(other.properties['Egress']) === true) return false;
    const otherNumber = num(other.properties['RuleNumber']);
    if (typeof otherNumber !== 'number' || otherNumber >= number) return false;
    if (!sameAcl(entry.properties['NetworkAclId'], other.properties['NetworkAclId'], inventory)) return false;
    const denial = networkAclRule(other.properties, other.id);
    const denied = worldSources(denial);
    if (isUnknown(denied) || !sources.every((cidr) => denied.some((d) => (d.includes(':') === cidr.includes(':'))))) return false;
    return ruleReachesPort(denial, port, ['tcp']) === true;
  });
}

export default defineCheck({
  id: 'vpc-network-acl-admin-ports-open',
  title: 'Network ACL does not allow SSH or RDP from the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::NetworkAclEntry'],
  reads: ['AWS::EC2::NetworkAcl'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'medium',
  rationale:
    'Network ACLs are the subnet-level firewall beneath security groups. An entry that allows remote administration ports from anywhere leaves a single security-group mistake between the internet and SSH or RDP. Network ACL entries are written by the customer.',
  remediation: {
    console: 'VPC console > Network ACLs > the ACL > Inbound rules > Edit: narrow the source of rules that allow port 22 or 3389 from 0.0.0.0/0 or ::/0, or add a lower-numbered deny.',
    cloudformation: 'AWS::EC2::NetworkAclEntry: CidrBlock / Ipv6CidrBlock narrower than /0, or a PortRange that leaves out 22 and 3389, for RuleAction allow with Egress false',
    terraform: 'aws_network_acl_rule (egress = false, rule_action = "allow"): cidr_block narrower than 0.0.0.0/0 for ports 22 and 3389',
  },
  evaluate(entry, context) {
    const egress = bool(entry.properties['Egress']);
    if (isUnknown(egress)) return unknown(egress, 'Egress');
    if (egress === true) return pass('outbound entry: it admits no inbound connection');
    const action = str(entry.properties['RuleAction']);
    if (isUnknown(action)) return unknown(action, 'RuleAction');
    if (action !== 'allow') return pass(action === 'deny' ? 'the entry denies traffic' : `the entry has RuleAction ${action ?? '(none)'}, not allow`, 'RuleAction');
    const rule = networkAclRule(entry.properties, 'the entry');
    const evaluations: Evaluation[] = [];
    for (const { port, name } of ADMIN_PORTS) {
      const outcome = exposure(rule, (candidate) => ruleReachesPort(candidate, port, ['tcp']));
      if (outcome.open === 'unknown') {
        evaluations.push(unknown(`cannot tell whether the entry allows ${name} (port ${port}) from the internet: ${outcome.reason.reason}`));
      } else if (outcome.open && !deniedEarlier(entry, rule, port, context.inventory)) {
        evaluations.push(fail(`the entry allows ${describeRule(rule)} from ${outcome.sources.join(' and ')}, which includes ${name} (port ${port})`, 'PortRange'));
      }
    }
    return evaluations.length > 0 ? evaluations : pass('the entry does not allow SSH or RDP from the whole internet');
  },
});
