// Compliant: no inbound rule of the security group admits VNC (ports 5800, 5900) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { sensitivePortsExposure, type ServicePort } from '../lib/sensitive-ports.js';

const PORTS: readonly ServicePort[] = [
  { port: 5800, service: 'VNC over HTTP' },
  { port: 5900, service: 'VNC' },
];

export default defineCheck({
  id: 'vpc-security-group-vnc-open',
  title: 'Security group does not open VNC to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'VNC gives a remote desktop, often behind a short password or none, and much of its traffic is unencrypted. Open to the internet it is found and tried by scanners at once. Reach desktops through a VPN, a bastion or Session Manager port forwarding; the rule is the customer\'s.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: remove the rules for ports 5800 and 5900 from 0.0.0.0/0 and ::/0, and tunnel VNC through SSH, a VPN or Session Manager.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): SourceSecurityGroupId or a CidrIp / CidrIpv6 narrower than /0 for ports 5800, 5900',
    terraform: 'aws_vpc_security_group_ingress_rule / aws_security_group ingress: referenced_security_group_id or a CIDR narrower than 0.0.0.0/0 and ::/0 for ports 5800, 5900',
  },
  evaluate(resource, context) {
    return sensitivePortsExposure(resource, context.inventory, PORTS, 'VNC');
  },
});
