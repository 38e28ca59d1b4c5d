// Compliant: the Classic Load Balancer has connection draining on (ConnectionDrainingPolicy.Enabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'elb-classic-connection-draining',
  title: 'Classic Load Balancer drains connections from deregistering instances',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Without connection draining a Classic Load Balancer cuts the requests in flight to an instance the moment it is deregistered or found unhealthy, so every scale-in, deployment or replacement drops client requests. With it on, the load balancer stops sending new requests to the instance and lets open ones finish within the timeout. It is off for load balancers created through the API, CloudFormation or Terraform unless turned on; the setting is the customer\'s.',
  remediation: {
    console: 'EC2 console > Load balancers > the Classic Load Balancer > Attributes > Edit: turn on Connection draining and set a timeout.',
    cloudformation: 'AWS::ElasticLoadBalancing::LoadBalancer.ConnectionDrainingPolicy: { Enabled: true, Timeout: 300 }',
    terraform: 'aws_elb.connection_draining = true (and connection_draining_timeout)',
  },
  evaluate(balancer) {
    const policy = balancer.properties['ConnectionDrainingPolicy'];
    if (isUnknown(policy)) return unknown(policy, 'ConnectionDrainingPolicy');
    const enabled = bool(at(policy, 'Enabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'ConnectionDrainingPolicy.Enabled');
    if (enabled === true) return pass('connection draining is on', 'ConnectionDrainingPolicy.Enabled');
    if (enabled === false) return fail('ConnectionDrainingPolicy.Enabled is false', 'ConnectionDrainingPolicy.Enabled');
    return fail('ConnectionDrainingPolicy is not set, and connection draining is off by default', policy === undefined ? undefined : 'ConnectionDrainingPolicy');
  },
});
