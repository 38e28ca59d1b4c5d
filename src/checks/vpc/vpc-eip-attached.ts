// Compliant: the Elastic IP address is associated with an instance, a network interface or a NAT gateway.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

const ASSOCIATION = 'AWS::EC2::EIPAssociation';
const NAT_GATEWAY = 'AWS::EC2::NatGateway';

export default defineCheck({
  id: 'vpc-eip-attached',
  title: 'Elastic IP address is in use',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::EIP'],
  reads: [ASSOCIATION, NAT_GATEWAY],
  layer: 'network-config',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'low',
  rationale:
    'An Elastic IP address that nothing uses is an inventory gap: it is billed, it may still be listed in allow-lists, DNS records or partner firewalls, and whoever associates it next inherits that trust. Keeping track of the public addresses an account holds, and releasing the ones it no longer needs, is the customer\'s. Only an account shows that an address is unused: a template or configuration that does not associate it may leave that to something outside it, so demarc says unknown there.',
  remediation: {
    console: 'EC2 console > Elastic IPs > the address > Actions > Associate Elastic IP address, or Release Elastic IP addresses if it is no longer needed.',
    cloudformation: 'AWS::EC2::EIP.InstanceId, or an AWS::EC2::EIPAssociation or AWS::EC2::NatGateway.AllocationId that uses the address; else remove the address',
    terraform: 'aws_eip.instance, or an aws_eip_association or aws_nat_gateway.allocation_id that uses the address; else remove the address',
  },
  evaluate(address, context) {
    const instance = address.properties['InstanceId'];
    if (address.origin.kind === 'aws') {
      const association = str(address.properties['AssociationId']);
      if (isUnknown(association)) return unknown(association, 'AssociationId');
      if (association !== undefined && association !== '') return pass(`the address is associated (${association})`);
      if (typeof instance === 'string' && instance !== '') return pass(`the address is associated with instance ${instance}`, 'InstanceId');
      return fail('the address is not associated with any instance or network interface');
    }
    if (isUnknown(instance)) return unknown(instance, 'InstanceId');
    if (instance !== undefined && instance !== null && instance !== '') return pass('the address is associated with an instance', 'InstanceId');
    const users = [
      ...context.inventory.referrers(address, ASSOCIATION, 'AllocationId'),
      ...context.inventory.referrers(address, ASSOCIATION, 'EIP'),
      ...context.inventory.referrers(address, NAT_GATEWAY, 'AllocationId'),
    ];
    const [user] = users;
    if (user !== undefined) return pass(`${user.type === NAT_GATEWAY ? 'the NAT gateway' : 'the association'} ${user.id} uses the address`);
    return unknown('nothing in this scan associates the address: only the account shows whether something outside it does');
  },
});
