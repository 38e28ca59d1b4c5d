// Compliant: the Amazon MQ broker is not publicly accessible (PubliclyAccessible false).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

export default defineCheck({
  id: 'mq-broker-not-public',
  title: 'Amazon MQ broker is not publicly accessible',
  service: 'mq',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'A publicly accessible broker gets endpoints that resolve to public IP addresses, reachable from the internet, and its web console with them; only its users\' passwords stand between the queues and anyone. Keeping brokers inside the VPC is the customer\'s choice, made at creation: it cannot be changed later.',
  remediation: {
    console: 'Public accessibility is set at creation: create a new broker with "Public accessibility" set to No in a VPC, move clients to it, and delete the public one.',
    cloudformation: 'AWS::AmazonMQ::Broker.PubliclyAccessible: false',
    terraform: 'aws_mq_broker { publicly_accessible = false }',
  },
  evaluate(broker) {
    const open = bool(at(broker.properties, 'PubliclyAccessible'));
    if (isUnknown(open)) return unknown(open, 'PubliclyAccessible');
    // An account always reports the setting: its absence there is an unread answer, not the default.
    if (open === undefined && isLive(broker)) return unknown('the broker did not report PubliclyAccessible (mq:DescribeBroker)', 'PubliclyAccessible');
    // CloudFormation requires the property; the provider and the API default it to false.
    if (open === true) return fail('PubliclyAccessible is true: the broker\'s endpoints are reachable from the internet', 'PubliclyAccessible');
    return pass(open === false ? 'the broker is reachable only from its VPC' : 'PubliclyAccessible is not set, and brokers are private by default', 'PubliclyAccessible');
  },
});
