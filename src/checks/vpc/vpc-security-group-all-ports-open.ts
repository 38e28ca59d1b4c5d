// Compliant: no inbound rule of the security group admits every protocol, or every TCP or UDP port, from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { ruleReachesAllPorts, securityGroupExposure } from '../lib/network.js';

export default defineCheck({
  id: 'vpc-security-group-all-ports-open',
  title: 'Security group does not open all ports to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'critical',
  rationale:
    'A rule that lets all traffic (IpProtocol -1) or every TCP or UDP port in from anywhere removes the firewall altogether: every service on the instances, including ones never meant to be public, is exposed. Zoning the network is the customer\'s side of the model.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: replace the "All traffic" or 0-65535 rule from 0.0.0.0/0 or ::/0 with rules for the ports the service needs.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress: IpProtocol tcp with a narrow FromPort/ToPort, not -1, for CidrIp 0.0.0.0/0',
    terraform: 'aws_vpc_security_group_ingress_rule: ip_protocol "tcp" with from_port/to_port for the service, not "-1"',
  },
  evaluate(resource, context) {
    return securityGroupExposure(resource, context.inventory, ruleReachesAllPorts, 'every port');
  },
});
