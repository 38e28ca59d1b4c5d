// Compliant: no inbound rule of the security group admits SMB, NetBIOS and RPC (ports 135, 137, 138, 139, 445) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { sensitivePortsExposure, type ServicePort } from '../lib/sensitive-ports.js';

const PORTS: readonly ServicePort[] = [
  { port: 135, service: 'Windows RPC' },
  { port: 137, service: 'NetBIOS name', protocols: ['tcp', 'udp'] },
  { port: 138, service: 'NetBIOS datagram', protocols: ['tcp', 'udp'] },
  { port: 139, service: 'NetBIOS session' },
  { port: 445, service: 'SMB' },
];

export default defineCheck({
  id: 'vpc-security-group-windows-sharing-open',
  title: 'Security group does not open SMB, NetBIOS or Windows RPC to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'SMB, NetBIOS and the Windows RPC endpoint mapper were built for private networks; open to the internet they have carried worms such as WannaCry and leak share and user names. Internet providers block them for that reason. The security group rule that exposes them is the customer\'s.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: remove the rules that open ports 135, 137-139 and 445 to 0.0.0.0/0 or ::/0; share files over a VPN, or with Amazon FSx inside the VPC.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): SourceSecurityGroupId or a CidrIp / CidrIpv6 narrower than /0 for ports 135, 137, 138, 139, 445',
    terraform: 'aws_vpc_security_group_ingress_rule / aws_security_group ingress: referenced_security_group_id or a CIDR narrower than 0.0.0.0/0 and ::/0 for ports 135, 137, 138, 139, 445',
  },
  evaluate(resource, context) {
    return sensitivePortsExposure(resource, context.inventory, PORTS, 'Windows file sharing and RPC');
  },
});
