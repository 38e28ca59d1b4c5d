// Compliant: the HTTPS or TLS listener uses a security policy whose oldest protocol is TLS 1.2 (ELBSecurityPolicy-TLS13-1-2-*, -FS-1-2-*, -TLS-1-2-* ...).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { ELB_API_DEFAULT_POLICY, elbPolicyMinimumTls, formatTls, TLS_1_2, tlsAtLeast } from '../lib/network.js';

export default defineCheck({
  id: 'elb-listener-modern-tls-policy',
  title: 'Load balancer listener uses a TLS 1.2+ security policy',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'The security policy decides which protocol versions and ciphers clients may negotiate. Policies that still accept TLS 1.0 or 1.1 allow downgrades to protocols with known weaknesses and fail PCI DSS and similar standards. AWS publishes the policies; the listener\'s choice is the customer\'s. Note that a template that names no policy gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0.',
  remediation: {
    console: 'EC2 console > Load balancers > the load balancer > Listeners > the HTTPS/TLS listener > Edit > Security policy: ELBSecurityPolicy-TLS13-1-2-2021-06 (or a stricter TLS13 policy).',
    cloudformation: 'AWS::ElasticLoadBalancingV2::Listener.SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06',
    terraform: 'aws_lb_listener.ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"',
  },
  evaluate(listener) {
    const protocol = str(listener.properties['Protocol']);
    if (isUnknown(protocol)) return unknown(protocol, 'Protocol');
    if (protocol !== 'HTTPS' && protocol !== 'TLS') {
      return notApplicable(`a ${protocol ?? 'protocol-less (Gateway Load Balancer)'} listener negotiates no TLS of its own`);
    }
    const named = str(listener.properties['SslPolicy']);
    if (isUnknown(named)) return unknown(named, 'SslPolicy');
    const policy = named ?? ELB_API_DEFAULT_POLICY;
    const source = named === undefined ? `SslPolicy is not set, so the listener gets ${ELB_API_DEFAULT_POLICY}` : `the listener uses ${policy}`;
    const minimum = elbPolicyMinimumTls(policy);
    if (minimum === undefined) return unknown(`${source}, a policy whose protocol versions this check does not know`, 'SslPolicy');
    if (tlsAtLeast(minimum, TLS_1_2)) return pass(`${source}, which requires ${formatTls(minimum)} or later`, 'SslPolicy');
    return fail(`${source}, which still accepts ${formatTls(minimum)}`, named === undefined ? 'Protocol' : 'SslPolicy');
  },
});
