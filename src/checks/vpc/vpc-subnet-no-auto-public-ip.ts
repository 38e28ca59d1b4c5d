// Compliant: the subnet does not give instances a public IPv4 address automatically (MapPublicIpOnLaunch is false or absent).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'vpc-subnet-no-auto-public-ip',
  title: 'Subnet does not assign public IP addresses automatically',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::Subnet'],
  layer: 'network-config',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'low',
  rationale:
    'A subnet that maps a public IPv4 address on launch makes every instance started in it reachable from the internet as soon as a security group allows it, whether or not the instance was meant to be public. Deciding what is public is the customer\'s zone security; public addresses should be a deliberate per-instance choice.',
  remediation: {
    console: 'VPC console > Subnets > the subnet > Actions > Edit subnet settings > clear "Enable auto-assign public IPv4 address".',
    cloudformation: 'AWS::EC2::Subnet.MapPublicIpOnLaunch: false (the default)',
    terraform: 'aws_subnet.map_public_ip_on_launch = false (the default)',
  },
  evaluate(subnet) {
    const mapped = bool(subnet.properties['MapPublicIpOnLaunch']);
    if (isUnknown(mapped)) return unknown(mapped, 'MapPublicIpOnLaunch');
    if (mapped === true) return fail('MapPublicIpOnLaunch is true: every instance launched in this subnet gets a public IPv4 address', 'MapPublicIpOnLaunch');
    return pass(mapped === false ? 'MapPublicIpOnLaunch is false' : 'MapPublicIpOnLaunch is not set; the default is false', 'MapPublicIpOnLaunch');
  },
});
