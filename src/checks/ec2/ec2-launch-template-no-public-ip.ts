// Compliant: no network interface of the launch template asks for a public IPv4 address (AssociatePublicIpAddress true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, bool, list } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'ec2-launch-template-no-public-ip',
  title: 'EC2 launch template does not assign public IP addresses',
  service: 'ec2',
  resourceTypes: ['AWS::EC2::LaunchTemplate'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'Every instance launched from a template whose network interface asks for a public address is reachable from the internet as soon as a security group allows it: Auto Scaling groups, EKS node groups and Batch environments repeat that for each instance. Workloads belong in private subnets behind load balancers. The template is the customer\'s; a template that leaves the choice to its subnet passes here, and subnets that assign public addresses are judged by vpc-subnet-no-auto-public-ip.',
  remediation: {
    console: 'EC2 console > Launch templates > the template > Actions > Modify template (create new version): Network settings > Advanced network configuration > Auto-assign public IP: Disable; make the new version the default.',
    cloudformation: 'AWS::EC2::LaunchTemplate.LaunchTemplateData.NetworkInterfaces[].AssociatePublicIpAddress: false (or left out)',
    terraform: 'aws_launch_template network_interfaces { associate_public_ip_address = false }',
  },
  evaluate(template) {
    const interfaces = list(at(template.properties, 'LaunchTemplateData', 'NetworkInterfaces'));
    if (isUnknown(interfaces)) return unknown(interfaces, 'LaunchTemplateData.NetworkInterfaces');
    const failures: Evaluation[] = [];
    const doubts: Evaluation[] = [];
    for (const [index, nic] of (interfaces ?? []).entries()) {
      const path = `LaunchTemplateData.NetworkInterfaces.${index}.AssociatePublicIpAddress`;
      const asked = bool(at(nic, 'AssociatePublicIpAddress'));
      if (isUnknown(asked)) doubts.push(unknown(asked, path));
      else if (asked === true) failures.push(fail(`network interface ${String(at(nic, 'DeviceIndex') ?? index)} asks for a public IPv4 address for every instance launched from the template`, path));
    }
    if (failures.length > 0 || doubts.length > 0) return [...failures, ...doubts];
    return pass('no network interface of the template asks for a public IPv4 address');
  },
});
