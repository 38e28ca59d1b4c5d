// Compliant: no inbound rule of the security group admits Telnet (ports 23) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { sensitivePortsExposure, type ServicePort } from '../lib/sensitive-ports.js';

const PORTS: readonly ServicePort[] = [
  { port: 23, service: 'Telnet' },
];

export default defineCheck({
  id: 'vpc-security-group-telnet-open',
  title: 'Security group does not open Telnet to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'Telnet sends passwords and sessions in clear text and its daemons are old and rarely patched; open to the internet it is a standard target of botnets. Use SSH or Session Manager; the security group rule is the customer\'s.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: remove the rule for port 23 and reach hosts over SSH or Session Manager.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): SourceSecurityGroupId or a CidrIp / CidrIpv6 narrower than /0 for ports 23',
    terraform: 'aws_vpc_security_group_ingress_rule / aws_security_group ingress: referenced_security_group_id or a CIDR narrower than 0.0.0.0/0 and ::/0 for ports 23',
  },
  evaluate(resource, context) {
    return sensitivePortsExposure(resource, context.inventory, PORTS, 'Telnet');
  },
});
