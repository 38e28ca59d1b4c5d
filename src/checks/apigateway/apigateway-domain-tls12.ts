// Compliant: the API Gateway custom domain's SecurityPolicy requires TLS 1.2 or later (TLS_1_2 or an enhanced SecurityPolicy_TLS13_* / SecurityPolicy_TLS12_* policy).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { apiGatewayPolicyMinimumTls, formatTls, TLS_1_2, tlsAtLeast } from '../lib/network.js';

export default defineCheck({
  id: 'apigateway-domain-tls12',
  title: 'API Gateway custom domain requires TLS 1.2',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGateway::DomainName'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'The security policy of a custom domain sets the oldest TLS version and the ciphers clients may use. TLS_1_0 still accepts TLS 1.0 with its known weaknesses; API Gateway\'s default endpoints also accept it. Picking a TLS 1.2 policy is a setting only the customer makes.',
  remediation: {
    console: 'API Gateway console > Custom domain names > the domain > Domain details > Edit > Minimum TLS version: TLS 1.2 (or a TLS 1.3 security policy).',
    cloudformation: 'AWS::ApiGateway::DomainName.SecurityPolicy: TLS_1_2',
    terraform: 'aws_api_gateway_domain_name.security_policy = "TLS_1_2"',
  },
  evaluate(domain) {
    const policy = str(domain.properties['SecurityPolicy']);
    if (isUnknown(policy)) return unknown(policy, 'SecurityPolicy');
    if (policy === undefined) {
      return fail('SecurityPolicy is not set, so the domain does not pin TLS 1.2 as its minimum; API Gateway can fall back to a policy that accepts TLS 1.0');
    }
    const minimum = apiGatewayPolicyMinimumTls(policy);
    if (minimum === undefined) return unknown(`SecurityPolicy ${policy} is a policy this check does not know`, 'SecurityPolicy');
    return tlsAtLeast(minimum, TLS_1_2)
      ? pass(`SecurityPolicy ${policy} requires ${formatTls(minimum)} or later`, 'SecurityPolicy')
      : fail(`SecurityPolicy ${policy} still accepts ${formatTls(minimum)}`, 'SecurityPolicy');
  },
});
