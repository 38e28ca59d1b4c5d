// Compliant: the Classic Load Balancer has cross-zone load balancing on (CrossZone true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'elb-classic-cross-zone',
  title: 'Classic Load Balancer balances across Availability Zones',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Without cross-zone load balancing each load balancer node sends traffic only to the instances in its own Availability Zone, so a zone that has lost instances overloads the ones left there while other zones idle. Turning it on spreads requests over every registered instance. It is off for load balancers created through the API or CloudFormation; the setting is the customer\'s.',
  remediation: {
    console: 'EC2 console > Load balancers > the Classic Load Balancer > Attributes > Edit: turn on Cross-zone load balancing.',
    cloudformation: 'AWS::ElasticLoadBalancing::LoadBalancer.CrossZone: true',
    terraform: 'aws_elb.cross_zone_load_balancing = true (the provider\'s default)',
  },
  evaluate(balancer) {
    const crossZone = bool(balancer.properties['CrossZone']);
    if (isUnknown(crossZone)) return unknown(crossZone, 'CrossZone');
    if (crossZone === true) return pass('cross-zone load balancing is on', 'CrossZone');
    return fail(crossZone === false ? 'CrossZone is false' : 'CrossZone is not set, and cross-zone load balancing is off by default', 'CrossZone');
  },
});
