// Compliant: no outbound rule of the security group lets every protocol, or every TCP or UDP port, out to 0.0.0.0/0 or ::/0. The VPC's default group is left to vpc-default-security-group-closed.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';
import { describeRule, exposure, ruleReachesAllPorts, securityGroupRule, type InboundRule } from '../lib/network.js';

const GROUP = 'AWS::EC2::SecurityGroup';
const EGRESS = 'AWS::EC2::SecurityGroupEgress';

/** The group a separate egress rule belongs to, when the scan holds it. */
function groupOf(egress: Resource, inventory: InventoryView): Resource | undefined {
  const target = inventory.resolve(egress.properties['GroupId']);
  return target?.type === GROUP ? target : undefined;
}

/**
 * The outbound rules of a group: its inline list and the separate egress resources that name it. A template group
 * without `SecurityGroupEgress` keeps the rule AWS adds to every new VPC group (all traffic to 0.0.0.0/0); separate
 * egress resources do not remove it. Terraform removes that rule, and live groups list what they have.
 */
function outboundRules(group: Resource, inventory: InventoryView): InboundRule[] {
  const rules: InboundRule[] = [];
  const inline = group.properties['SecurityGroupEgress'];
  if (Array.isArray(inline)) {
    inline.forEach((entry, index) => rules.push(securityGroupRule(entry, `SecurityGroupEgress.${index}`, `SecurityGroupEgress.${index}`)));
  } else if (isUnknown(inline)) {
    rules.push({ label: 'SecurityGroupEgress', path: 'SecurityGroupEgress', protocol: inline, ports: undefined, cidrs: [inline] });
  } else if (group.origin.kind === 'cloudformation') {
    rules.push({ label: 'the default outbound rule AWS adds when a template lists no SecurityGroupEgress', protocol: 'all', ports: { from: 0, to: 65535 }, cidrs: ['0.0.0.0/0'] });
  }
  for (const egress of inventory.referrers(group, EGRESS, 'GroupId')) rules.push(securityGroupRule(egress.properties, `${egress.id} (${EGRESS})`));
  return rules;
}

export default defineCheck({
  id: 'vpc-security-group-egress-unrestricted',
  title: 'Security group does not allow all outbound traffic to the internet',
  service: 'vpc',
  resourceTypes: [GROUP, EGRESS],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'low',
  rationale:
    'A compromised instance whose group lets everything out can download tools, reach command-and-control servers and send data anywhere. Outbound rules limited to the ports and destinations a workload needs (HTTPS to the internet, the database port to the database group) turn that into a blocked, logged attempt. AWS gives every new VPC security group an allow-all outbound rule; narrowing it is the customer\'s decision. The default group of each VPC is judged by vpc-default-security-group-closed.',
  remediation: {
    console: 'VPC console > Security groups > the group > Outbound rules > Edit: replace "All traffic" to 0.0.0.0/0 or ::/0 with rules for the ports and destinations the workload uses.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupEgress: list narrow rules (IpProtocol tcp, FromPort/ToPort, DestinationSecurityGroupId or a CIDR); without the property AWS keeps its allow-all rule',
    terraform: 'aws_security_group egress blocks / aws_vpc_security_group_egress_rule with ip_protocol "tcp" and the needed ports, not ip_protocol "-1" to 0.0.0.0/0',
  },
  evaluate(resource, context) {
    let rules: InboundRule[];
    if (resource.type === EGRESS) {
      if (groupOf(resource, context.inventory)) return [];
      rules = [securityGroupRule(resource.properties, 'the rule')];
    } else {
      if (str(resource.properties['GroupName']) === 'default') return [];
      rules = outboundRules(resource, context.inventory);
    }
    const failures: Evaluation[] = [];
    const doubts: Evaluation[] = [];
    for (const rule of rules) {
      const outcome = exposure(rule, ruleReachesAllPorts);
      if (outcome.open === true) failures.push(fail(`${rule.label} allows ${describeRule(rule)} out to ${outcome.sources.join(' and ')}`, rule.path));
      else if (outcome.open === 'unknown') doubts.push(unknown(`${rule.label}: cannot tell whether it lets all traffic out: ${outcome.reason.reason}`, rule.path));
    }
    if (failures.length > 0 || doubts.length > 0) return [...failures, ...doubts];
    return pass(rules.length === 0 ? 'no outbound rule: the group lets nothing out' : 'every outbound rule is limited to some ports or destinations');
  },
});
