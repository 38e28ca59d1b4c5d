// Compliant: no inbound rule of the security group admits FTP (ports 20, 21) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { sensitivePortsExposure, type ServicePort } from '../lib/sensitive-ports.js';

const PORTS: readonly ServicePort[] = [
  { port: 20, service: 'FTP data' },
  { port: 21, service: 'FTP' },
];

export default defineCheck({
  id: 'vpc-security-group-ftp-open',
  title: 'Security group does not open FTP to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'FTP sends credentials and files in clear text and its servers are frequent targets of password guessing. Use SFTP or AWS Transfer Family, or allow FTP only from known partners; the security group rule is the customer\'s.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: remove the rules that open ports 20 and 21 to 0.0.0.0/0 or ::/0; use SFTP, or limit FTP to the partners\' address ranges.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): SourceSecurityGroupId or a CidrIp / CidrIpv6 narrower than /0 for ports 20, 21',
    terraform: 'aws_vpc_security_group_ingress_rule / aws_security_group ingress: referenced_security_group_id or a CIDR narrower than 0.0.0.0/0 and ::/0 for ports 20, 21',
  },
  evaluate(resource, context) {
    return sensitivePortsExposure(resource, context.inventory, PORTS, 'FTP');
  },
});
