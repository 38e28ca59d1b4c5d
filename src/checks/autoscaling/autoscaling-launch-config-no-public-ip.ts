// Compliant: the launch configuration does not ask for a public IPv4 address for its instances (AssociatePublicIpAddress is not true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'autoscaling-launch-config-no-public-ip',
  title: 'Auto Scaling launch configuration does not assign public IP addresses',
  service: 'autoscaling',
  resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'A launch configuration that asks for public addresses gives one to every instance its Auto Scaling groups start, so each is one security group rule away from the internet. Instances of a scaling group normally sit in private subnets behind a load balancer. The launch configuration is the customer\'s; one that leaves the choice to the subnet passes here, and subnets that assign public addresses are judged by vpc-subnet-no-auto-public-ip.',
  remediation: {
    console: 'Launch configurations cannot be edited: create a launch template (preferred) or a new launch configuration with "Assign a public IP address to every instance" off, and switch the Auto Scaling group to it.',
    cloudformation: 'AWS::AutoScaling::LaunchConfiguration.AssociatePublicIpAddress: false (or left out)',
    terraform: 'aws_launch_configuration.associate_public_ip_address = false',
  },
  evaluate(configuration) {
    const asked = bool(configuration.properties['AssociatePublicIpAddress']);
    if (isUnknown(asked)) return unknown(asked, 'AssociatePublicIpAddress');
    if (asked === true) return fail('the launch configuration gives every instance a public IPv4 address', 'AssociatePublicIpAddress');
    return pass(asked === false ? 'the launch configuration refuses public addresses' : 'the launch configuration does not ask for public addresses', 'AssociatePublicIpAddress');
  },
});
