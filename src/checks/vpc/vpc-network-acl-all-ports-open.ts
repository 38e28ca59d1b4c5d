// Compliant: no inbound network ACL entry allows every protocol, or every TCP or UDP port, from 0.0.0.0/0 or ::/0.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { describeRule, exposure, networkAclRule, ruleReachesAllPorts } from '../lib/network.js';

export default defineCheck({
  id: 'vpc-network-acl-all-ports-open',
  title: 'Network ACL does not allow all inbound traffic from the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::NetworkAclEntry'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'medium',
  rationale:
    'A network ACL that lets every port in from anywhere adds nothing to the security groups beneath it: one mistaken group rule, or a service listening where nobody expected, is then reachable from the internet. AWS creates each VPC\'s default ACL that way; allowing in only the ports the subnet serves (and the ephemeral range for return traffic) is the customer\'s choice. An entry further down the list, after a deny of the same traffic, is still judged: demarc does not order entries for this check.',
  remediation: {
    console: 'VPC console > Network ACLs > the ACL > Inbound rules > Edit: replace the "All traffic" or 0-65535 allow from 0.0.0.0/0 or ::/0 with entries for the ports the subnet serves and the ephemeral ports of return traffic.',
    cloudformation: 'AWS::EC2::NetworkAclEntry (Egress false, RuleAction allow): Protocol 6 or 17 with a PortRange narrower than 0-65535, or a CidrBlock / Ipv6CidrBlock narrower than /0',
    terraform: 'aws_network_acl ingress blocks / aws_network_acl_rule (egress = false): protocol "tcp" with from_port/to_port for the service, not protocol "-1" from 0.0.0.0/0',
  },
  evaluate(entry) {
    const egress = bool(entry.properties['Egress']);
    if (isUnknown(egress)) return unknown(egress, 'Egress');
    if (egress === true) return pass('outbound entry: it admits no inbound traffic');
    const action = str(entry.properties['RuleAction']);
    if (isUnknown(action)) return unknown(action, 'RuleAction');
    if (action !== 'allow') return pass(`the entry has RuleAction ${action ?? '(none)'}: it allows nothing`, 'RuleAction');
    const rule = networkAclRule(entry.properties, 'the entry');
    const outcome = exposure(rule, ruleReachesAllPorts);
    if (outcome.open === 'unknown') return unknown(`cannot tell whether the entry allows all traffic from the internet: ${outcome.reason.reason}`);
    if (outcome.open) return fail(`the entry allows ${describeRule(rule)} from ${outcome.sources.join(' and ')}`, isUnknown(rule.protocol) || rule.protocol === 'all' ? 'Protocol' : 'PortRange');
    return pass('the entry does not allow every port from the whole internet');
  },
});
