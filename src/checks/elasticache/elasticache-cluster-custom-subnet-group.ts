// Compliant: the cache cluster is placed in a subnet group the customer chose, not in the one named "default".
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'elasticache-cluster-custom-subnet-group',
  title: 'ElastiCache cluster does not use the default subnet group',
  service: 'elasticache',
  resourceTypes: ['AWS::ElastiCache::CacheCluster'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'A cluster created without a subnet group lands in the "default" subnet group, made of the subnets of the default VPC, which are public subnets unless the customer changed them. A subnet group the customer creates names the private subnets the cache is meant to live in. Where the cache sits in the network is the customer\'s decision; ElastiCache only offers the default.',
  remediation: {
    console: 'ElastiCache console > Subnet groups > Create subnet group with private subnets; then create the cluster in it (the subnet group of an existing cluster cannot be changed).',
    cloudformation: 'AWS::ElastiCache::CacheCluster.CacheSubnetGroupName: <subnet group> (an AWS::ElastiCache::SubnetGroup of private subnets)',
    terraform: 'aws_elasticache_cluster { subnet_group_name = aws_elasticache_subnet_group.<name>.name }',
  },
  evaluate(cluster) {
    const group = str(cluster.properties['CacheSubnetGroupName']);
    if (isUnknown(group)) return unknown(group, 'CacheSubnetGroupName');
    if (group === undefined || group === '') return fail('the cluster names no subnet group, so ElastiCache places it in the "default" subnet group', 'CacheSubnetGroupName');
    if (group.toLowerCase() === 'default') return fail('the cluster uses the "default" subnet group', 'CacheSubnetGroupName');
    return pass(`the cluster uses subnet group ${group}`, 'CacheSubnetGroupName');
  },
});
