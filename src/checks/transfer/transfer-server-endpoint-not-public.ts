// Compliant: the Transfer Family server's endpoint is hosted in a VPC (EndpointType VPC or VPC_ENDPOINT), not the PUBLIC endpoint (the default).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'transfer-server-endpoint-not-public',
  title: 'Transfer Family server endpoint is hosted in a VPC',
  service: 'transfer',
  resourceTypes: ['AWS::Transfer::Server'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'medium',
  rationale:
    'A PUBLIC endpoint (the default) is reachable from the whole internet with no security group in front of it: only user authentication stands between the world and the server. A VPC endpoint puts security groups in front of the server, and is private unless Elastic IP addresses are attached (internet-facing), in which case the security groups still decide who connects. Where the endpoint lives is the customer\'s choice.',
  remediation: {
    console: 'Transfer Family console > Servers > the server > Actions > Stop; then Endpoint details > Edit: VPC hosted (internal, or internet-facing with Elastic IPs and restrictive security groups); start it again.',
    cloudformation: 'AWS::Transfer::Server.EndpointType: VPC with EndpointDetails {VpcId, SubnetIds, SecurityGroupIds}',
    terraform: 'aws_transfer_server.endpoint_type = "VPC" with endpoint_details { vpc_id, subnet_ids, security_group_ids }',
  },
  evaluate(server) {
    const type = str(server.properties['EndpointType']);
    if (isUnknown(type)) return unknown(type, 'EndpointType');
    if (type === undefined || type.toUpperCase() === 'PUBLIC') {
      return fail(`the server has a PUBLIC endpoint${type === undefined ? ' (EndpointType is not set; the default is PUBLIC)' : ''}: anyone on the internet can reach it, with no security group in front`, 'EndpointType');
    }
    if (type.toUpperCase() === 'VPC' || type.toUpperCase() === 'VPC_ENDPOINT') return pass(`the endpoint is hosted in a VPC (${type}), behind its security groups`, 'EndpointType');
    return unknown(`EndpointType ${type} is not a type Transfer Family documents (PUBLIC, VPC, VPC_ENDPOINT)`, 'EndpointType');
  },
});
