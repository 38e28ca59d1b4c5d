// Compliant: the Auto Scaling group launches instances from a launch template (LaunchTemplate, or MixedInstancesPolicy.LaunchTemplate), not a launch configuration.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { notAcceptedByAws } from '../lib/aws-accepts.js';

const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';

export default defineCheck({
  id: 'autoscaling-group-launch-template',
  title: 'Auto Scaling group uses a launch template',
  service: 'autoscaling',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  reads: [LAUNCH_CONFIGURATION],
  layer: 'guest-os',
  control: 'configuration-management',
  duty: 'configure-guest-os',
  severity: 'medium',
  rationale:
    'Launch configurations are no longer developed: they get no new instance types or EC2 features, and AWS asks customers to move to launch templates, which add versioning and the current instance settings (metadata options, network interfaces, Nitro features). Which the group uses is the customer\'s choice.',
  remediation: {
    console: 'EC2 console > Auto Scaling groups > the group > Details > Launch configuration > Switch to launch template (create one from the launch configuration first: Launch configurations > Copy to launch template).',
    cloudformation: 'AWS::AutoScaling::AutoScalingGroup.LaunchTemplate: {LaunchTemplateId: !Ref <LaunchTemplate>, Version: !GetAtt <LaunchTemplate>.LatestVersionNumber} instead of LaunchConfigurationName',
    terraform: 'aws_autoscaling_group launch_template { id = aws_launch_template.<name>.id, version = "$Latest" } instead of launch_configuration',
  },
  evaluate(group, context) {
    const template = group.properties['LaunchTemplate'];
    if (isUnknown(template)) return unknown(template, 'LaunchTemplate');
    if (template !== undefined && template !== null) return pass('the group launches from a launch template', 'LaunchTemplate');
    const mixed = at(group.properties, 'MixedInstancesPolicy', 'LaunchTemplate');
    if (isUnknown(mixed)) return unknown(mixed, 'MixedInstancesPolicy.LaunchTemplate');
    if (mixed !== undefined && mixed !== null) return pass('the group launches from the launch template of its mixed instances policy', 'MixedInstancesPolicy.LaunchTemplate');
    const configurationValue = group.properties['LaunchConfigurationName'];
    // A reference to a launch configuration of the template settles it, whatever name AWS gives that configuration.
    const configuration = context.inventory.resolve(configurationValue, [LAUNCH_CONFIGURATION]);
    if (configuration !== undefined) return fail(`the group launches from launch configuration ${configuration.name ?? configuration.id}`, 'LaunchConfigurationName');
    const configurationName = str(configurationValue);
    if (isUnknown(configurationName)) return unknown(configurationName, 'LaunchConfigurationName');
    if (configurationName !== undefined) return fail(`the group launches from launch configuration ${configurationName}`, 'LaunchConfigurationName');
    const instance = str(group.properties['InstanceId']);
    if (isUnknown(instance)) return unknown(instance, 'InstanceId');
    // AWS builds a launch configuration from the instance for such a group.
    if (instance !== undefined) return fail(`the group is created from instance ${instance}, from which AWS makes a launch configuration`, 'InstanceId');
    return notAcceptedByAws('the group names no launch template, launch configuration or instance, one of which AWS requires', 'LaunchTemplate');
  },
});
