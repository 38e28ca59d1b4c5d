// Compliant: the Application, Network or Gateway Load Balancer has deletion protection on (deletion_protection.enabled = true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/values.js';
import { loadBalancerAttribute } from '../lib/elb-attributes.js';

export default defineCheck({
  id: 'elb-deletion-protection',
  title: 'Load balancer has deletion protection on',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Deleting a load balancer takes the application offline at once and gives up its DNS name, which clients and DNS records may point at and which cannot be recovered. Deletion protection makes a deletion (by a mistaken script, a stack teardown or an attacker) take a deliberate extra step. It is off by default; turning it on is the customer\'s.',
  remediation: {
    console: 'EC2 console > Load balancers > the load balancer > Attributes > Edit > Configuration: turn on Deletion protection.',
    cloudformation: 'AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerAttributes: [{Key: deletion_protection.enabled, Value: "true"}]',
    terraform: 'aws_lb.enable_deletion_protection = true',
  },
  evaluate(balancer) {
    const value = loadBalancerAttribute(balancer, 'deletion_protection.enabled');
    if (isUnknown(value)) return unknown(value, 'LoadBalancerAttributes');
    if (value === 'true') return pass('deletion protection is on', 'LoadBalancerAttributes');
    return fail(value === undefined ? 'deletion_protection.enabled is not set, and deletion protection is off by default' : `deletion_protection.enabled is ${value}`, 'LoadBalancerAttributes');
  },
});
