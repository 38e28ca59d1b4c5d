// Compliant: the DB instance is not publicly accessible (PubliclyAccessible false, or absent in a VPC with no internet gateway).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, list, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import type { InventoryView } from '../../inventory/view.js';
import { auroraClusterOf } from '../lib/rds.js';

/** Whether the VPC of a subnet group has an internet gateway attached, as far as the inventory shows it. */
function vpcHasInternetGateway(subnetGroup: Resource, inventory: InventoryView): boolean | string {
  const subnets = list(at(subnetGroup.properties, 'SubnetIds'));
  if (subnets === undefined || isUnknown(subnets)) return 'the subnet group\'s subnets cannot be read';
  const vpcs = new Set<Resource>();
  for (const subnetId of subnets) {
    const subnet = inventory.resolve(subnetId);
    if (subnet?.type !== 'AWS::EC2::Subnet') return 'a subnet of the subnet group is not in the scanned input';
    const vpc = inventory.resolve(subnet.properties['VpcId']);
    if (vpc?.type !== 'AWS::EC2::VPC') return 'the VPC of the subnet group is not in the scanned input';
    vpcs.add(vpc);
  }
  if (vpcs.size === 0) return 'the subnet group has no subnets';
  const attachments = inventory.ofType('AWS::EC2::VPCGatewayAttachment');
  return [...vpcs].some((vpc) =>
    attachments.some((attachment) => inventory.resolve(attachment.properties['VpcId']) === vpc && attachment.properties['InternetGatewayId'] !== undefined),
  );
}

export default defineCheck({
  id: 'rds-instance-not-public',
  title: 'RDS DB instance is not publicly accessible',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance'],
  reads: ['AWS::RDS::DBSubnetGroup', 'AWS::EC2::Subnet', 'AWS::EC2::VPC', 'AWS::EC2::VPCGatewayAttachment', 'AWS::RDS::DBCluster'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'A publicly accessible DB instance gets a public IP address and a DNS name that resolves to it from the internet, so only its security group stands between the database port and every scanner on the internet. Deciding what is reachable from outside the VPC is the customer\'s zone security.',
  remediation: {
    console: 'RDS console > Databases > instance > Modify > Connectivity > Additional configuration > Not publicly accessible.',
    cloudformation: 'AWS::RDS::DBInstance.PubliclyAccessible: false',
    terraform: 'aws_db_instance { publicly_accessible = false }',
  },
  evaluate(instance, context) {
    const publicly = bool(at(instance.properties, 'PubliclyAccessible'));
    if (isUnknown(publicly)) return unknown(publicly, 'PubliclyAccessible');
    if (publicly === true) return fail('PubliclyAccessible is true: the endpoint resolves to a public IP address', 'PubliclyAccessible');
    if (publicly === false) return pass('the instance is not publicly accessible', 'PubliclyAccessible');

    // Absent: RDS makes the instance public when the VPC it lands in has an internet gateway attached.
    const { cluster } = auroraClusterOf(instance, context.inventory);
    const subnetGroupValue = instance.properties['DBSubnetGroupName'] ?? cluster?.properties['DBSubnetGroupName'];
    if (subnetGroupValue === undefined || subnetGroupValue === null) {
      return fail('PubliclyAccessible is not set and no DB subnet group is named: the instance goes to the default VPC, which has an internet gateway unless it was removed, and is then public');
    }
    const subnetGroup = context.inventory.resolve(subnetGroupValue);
    const name = str(subnetGroupValue);
    if (subnetGroup === undefined && isUnknown(name)) return unknown(name, 'DBSubnetGroupName');
    if (typeof name === 'string' && name.toLowerCase() === 'default') {
      return fail('PubliclyAccessible is not set and the instance uses the default subnet group of the default VPC, so it is public', 'DBSubnetGroupName');
    }
    if (subnetGroup?.type !== 'AWS::RDS::DBSubnetGroup') {
      return unknown('PubliclyAccessible is not set, so it depends on whether the subnet group\'s VPC has an internet gateway, and the subnet group is not in the scanned input', 'DBSubnetGroupName');
    }
    const gateway = vpcHasInternetGateway(subnetGroup, context.inventory);
    if (typeof gateway === 'string') return unknown(`PubliclyAccessible is not set and ${gateway}`, 'DBSubnetGroupName');
    return gateway
      ? fail('PubliclyAccessible is not set and the subnet group\'s VPC has an internet gateway attached, so RDS makes the instance public', 'DBSubnetGroupName')
      : pass('PubliclyAccessible is not set, and the subnet group\'s VPC has no internet gateway, so the instance is private', 'DBSubnetGroupName');
  },
});
