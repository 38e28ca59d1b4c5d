// Compliant: the transit gateway does not accept cross-account attachment requests automatically (AutoAcceptSharedAttachments disable, the default).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'vpc-transit-gateway-no-auto-accept',
  title: 'Transit gateway does not auto-accept shared attachment requests',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::TransitGateway'],
  layer: 'network-config',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'high',
  rationale:
    'A transit gateway shared through AWS RAM that auto-accepts attachments lets any account it is shared with plug a VPC into the routing hub without review, and the routes of the default route table then carry that VPC\'s traffic to every other attached network. Accepting each attachment by hand keeps the decision of who joins the network with the customer. The setting is off unless turned on.',
  remediation: {
    console: 'VPC console > Transit gateways > the transit gateway > Actions > Modify transit gateway: clear "Auto accept shared attachments".',
    cloudformation: 'AWS::EC2::TransitGateway.AutoAcceptSharedAttachments: disable (the default)',
    terraform: 'aws_ec2_transit_gateway.auto_accept_shared_attachments = "disable" (the default)',
  },
  evaluate(gateway) {
    const path = 'AutoAcceptSharedAttachments';
    const setting = str(gateway.properties[path]);
    if (isUnknown(setting)) return unknown(setting, path);
    if (setting === undefined) return pass('AutoAcceptSharedAttachments is not set, and shared attachments then wait for acceptance (disable is the default)');
    if (setting === 'disable') return pass('shared attachment requests wait for acceptance', path);
    if (setting === 'enable') return fail('the transit gateway accepts attachment requests from the accounts it is shared with automatically', path);
    return unknown(`AutoAcceptSharedAttachments is ${setting}, which is neither enable nor disable`, path);
  },
});
