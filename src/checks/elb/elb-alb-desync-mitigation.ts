// Compliant: the Application Load Balancer's HTTP desync mitigation mode is defensive (the default) or strictest, not monitor.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/values.js';
import { loadBalancerAttribute, loadBalancerType } from '../lib/elb-attributes.js';

const MODES = ['monitor', 'defensive', 'strictest'];

export default defineCheck({
  id: 'elb-alb-desync-mitigation',
  title: 'Application Load Balancer mitigates HTTP desync attacks',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  layer: 'traffic-protection',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'Requests that the load balancer and a back end frame differently (ambiguous Content-Length and Transfer-Encoding headers) let an attacker smuggle a request past the load balancer into another user\'s connection. In defensive or strictest mode the load balancer blocks or normalises such requests; monitor mode forwards them all. AWS chose defensive as the default; switching it to monitor is a customer setting.',
  remediation: {
    console: 'EC2 console > Load balancers > the ALB > Attributes > Edit > Packet handling > Desync mitigation mode: Defensive or Strictest.',
    cloudformation: 'AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerAttributes: [{Key: routing.http.desync_mitigation_mode, Value: defensive}] (or strictest; or leave it out)',
    terraform: 'aws_lb.desync_mitigation_mode = "defensive" (or "strictest"; the default is defensive)',
  },
  evaluate(balancer) {
    const type = loadBalancerType(balancer);
    if (isUnknown(type)) return unknown(type, 'Type');
    if (type !== 'application') return notApplicable(`a ${type} load balancer does not parse HTTP requests`);
    const mode = loadBalancerAttribute(balancer, 'routing.http.desync_mitigation_mode');
    if (isUnknown(mode)) return unknown(mode, 'LoadBalancerAttributes');
    if (mode === undefined) return pass('routing.http.desync_mitigation_mode is not set, so the default, defensive, applies', 'LoadBalancerAttributes');
    if (!MODES.includes(mode)) return unknown(`routing.http.desync_mitigation_mode is ${mode}, not a mode AWS accepts (${MODES.join(', ')})`, 'LoadBalancerAttributes');
    if (mode === 'monitor') return fail('routing.http.desync_mitigation_mode is monitor: requests that may be smuggled are forwarded', 'LoadBalancerAttributes');
    return pass(`routing.http.desync_mitigation_mode is ${mode}`, 'LoadBalancerAttributes');
  },
});
