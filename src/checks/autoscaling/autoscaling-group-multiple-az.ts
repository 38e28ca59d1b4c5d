// Compliant: the Auto Scaling group launches instances in two or more Availability Zones (its AvailabilityZones, or the zones of its VPCZoneIdentifier subnets).
import { defineCheck, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { SUBNET, subnetZoneSpread, zoneListSpread } from '../lib/zones.js';

export default defineCheck({
  id: 'autoscaling-group-multiple-az',
  title: 'Auto Scaling group spans more than one Availability Zone',
  service: 'autoscaling',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  reads: [SUBNET],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'AWS keeps each Availability Zone isolated from the others so that a failure stays in one zone; a group confined to one zone goes down with it, and Auto Scaling cannot replace its instances elsewhere. Spreading the group across zones is the customer\'s design choice.',
  remediation: {
    console: 'EC2 console > Auto Scaling groups > the group > Details > Network > Edit: add subnets in other Availability Zones.',
    cloudformation: 'AWS::AutoScaling::AutoScalingGroup.VPCZoneIdentifier: subnets in two or more Availability Zones (or AvailabilityZones with two or more zones)',
    terraform: 'aws_autoscaling_group.vpc_zone_identifier = [subnets in two or more Availability Zones]',
  },
  evaluate(group, context) {
    const owner = 'the group';
    // AWS requires the subnets to lie in the listed zones, so a fully readable zone list decides.
    const byZones = zoneListSpread(group.properties['AvailabilityZones'], 'AvailabilityZones', owner);
    if (byZones) return byZones;
    const subnets = group.properties['VPCZoneIdentifier'];
    const zones = group.properties['AvailabilityZones'];
    if ((subnets === undefined || subnets === null) && zones !== undefined && zones !== null) {
      return unknown(isUnknown(zones) ? zones : 'an Availability Zone of the group cannot be read', 'AvailabilityZones');
    }
    return subnetZoneSpread(subnets, 'VPCZoneIdentifier', owner, context.inventory);
  },
});
