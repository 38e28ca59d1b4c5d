// Compliant: no inbound rule of the security group admits container daemons (ports 2375, 2376, 2379, 2380, 10250) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { sensitivePortsExposure, type ServicePort } from '../lib/sensitive-ports.js';

const PORTS: readonly ServicePort[] = [
  { port: 2375, service: 'Docker Engine API' },
  { port: 2376, service: 'Docker Engine API over TLS' },
  { port: 2379, service: 'etcd client API' },
  { port: 2380, service: 'etcd peer API' },
  { port: 10250, service: 'kubelet API' },
];

export default defineCheck({
  id: 'vpc-security-group-container-admin-ports-open',
  title: 'Security group does not open the Docker, etcd or kubelet APIs to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'critical',
  rationale:
    'The Docker Engine API, etcd and the kubelet API each give whoever reaches them control of the host or the cluster: start privileged containers, read every Kubernetes secret, run commands in pods. Exposed instances are hijacked by cryptomining campaigns within hours. The rules that keep them private are the customer\'s.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: remove the rules that open ports 2375-2376, 2379-2380 and 10250 to 0.0.0.0/0 or ::/0; allow them only from the cluster\'s own security groups.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): SourceSecurityGroupId or a CidrIp / CidrIpv6 narrower than /0 for ports 2375, 2376, 2379, 2380, 10250',
    terraform: 'aws_vpc_security_group_ingress_rule / aws_security_group ingress: referenced_security_group_id or a CIDR narrower than 0.0.0.0/0 and ::/0 for ports 2375, 2376, 2379, 2380, 10250',
  },
  evaluate(resource, context) {
    return sensitivePortsExposure(resource, context.inventory, PORTS, 'container administration ports');
  },
});
