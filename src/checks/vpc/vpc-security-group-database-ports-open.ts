// Compliant: no inbound rule of the security group admits databases (ports 1433, 1521, 3306, 5432, 5439, 9042, 27017) from 0.0.0.0/0 or ::/0.
import { defineCheck } from '../define-check.js';
import { sensitivePortsExposure, type ServicePort } from '../lib/sensitive-ports.js';

const PORTS: readonly ServicePort[] = [
  { port: 1433, service: 'SQL Server' },
  { port: 1521, service: 'Oracle' },
  { port: 3306, service: 'MySQL' },
  { port: 5432, service: 'PostgreSQL' },
  { port: 5439, service: 'Redshift' },
  { port: 9042, service: 'Cassandra' },
  { port: 27017, service: 'MongoDB' },
];

export default defineCheck({
  id: 'vpc-security-group-database-ports-open',
  title: 'Security group does not open database ports to the internet',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'Database listeners reachable from every address are found by scanners within minutes and then face password guessing, known exploits of the engine and ransom attacks on unauthenticated instances. A database is reached by its application, never by the whole internet; the security group that says so is written by the customer.',
  remediation: {
    console: 'VPC console > Security groups > the group > Inbound rules > Edit: put the database in private subnets and allow its port only from the application\'s security group.',
    cloudformation: 'AWS::EC2::SecurityGroup.SecurityGroupIngress (and AWS::EC2::SecurityGroupIngress): SourceSecurityGroupId or a CidrIp / CidrIpv6 narrower than /0 for ports 1433, 1521, 3306, 5432, 5439, 9042, 27017',
    terraform: 'aws_vpc_security_group_ingress_rule / aws_security_group ingress: referenced_security_group_id or a CIDR narrower than 0.0.0.0/0 and ::/0 for ports 1433, 1521, 3306, 5432, 5439, 9042, 27017',
  },
  evaluate(resource, context) {
    return sensitivePortsExposure(resource, context.inventory, PORTS, 'database ports');
  },
});
