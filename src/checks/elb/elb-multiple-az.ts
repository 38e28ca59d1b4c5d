// Compliant: the load balancer has nodes in two or more Availability Zones (its AvailabilityZones, or the zones of its subnets).
import { defineCheck, unknown } from '../define-check.js';
import { at, isUnknown, list } from '../../inventory/readers.js';
import type { PropValue } from '../../inventory/values.js';
import { notAcceptedByAws } from '../lib/aws-accepts.js';
import { loadBalancerType } from '../lib/elb-attributes.js';
import { SUBNET, subnetZoneSpread, zoneListSpread } from '../lib/zones.js';

export default defineCheck({
  id: 'elb-multiple-az',
  title: 'Load balancer spans more than one Availability Zone',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  reads: [SUBNET],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'A load balancer places a node in each Availability Zone it is enabled for; with a single zone, the loss of that zone takes the entry point of the application down with it, however many targets run elsewhere. Enabling more zones is the customer\'s design choice.',
  remediation: {
    console: 'EC2 console > Load balancers > the load balancer > Network mapping > Edit subnets (Classic: Instances > Edit Availability Zones): add a subnet in another Availability Zone.',
    cloudformation: 'AWS::ElasticLoadBalancingV2::LoadBalancer.Subnets (or SubnetMappings) in two or more Availability Zones; Classic: AvailabilityZones or Subnets in two or more zones',
    terraform: 'aws_lb.subnets (or subnet_mapping) in two or more Availability Zones; aws_elb.availability_zones or subnets in two or more zones',
  },
  evaluate(balancer, context) {
    const owner = 'the load balancer';
    if (balancer.type === 'AWS::ElasticLoadBalancing::LoadBalancer') {
      const byZones = zoneListSpread(balancer.properties['AvailabilityZones'], 'AvailabilityZones', owner);
      if (byZones) return byZones;
      const subnets = balancer.properties['Subnets'];
      if (subnets === undefined || subnets === null) {
        const zones = balancer.properties['AvailabilityZones'];
        return isUnknown(zones) ? unknown(zones, 'AvailabilityZones') : unknown('the Availability Zones of the load balancer cannot be read', 'AvailabilityZones');
      }
      return subnetZoneSpread(subnets, 'Subnets', owner, context.inventory);
    }
    let subnets: PropValue | undefined = balancer.properties['Subnets'];
    let path = 'Subnets';
    if (subnets === undefined || subnets === null) {
      const mappings = list(balancer.properties['SubnetMappings']);
      if (isUnknown(mappings)) return unknown(mappings, 'SubnetMappings');
      subnets = mappings?.map((mapping) => at(mapping, 'SubnetId') ?? null);
      path = 'SubnetMappings';
    }
    const spread = subnetZoneSpread(subnets, path, owner, context.inventory);
    const type = loadBalancerType(balancer);
    // An Application Load Balancer cannot be created in fewer than two zones.
    if (spread.status === 'fail' && type === 'application') return notAcceptedByAws(`${spread.message}; an Application Load Balancer needs subnets in at least two Availability Zones`, path);
    return spread;
  },
});
