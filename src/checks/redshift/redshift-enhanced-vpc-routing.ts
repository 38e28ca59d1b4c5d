// Compliant: the cluster sends COPY and UNLOAD traffic through its VPC (EnhancedVpcRouting true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'redshift-enhanced-vpc-routing',
  title: 'Redshift cluster routes COPY and UNLOAD traffic through its VPC',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  layer: 'network-config',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'medium',
  rationale:
    'Without enhanced VPC routing, COPY and UNLOAD traffic between the cluster and S3 or other data sources leaves through the internet path AWS chooses, out of reach of the VPC\'s security groups, endpoint policies and flow logs. Turning it on puts that data path under the customer\'s network controls.',
  remediation: {
    console: 'Redshift console > Clusters > cluster > Properties > Network and security settings > Edit > Enhanced VPC routing: Turn on.',
    cloudformation: 'AWS::Redshift::Cluster.EnhancedVpcRouting: true',
    terraform: 'aws_redshift_cluster { enhanced_vpc_routing = true }',
  },
  evaluate(cluster) {
    const enabled = bool(at(cluster.properties, 'EnhancedVpcRouting'));
    if (isUnknown(enabled)) return unknown(enabled, 'EnhancedVpcRouting');
    if (enabled === true) return pass('enhanced VPC routing is on', 'EnhancedVpcRouting');
    return fail(enabled === false ? 'EnhancedVpcRouting is false' : 'EnhancedVpcRouting is not set, and it is off by default', 'EnhancedVpcRouting');
  },
});
