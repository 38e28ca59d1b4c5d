// Compliant: the Classic Load Balancer's HTTP desync mitigation mode is defensive (the default) or strictest, not monitor.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'elb-classic-desync-mitigation',
  title: 'Classic Load Balancer mitigates HTTP desync attacks',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  layer: 'traffic-protection',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'Requests that the load balancer and a back end frame differently (ambiguous Content-Length and Transfer-Encoding headers) let an attacker smuggle a request past the load balancer into another user\'s connection. In defensive or strictest mode the load balancer blocks or normalises such requests; monitor mode forwards them all. AWS chose defensive as the default, and CloudFormation cannot change it; switching it to monitor (console, API or Terraform) is a customer setting. Like Security Hub, demarc judges the load balancer whatever its listeners\' protocols.',
  remediation: {
    console: 'EC2 console > Load balancers > the Classic Load Balancer > Attributes > Edit > Desync mitigation mode: Defensive or Strictest.',
    cloudformation: 'AWS::ElasticLoadBalancing::LoadBalancer has no property for the mode: the default, defensive, applies unless it is changed outside CloudFormation',
    terraform: 'aws_elb.desync_mitigation_mode = "defensive" (or "strictest"; the default is defensive)',
  },
  evaluate(balancer) {
    const path = 'DesyncMitigationMode';
    const mode = str(balancer.properties[path]);
    if (isUnknown(mode)) return unknown(mode, path);
    if (mode === undefined) return pass('the desync mitigation mode is not set, so the default, defensive, applies');
    if (mode === 'defensive' || mode === 'strictest') return pass(`the desync mitigation mode is ${mode}`, path);
    if (mode === 'monitor') return fail('the desync mitigation mode is monitor: ambiguous requests that may smuggle another request are forwarded', path);
    return unknown(`the desync mitigation mode is ${mode}, which this check does not know`, path);
  },
});
