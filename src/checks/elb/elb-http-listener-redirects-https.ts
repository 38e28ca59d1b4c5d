// Compliant: a plain HTTP listener forwards nothing in clear text: its default action and every rule redirect to HTTPS or answer with a fixed response.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, list, str } from '../../inventory/readers.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';
import { notAcceptedByAws } from '../lib/aws-accepts.js';

/** What one action does with plain HTTP traffic; undefined when it is harmless. */
function judgeAction(action: PropValue, label: string, path: string | undefined): Evaluation | undefined {
  const type = str(at(action, 'Type'));
  if (isUnknown(type)) return unknown(type, path);
  if (type === 'redirect') {
    const target = str(at(action, 'RedirectConfig', 'Protocol'));
    if (isUnknown(target)) return unknown(target, path);
    if (target === 'HTTPS') return undefined;
    // The default, #{protocol}, keeps the request's own protocol: HTTP stays HTTP.
    return fail(`${label} redirects to ${target ?? '#{protocol}'} rather than HTTPS, so clients stay on plain HTTP`, path);
  }
  if (type === 'fixed-response') return undefined;
  if (type === undefined) return notAcceptedByAws(`${label} has no Type, which every listener action needs`, path);
  return fail(`${label} ${type === 'forward' ? 'forwards requests' : `performs ${type}`} over plain HTTP instead of redirecting to HTTPS`, path);
}

export default defineCheck({
  id: 'elb-http-listener-redirects-https',
  title: 'HTTP listener redirects to HTTPS',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  reads: ['AWS::ElasticLoadBalancingV2::ListenerRule'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'An HTTP listener that forwards requests serves the application in clear text, so cookies, tokens and form data can be read or altered on the way. Redirecting every HTTP request to HTTPS keeps the convenience of port 80 without the exposure. Protecting traffic in transit is the customer\'s side for load balancers.',
  remediation: {
    console: 'EC2 console > Load balancers > the load balancer > Listeners > HTTP:80 > Edit > Default action: Redirect to URL, protocol HTTPS, port 443, status 301; remove rules that forward.',
    cloudformation: 'AWS::ElasticLoadBalancingV2::Listener.DefaultActions: [{Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}}]',
    terraform: 'aws_lb_listener default_action { type = "redirect"; redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" } }',
  },
  evaluate(listener, context) {
    const protocol = str(listener.properties['Protocol']);
    if (isUnknown(protocol)) return unknown(protocol, 'Protocol');
    if (protocol !== 'HTTP') return notApplicable(`a ${protocol ?? 'protocol-less'} listener, not plain HTTP`);
    const defaults = list(listener.properties['DefaultActions']);
    if (isUnknown(defaults)) return unknown(defaults, 'DefaultActions');
    // With no action at all, "every action redirects" would hold of nothing: AWS refuses such a listener.
    if (defaults === undefined || defaults.length === 0) {
      return notAcceptedByAws('the HTTP listener has no default action, which every listener needs', 'DefaultActions');
    }
    const findings: Evaluation[] = [];
    defaults.forEach((action, index) => {
      const outcome = judgeAction(action, 'the default action', `DefaultActions.${index}`);
      if (outcome) findings.push(outcome);
    });
    for (const rule of context.inventory.referrers(listener, 'AWS::ElasticLoadBalancingV2::ListenerRule', 'ListenerArn')) {
      const actions = list(rule.properties['Actions']);
      if (isUnknown(actions)) {
        findings.push(unknown(`listener rule ${rule.id}: ${actions.reason}`));
        continue;
      }
      if (actions === undefined || actions.length === 0) {
        findings.push(notAcceptedByAws(`listener rule ${rule.id} has no action, which every rule needs`));
        continue;
      }
      for (const action of actions) {
        const outcome = judgeAction(action, `listener rule ${rule.id}`, undefined);
        if (outcome) findings.push(outcome);
      }
    }
    if (findings.length > 0) return findings;
    return pass('the HTTP listener only redirects to HTTPS or answers with fixed responses', 'DefaultActions');
  },
});
