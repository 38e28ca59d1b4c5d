// Compliant: the MSK cluster's brokers have no public endpoints (BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type DISABLED or unset).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

const PATH = 'BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type';

export default defineCheck({
  id: 'msk-cluster-public-access-disabled',
  title: 'MSK cluster brokers are not publicly accessible',
  service: 'msk',
  resourceTypes: ['AWS::MSK::Cluster'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'With public access turned on (SERVICE_PROVIDED_EIPS), MSK gives each broker an Elastic IP address and a public endpoint, reachable from the internet wherever the security groups allow. Public access is off by default; keeping brokers inside the VPC is the customer\'s choice of exposure.',
  remediation: {
    console: 'MSK console > cluster > Properties > Network settings > Edit public access: Off.',
    cloudformation: 'AWS::MSK::Cluster.BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type: DISABLED (or leave it out)',
    terraform: 'aws_msk_cluster { broker_node_group_info { connectivity_info { public_access { type = "DISABLED" } } } }',
  },
  evaluate(cluster) {
    const type = str(at(cluster.properties, 'BrokerNodeGroupInfo', 'ConnectivityInfo', 'PublicAccess', 'Type'));
    if (isUnknown(type)) return unknown(type, PATH);
    if (type === 'SERVICE_PROVIDED_EIPS') return fail('public access is on: each broker has a public IP address and endpoint', PATH);
    if (type === undefined || type === 'DISABLED') return pass(type === undefined ? 'public access is not set, and it is off by default' : 'public access is off', PATH);
    return unknown(`PublicAccess.Type ${type} is not one AWS accepts (DISABLED, SERVICE_PROVIDED_EIPS)`, PATH);
  },
});
