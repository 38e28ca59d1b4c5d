// Compliant: no inbound rule of the security group admits SSH (TCP port 22) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { ruleReachesPort, securityGroupExposure } from '../lib/network.js';

export default defineCheck({
  id: 'vpc-security-group-ssh-open',
  title: 'Security group does not open SSH to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'SSH open to every address invites password guessing and exploitation of the SSH daemon by anyone on the internet. AWS provides the firewall; which addresses may reach port 22 is entirely the customer\'s decision. Reach instances through Session Manager, a bastion, or a narrow address range instead.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: remove or narrow the rule for port 22 with source 0.0.0.0/0 or ::/0 (prefer Session Manager).',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): CidrIp / CidrIpv6 narrower than /0 for port 22',
    terraform: 'aws_security_group ingress / aws_vpc_security_group_ingress_rule: cidr_ipv4 narrower than 0.0.0.0/0 for port 22',
  },
  evaluate(resource, context) {
    return securityGroupExposure(resource, context.inventory, (rule) => ruleReachesPort(rule, 22), 'SSH (port 22)');
  },
});
