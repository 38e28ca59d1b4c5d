// Compliant: no inbound rule of the security group admits in-memory caches (ports 6379, 11211) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { sensitivePortsExposure, type ServicePort } from '../lib/sensitive-ports.js';

const PORTS: readonly ServicePort[] = [
  { port: 6379, service: 'Redis' },
  { port: 11211, service: 'Memcached', protocols: ['tcp', 'udp'] },
];

export default defineCheck({
  id: 'vpc-security-group-cache-ports-open',
  title: 'Security group does not open Redis or Memcached to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'Redis and Memcached trust whoever connects: an instance open to the internet hands its data to anyone, and an open Memcached UDP port is used to amplify denial-of-service attacks. A cache belongs behind its application; the security group that keeps it there is the customer\'s.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: allow the cache port only from the security groups of the applications that use it.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): SourceSecurityGroupId or a CidrIp / CidrIpv6 narrower than /0 for ports 6379, 11211',
    terraform: 'aws_vpc_security_group_ingress_rule / aws_security_group ingress: referenced_security_group_id or a CIDR narrower than 0.0.0.0/0 and ::/0 for ports 6379, 11211',
  },
  evaluate(resource, context) {
    return sensitivePortsExposure(resource, context.inventory, PORTS, 'cache ports');
  },
});
