// Compliant: the Auto Scaling group's mixed instances policy names two or more instance types to launch.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'autoscaling-group-multiple-instance-types',
  title: 'Auto Scaling group can launch more than one instance type',
  service: 'autoscaling',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'A group that can launch one instance type only cannot scale out or replace instances while that type has no capacity in a zone (or, for Spot, is reclaimed); naming several types in a mixed instances policy lets Auto Scaling fall back to another. Which types a group may use is the customer\'s design. Like Security Hub, demarc counts the instance types of the overrides, and leaves attribute-based selection (InstanceRequirements) unknown, since how many types match depends on the region\'s offering.',
  remediation: {
    console: 'EC2 console > Auto Scaling groups > the group > Details > Instance type requirements > Edit: override the launch template and add instance types.',
    cloudformation: 'AWS::AutoScaling::AutoScalingGroup.MixedInstancesPolicy.LaunchTemplate.Overrides: two or more entries with distinct InstanceType',
    terraform: 'aws_autoscaling_group mixed_instances_policy { launch_template { override { instance_type = ... } override { instance_type = ... } } }',
  },
  evaluate(group) {
    const policy = group.properties['MixedInstancesPolicy'];
    if (isUnknown(policy)) return unknown(policy, 'MixedInstancesPolicy');
    if (policy === undefined || policy === null) return fail('the group has no mixed instances policy, so it launches the one instance type of its launch template or configuration');
    const path = 'MixedInstancesPolicy.LaunchTemplate.Overrides';
    const overrides = list(at(policy, 'LaunchTemplate', 'Overrides'));
    if (isUnknown(overrides)) return unknown(overrides, path);
    const types = new Set<string>();
    let attributeBased = false;
    for (const override of overrides ?? []) {
      const requirements = at(override, 'InstanceRequirements');
      if (requirements !== undefined && requirements !== null) {
        attributeBased = true;
        continue;
      }
      const type = str(at(override, 'InstanceType'));
      if (isUnknown(type)) return unknown(type, path);
      if (type !== undefined) types.add(type);
    }
    if (types.size >= 2) return pass(`the group can launch ${types.size} instance types (${[...types].slice(0, 4).join(', ')})`, path);
    if (attributeBased) return unknown('the group selects instance types by attributes (InstanceRequirements): how many types match is decided by EC2 at launch', path);
    return fail(
      types.size === 1 ? `the group's overrides name one instance type only (${[...types].join('')})` : 'the mixed instances policy overrides no instance type, so the group launches the one type of its launch template',
      overrides === undefined ? 'MixedInstancesPolicy' : path,
    );
  },
});
