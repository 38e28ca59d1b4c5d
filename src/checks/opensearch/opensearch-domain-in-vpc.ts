// Compliant: the domain is placed in a VPC (VPCOptions.SubnetIds), so its endpoint is not on the public internet.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list } from '../../inventory/readers.js';

export default defineCheck({
  id: 'opensearch-domain-in-vpc',
  title: 'OpenSearch domain is in a VPC',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'A domain outside a VPC has an endpoint on the public internet, guarded only by its access policy. In a VPC, security groups decide who can even reach it. Network placement is the customer\'s decision, and it is fixed when the domain is created.',
  remediation: {
    console: 'OpenSearch console > Create domain > Network > VPC access, choose subnets and security groups (existing public domains: create a VPC domain and migrate with snapshots).',
    cloudformation: 'AWS::OpenSearchService::Domain.VPCOptions: { SubnetIds: [...], SecurityGroupIds: [...] }',
    terraform: 'aws_opensearch_domain { vpc_options { subnet_ids = [...], security_group_ids = [...] } }',
  },
  evaluate(domain) {
    const subnets = list(at(domain.properties, 'VPCOptions', 'SubnetIds'));
    if (isUnknown(subnets)) return unknown(subnets, 'VPCOptions.SubnetIds');
    if (subnets !== undefined && subnets.length > 0) {
      return pass(`the domain is in a VPC (${subnets.length} subnet${subnets.length === 1 ? '' : 's'})`, 'VPCOptions.SubnetIds');
    }
    return fail('the domain has a public endpoint: no VPCOptions.SubnetIds');
  },
});
