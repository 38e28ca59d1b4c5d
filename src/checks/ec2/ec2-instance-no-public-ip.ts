// Compliant: the instance has no public IPv4 address: none assigned to it live, none asked for by its network interfaces or launch template, and none given by its subnet.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, bool, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';
import { instanceSetting } from '../lib/compute.js';

const SUBNET = 'AWS::EC2::Subnet';

/** What the instance's subnet does with public addresses at launch, when the scan holds the subnet. */
function subnetEvaluation(subnetValue: PropValue | undefined, path: string, inventory: InventoryView): Evaluation {
  if (subnetValue === undefined || subnetValue === null) {
    return unknown('the instance names no subnet: it is launched into a default subnet, which assigns public addresses unless changed, and which this scan does not hold', path);
  }
  const subnet = inventory.resolve(subnetValue, [SUBNET]);
  if (subnet === undefined) {
    const name = str(subnetValue);
    return unknown(`subnet ${typeof name === 'string' ? name : 'of the instance'} is not in the scan: whether it assigns public addresses at launch cannot be read`, path);
  }
  const maps = bool(subnet.properties['MapPublicIpOnLaunch']);
  if (isUnknown(maps)) return unknown(`cannot tell whether subnet ${subnet.id} assigns public addresses: ${maps.reason}`, path);
  if (maps === true) return fail(`subnet ${subnet.id} assigns a public IPv4 address to every instance launched in it (MapPublicIpOnLaunch) and the instance does not refuse one`, path);
  return pass(`subnet ${subnet.id} assigns no public address and the instance asks for none`, path);
}

/** The primary network interface (device 0), or the only one given. */
function primaryInterface(interfaces: PropValue[]): PropValue | undefined {
  return interfaces.find((nic) => String(at(nic, 'DeviceIndex') ?? '') === '0') ?? (interfaces.length === 1 ? interfaces[0] : undefined);
}

function templateEvaluation(instance: Resource, inventory: InventoryView): Evaluation {
  const setting = instanceSetting(instance, inventory, ['NetworkInterfaces']);
  if (isUnknown(setting)) return unknown(setting, 'LaunchTemplate');
  const raw = setting.value;
  if (isUnknown(raw)) return unknown(raw, setting.path ?? 'NetworkInterfaces');
  const interfaces = Array.isArray(raw) ? raw : [];
  const where = setting.from === 'the instance' ? 'NetworkInterfaces' : undefined;
  for (const [index, nic] of interfaces.entries()) {
    const asked = bool(at(nic, 'AssociatePublicIpAddress'));
    const path = where && `${where}.${index}.AssociatePublicIpAddress`;
    if (isUnknown(asked)) return unknown(`cannot tell whether ${setting.from} asks for a public address: ${asked.reason}`, path);
    if (asked === true) return fail(`${setting.from} asks for a public IPv4 address on network interface ${String(at(nic, 'DeviceIndex') ?? index)} (AssociatePublicIpAddress)`, path);
  }
  const primary = primaryInterface(interfaces);
  if (primary !== undefined && bool(at(primary, 'AssociatePublicIpAddress')) === false) return pass(`${setting.from} refuses a public address on its primary network interface`, where);
  // Without an explicit answer the subnet decides: the primary interface's, or the instance's own.
  const nicSubnet = at(primary, 'SubnetId');
  if (nicSubnet !== undefined) return subnetEvaluation(nicSubnet, where ? `${where}.${interfaces.indexOf(primary as PropValue)}.SubnetId` : 'SubnetId', inventory);
  return subnetEvaluation(instance.properties['SubnetId'], 'SubnetId', inventory);
}

export default defineCheck({
  id: 'ec2-instance-no-public-ip',
  title: 'EC2 instance has no public IPv4 address',
  service: 'ec2',
  resourceTypes: ['AWS::EC2::Instance'],
  reads: ['AWS::EC2::LaunchTemplate', SUBNET],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'An instance with a public address is one security group rule away from the internet, and scanners find it within minutes. Most instances need no inbound path from the internet: they sit in private subnets behind a load balancer, and reach out through a NAT gateway; administrators use Session Manager. Whether an instance gets a public address (its network interface, its launch template, its subnet) is the customer\'s choice. A live instance is judged on the address it has; a template on what it asks for and on its subnet\'s MapPublicIpOnLaunch, unknown where the subnet is not in the scan.',
  remediation: {
    console: 'Launch instances into private subnets, with "Auto-assign public IP" disabled; to remove the address of a running instance, stop it after moving it behind a load balancer, or launch a replacement without one.',
    cloudformation: 'AWS::EC2::Instance.NetworkInterfaces[].AssociatePublicIpAddress: false, or a SubnetId whose AWS::EC2::Subnet.MapPublicIpOnLaunch is false',
    terraform: 'aws_instance.associate_public_ip_address = false, and subnet_id of an aws_subnet with map_public_ip_on_launch = false',
  },
  evaluate(instance, context) {
    if (context.inventory.isAccountScan) {
      const address = str(instance.properties['PublicIpAddress']);
      if (isUnknown(address)) return unknown(address, 'PublicIpAddress');
      return address ? fail(`the instance has the public IPv4 address ${address}`, 'PublicIpAddress') : pass('the instance has no public IPv4 address');
    }
    return templateEvaluation(instance, context.inventory);
  },
});
