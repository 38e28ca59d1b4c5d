// Compliant: every HTTPS or SSL listener of the Classic Load Balancer negotiates with the predefined policy ELBSecurityPolicy-TLS-1-2-2017-01.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import type { PropRecord, PropValue } from '../../inventory/values.js';
import { Unknown } from '../../inventory/values.js';
import { notAcceptedByAws } from '../lib/aws-accepts.js';

/** The only predefined Classic Load Balancer policy that accepts TLS 1.2 alone. */
const STRONG_POLICY = 'ELBSecurityPolicy-TLS-1-2-2017-01';
/** What AWS attaches to an HTTPS or SSL listener created without a policy. */
const DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';
const SSL_POLICY_TYPE = 'SSLNegotiationPolicyType';
const REFERENCE = 'Reference-Security-Policy';

interface Policy {
  type: string | Unknown | undefined;
  attributes: PropValue | undefined;
}

/** The load balancer's policies by name; unknown when the list or a name cannot be read. */
function policiesByName(properties: PropRecord): Map<string, Policy> | Unknown {
  const policies = list(properties['Policies']);
  if (isUnknown(policies)) return policies;
  const byName = new Map<string, Policy>();
  for (const policy of policies ?? []) {
    const name = str(at(policy, 'PolicyName'));
    if (isUnknown(name)) return name;
    if (name !== undefined) byName.set(name, { type: str(at(policy, 'PolicyType')), attributes: at(policy, 'Attributes') });
  }
  return byName;
}

/**
 * The policy names of the listener on `port`: its own, or those a separate resource (Terraform's listener policy) set for
 * that port, which replace them. Two separate settings for one port leave the outcome to the order they were applied in.
 */
function listenerPolicyNames(listener: PropValue, port: string | undefined, separate: PropValue[] | undefined): PropValue | undefined {
  const matching = (separate ?? []).filter((entry) => {
    const entryPort = at(entry, 'LoadBalancerPort');
    return isUnknown(entryPort) || (entryPort !== undefined && port !== undefined && String(entryPort) === port);
  });
  if (matching.length > 1) return new Unknown(`${matching.length} separate resources set the policies of the listener on port ${port ?? '?'}`);
  const [only] = matching;
  if (only !== undefined) return isUnknown(at(only, 'LoadBalancerPort')) ? new Unknown('a separate listener policy names a port that cannot be read') : at(only, 'PolicyNames');
  return at(listener, 'PolicyNames');
}

/** The predefined policy a listener negotiates with, or an evaluation when it cannot say. */
function judgeListener(names: PropValue | undefined, policies: Map<string, Policy>, label: string, path: string): Evaluation {
  const entries = list(names);
  if (isUnknown(entries)) return unknown(entries, path);
  const sslPolicies: Policy[] = [];
  const unresolved: string[] = [];
  for (const entry of entries ?? []) {
    const name = str(entry);
    if (isUnknown(name)) return unknown(name, path);
    if (name === undefined) continue;
    const policy = policies.get(name);
    if (policy === undefined) unresolved.push(name);
    else if (isUnknown(policy.type)) return unknown(policy.type, 'Policies');
    else if (policy.type === SSL_POLICY_TYPE) sslPolicies.push(policy);
  }
  if (sslPolicies.length === 0) {
    if (unresolved.length > 0) return unknown(`${label} names ${unresolved.join(', ')}, not a policy of the load balancer in this scan`, path);
    return fail(`${label} has no SSL negotiation policy, so AWS gives it ${DEFAULT_POLICY}, which still accepts TLS 1.0`, path);
  }
  if (sslPolicies.length > 1) return unknown(`${label} names ${sslPolicies.length} SSL negotiation policies`, path);
  const [policy] = sslPolicies;
  const attributes = list(policy?.attributes);
  if (isUnknown(attributes)) return unknown(attributes, 'Policies');
  const reference = (attributes ?? []).find((attribute) => at(attribute, 'Name') === REFERENCE);
  if (reference === undefined) return fail(`${label} uses a custom SSL negotiation policy, not the predefined ${STRONG_POLICY}`, path);
  const referenced = str(at(reference, 'Value'));
  if (isUnknown(referenced)) return unknown(referenced, 'Policies');
  if (referenced === STRONG_POLICY) return pass(`${label} uses ${STRONG_POLICY}`, path);
  return fail(`${label} uses ${referenced ?? 'a policy with no reference value'}, not ${STRONG_POLICY}`, path);
}

export default defineCheck({
  id: 'elb-classic-predefined-tls-policy',
  title: 'Classic Load Balancer HTTPS/SSL listeners use the TLS 1.2 predefined policy',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    `The SSL negotiation policy of a Classic Load Balancer listener decides which protocol versions and ciphers clients may use. Of the predefined policies only ${STRONG_POLICY} refuses TLS 1.0 and 1.1; a listener created without a policy gets ${DEFAULT_POLICY}, which accepts TLS 1.0. AWS publishes the policies; choosing one is the customer's. As Security Hub does, demarc fails custom policies too, since their protocols and ciphers are not kept current by AWS.`,
  remediation: {
    console: `EC2 console > Load balancers > the Classic Load Balancer > Listeners > the HTTPS/SSL listener > Edit > Security policy: ${STRONG_POLICY}.`,
    cloudformation: `AWS::ElasticLoadBalancing::LoadBalancer.Policies: [{PolicyName: tls-1-2, PolicyType: ${SSL_POLICY_TYPE}, Attributes: [{Name: ${REFERENCE}, Value: ${STRONG_POLICY}}]}] and Listeners[].PolicyNames: [tls-1-2]`,
    terraform: `aws_load_balancer_policy { policy_type_name = "${SSL_POLICY_TYPE}", policy_attribute { name = "${REFERENCE}", value = "${STRONG_POLICY}" } } with aws_load_balancer_listener_policy for the listener's port`,
  },
  evaluate(balancer) {
    const listeners = list(balancer.properties['Listeners']);
    if (isUnknown(listeners)) return unknown(listeners, 'Listeners');
    if (listeners === undefined || listeners.length === 0) return notAcceptedByAws('the load balancer has no listener, which every Classic Load Balancer needs', 'Listeners');
    const separate = list(balancer.properties['ListenerPolicies']);
    if (isUnknown(separate)) return unknown(separate, 'ListenerPolicies');
    let policies: Map<string, Policy> | Unknown | undefined;
    const results: Evaluation[] = [];
    for (const [index, listener] of listeners.entries()) {
      const protocol = str(at(listener, 'Protocol'));
      if (isUnknown(protocol)) {
        results.push(unknown(protocol, `Listeners.${index}.Protocol`));
        continue;
      }
      const upper = protocol?.toUpperCase();
      if (upper !== 'HTTPS' && upper !== 'SSL') continue;
      const port = str(at(listener, 'LoadBalancerPort'));
      if (isUnknown(port)) {
        results.push(unknown(port, `Listeners.${index}.LoadBalancerPort`));
        continue;
      }
      policies ??= policiesByName(balancer.properties);
      if (isUnknown(policies)) return unknown(policies, 'Policies');
      const label = `the ${upper} listener ${port === undefined ? `#${index}` : `on port ${port}`}`;
      results.push(judgeListener(listenerPolicyNames(listener, port, separate), policies, label, `Listeners.${index}.PolicyNames`));
    }
    if (results.length === 0) return notApplicable('the load balancer has no HTTPS or SSL listener');
    return results;
  },
});
