// Compliant: the MSK cluster requires clients to authenticate (IAM, SASL/SCRAM or mutual TLS on, unauthenticated access off).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, record } from '../../inventory/readers.js';
import type { PropRecord } from '../../inventory/values.js';

const METHODS: ReadonlyArray<{ name: string; path: readonly string[] }> = [
  { name: 'IAM', path: ['Sasl', 'Iam', 'Enabled'] },
  { name: 'SASL/SCRAM', path: ['Sasl', 'Scram', 'Enabled'] },
  { name: 'mutual TLS', path: ['Tls', 'Enabled'] },
];

export default defineCheck({
  id: 'msk-cluster-unauthenticated-access-disabled',
  title: 'MSK cluster does not allow unauthenticated clients',
  service: 'msk',
  resourceTypes: ['AWS::MSK::Cluster'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A cluster with unauthenticated access on, or with no client authentication configured at all, lets any client that reaches a broker produce and consume every topic: Kafka ACLs cannot tell one anonymous client from another. IAM, SASL/SCRAM or mutual TLS authentication ties each connection to an identity the customer controls; choosing them and turning unauthenticated access off is the customer\'s side.',
  remediation: {
    console: 'MSK console > cluster > Properties > Security settings > Edit: turn on IAM role-based, SASL/SCRAM or TLS client authentication and clear "Unauthenticated access".',
    cloudformation: 'AWS::MSK::Cluster.ClientAuthentication: { Sasl: { Iam: { Enabled: true } }, Unauthenticated: { Enabled: false } }',
    terraform: 'aws_msk_cluster { client_authentication { unauthenticated = false, sasl { iam = true } } }',
  },
  evaluate(cluster) {
    const authentication = record(at(cluster.properties, 'ClientAuthentication'));
    if (isUnknown(authentication)) return unknown(authentication, 'ClientAuthentication');
    if (authentication === undefined) return fail('ClientAuthentication is not set: clients connect without authenticating', 'ClientAuthentication');
    const anonymous = bool(at(authentication, 'Unauthenticated', 'Enabled'));
    if (isUnknown(anonymous)) return unknown(anonymous, 'ClientAuthentication.Unauthenticated.Enabled');
    if (anonymous === true) return fail('unauthenticated access is on: any client that reaches a broker is let in', 'ClientAuthentication.Unauthenticated.Enabled');
    return judgeMethods(authentication);
  },
});

/** With unauthenticated access off or unset, at least one authentication method must be on, or no client is named. */
function judgeMethods(authentication: PropRecord) {
  const on: string[] = [];
  for (const method of METHODS) {
    const enabled = bool(at(authentication, ...method.path));
    if (isUnknown(enabled)) return unknown(enabled, `ClientAuthentication.${method.path.join('.')}`);
    if (enabled === true) on.push(method.name);
  }
  if (on.length === 0) return fail('no client authentication method is on: clients connect without authenticating', 'ClientAuthentication');
  return pass(`clients must authenticate with ${on.join(', ')}; unauthenticated access is off`, 'ClientAuthentication');
}
