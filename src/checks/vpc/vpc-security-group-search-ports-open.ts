// Compliant: no inbound rule of the security group admits search clusters (ports 9200, 9300, 5601) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { sensitivePortsExposure, type ServicePort } from '../lib/sensitive-ports.js';

const PORTS: readonly ServicePort[] = [
  { port: 9200, service: 'Elasticsearch/OpenSearch REST' },
  { port: 9300, service: 'Elasticsearch transport' },
  { port: 5601, service: 'Kibana/OpenSearch Dashboards' },
];

export default defineCheck({
  id: 'vpc-security-group-search-ports-open',
  title: 'Security group does not open Elasticsearch, OpenSearch or Kibana to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'Self-managed Elasticsearch and OpenSearch clusters often run without authentication; open to the internet their REST API and dashboards leak every indexed document and let anyone delete them, a leading cause of published data breaches. Which addresses reach the cluster is the customer\'s choice.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: allow ports 9200, 9300 and 5601 only from the application and administrator networks, or put the cluster behind an authenticating proxy.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): SourceSecurityGroupId or a CidrIp / CidrIpv6 narrower than /0 for ports 9200, 9300, 5601',
    terraform: 'aws_vpc_security_group_ingress_rule / aws_security_group ingress: referenced_security_group_id or a CIDR narrower than 0.0.0.0/0 and ::/0 for ports 9200, 9300, 5601',
  },
  evaluate(resource, context) {
    return sensitivePortsExposure(resource, context.inventory, PORTS, 'search and dashboard ports');
  },
});
