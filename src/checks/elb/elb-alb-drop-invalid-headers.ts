// Compliant: the Application Load Balancer drops HTTP headers with invalid names (routing.http.drop_invalid_header_fields.enabled = true).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/values.js';
import { loadBalancerAttribute, loadBalancerType } from '../lib/elb-attributes.js';

export default defineCheck({
  id: 'elb-alb-drop-invalid-headers',
  title: 'Application Load Balancer drops invalid HTTP headers',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  layer: 'traffic-protection',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'By default an Application Load Balancer passes on headers whose names break the HTTP rules. Back ends that parse such headers differently from the load balancer can be tricked into request smuggling or header injection. Dropping them is a one-attribute change that only the customer can make.',
  remediation: {
    console: 'EC2 console > Load balancers > the ALB > Attributes > Edit > Packet handling: turn on "Drop invalid header fields".',
    cloudformation: 'AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerAttributes: [{Key: routing.http.drop_invalid_header_fields.enabled, Value: "true"}]',
    terraform: 'aws_lb.drop_invalid_header_fields = true',
  },
  evaluate(balancer) {
    const type = loadBalancerType(balancer);
    if (isUnknown(type)) return unknown(type, 'Type');
    if (type !== 'application') return notApplicable(`a ${type} load balancer does not parse HTTP headers`);
    const value = loadBalancerAttribute(balancer, 'routing.http.drop_invalid_header_fields.enabled');
    if (isUnknown(value)) return unknown(value, 'LoadBalancerAttributes');
    if (value === 'true') return pass('invalid header fields are dropped', 'LoadBalancerAttributes');
    return fail(
      value === undefined
        ? 'routing.http.drop_invalid_header_fields.enabled is not set; the default (false) passes headers with invalid names to the targets'
        : `routing.http.drop_invalid_header_fields.enabled is ${value}`,
      'LoadBalancerAttributes',
    );
  },
});
