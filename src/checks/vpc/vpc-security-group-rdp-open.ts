// Compliant: no inbound rule of the security group admits RDP (TCP or UDP port 3389) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { ruleReachesPort, securityGroupExposure } from '../lib/network.js';

export default defineCheck({
  id: 'vpc-security-group-rdp-open',
  title: 'Security group does not open RDP to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'Remote Desktop reachable from every address is a favourite target of credential stuffing and ransomware crews. The security group is the customer\'s firewall: only the customer decides who may reach port 3389. Use Fleet Manager, a VPN, or a narrow address range.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: remove or narrow the rule for port 3389 with source 0.0.0.0/0 or ::/0.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): CidrIp / CidrIpv6 narrower than /0 for port 3389',
    terraform: 'aws_security_group ingress / aws_vpc_security_group_ingress_rule: cidr_ipv4 narrower than 0.0.0.0/0 for port 3389',
  },
  evaluate(resource, context) {
    // RDP listens on TCP 3389 and, for its UDP transport, on UDP 3389.
    return securityGroupExposure(resource, context.inventory, (rule) => ruleReachesPort(rule, 3389, ['tcp', 'udp']), 'RDP (port 3389)');
  },
});
