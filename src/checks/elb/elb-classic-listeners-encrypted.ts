// Compliant: every front-end listener of the Classic Load Balancer uses HTTPS or SSL, never plain HTTP or TCP.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import { notAcceptedByAws } from '../lib/aws-accepts.js';

export default defineCheck({
  id: 'elb-classic-listeners-encrypted',
  title: 'Classic Load Balancer listeners use HTTPS or SSL',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'A Classic Load Balancer listener on HTTP or TCP carries client traffic in clear text, and unlike an Application Load Balancer it cannot redirect HTTP to HTTPS. Each listener\'s front-end protocol is the customer\'s choice; only HTTPS and SSL listeners encrypt between the client and the load balancer.',
  remediation: {
    console: 'EC2 console > Load balancers > the Classic Load Balancer > Listeners > Edit: change each HTTP or TCP listener to HTTPS or SSL with a certificate, or migrate to an Application Load Balancer that redirects HTTP to HTTPS.',
    cloudformation: 'AWS::ElasticLoadBalancing::LoadBalancer.Listeners[].Protocol: HTTPS (or SSL) with SSLCertificateId',
    terraform: 'aws_elb listener { lb_protocol = "https", ssl_certificate_id = ... }',
  },
  evaluate(balancer) {
    const listeners = list(balancer.properties['Listeners']);
    if (isUnknown(listeners)) return unknown(listeners, 'Listeners');
    if (listeners === undefined || listeners.length === 0) return notAcceptedByAws('the load balancer has no listener, which every Classic Load Balancer needs', 'Listeners');
    return listeners.map((listener, index): Evaluation => {
      const path = `Listeners.${index}.Protocol`;
      const protocol = str(at(listener, 'Protocol'));
      if (isUnknown(protocol)) return unknown(protocol, path);
      const port = str(at(listener, 'LoadBalancerPort'));
      const label = `listener ${typeof port === 'string' ? `on port ${port}` : `#${index}`}`;
      if (protocol === undefined) return notAcceptedByAws(`${label} has no Protocol, which every listener needs`, path);
      const upper = protocol.toUpperCase();
      if (upper === 'HTTPS' || upper === 'SSL') return pass(`${label} uses ${upper}`, path);
      return fail(`${label} uses ${upper}: client traffic is not encrypted`, path);
    });
  },
});
