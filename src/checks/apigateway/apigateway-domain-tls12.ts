// Compliant: the API Gateway custom domain's SecurityPolicy requires TLS 1.2 or later (TLS_1_2 or an enhanced SecurityPolicy_TLS13_* / SecurityPolicy_TLS12_* policy).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, list, str } from '../../inventory/readers.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';
import type { Evaluation } from '../types.js';
import { apiGatewayPolicyMinimumTls, formatTls, TLS_1_2, tlsAtLeast } from '../lib/network.js';

function judgePolicy(value: PropValue | undefined, path: string): Evaluation {
  const policy = str(value);
  if (isUnknown(policy)) return unknown(policy, path);
  if (policy === undefined) {
    return fail('SecurityPolicy is not set, so the domain does not pin TLS 1.2 as its minimum; API Gateway can fall back to a policy that accepts TLS 1.0', path);
  }
  const minimum = apiGatewayPolicyMinimumTls(policy);
  if (minimum === undefined) return unknown(`SecurityPolicy ${policy} is a policy this check does not know`, path);
  return tlsAtLeast(minimum, TLS_1_2)
    ? pass(`SecurityPolicy ${policy} requires ${formatTls(minimum)} or later`, path)
    : fail(`SecurityPolicy ${policy} still accepts ${formatTls(minimum)}`, path);
}

export default defineCheck({
  id: 'apigateway-domain-tls12',
  title: 'API Gateway custom domain requires TLS 1.2',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'The security policy of a custom domain sets the oldest TLS version and the ciphers clients may use. TLS_1_0 still accepts TLS 1.0 with its known weaknesses; API Gateway\'s default endpoints also accept it. Picking a TLS 1.2 policy is a setting only the customer makes.',
  remediation: {
    console: 'API Gateway console > Custom domain names > the domain > Domain details > Edit > Minimum TLS version: TLS 1.2 (or a TLS 1.3 security policy).',
    cloudformation: 'AWS::ApiGateway::DomainName.SecurityPolicy: TLS_1_2 (v2: AWS::ApiGatewayV2::DomainName.DomainNameConfigurations[].SecurityPolicy)',
    terraform: 'aws_api_gateway_domain_name.security_policy = "TLS_1_2"',
  },
  evaluate(domain) {
    if (domain.type === 'AWS::ApiGateway::DomainName') return judgePolicy(domain.properties['SecurityPolicy'], 'SecurityPolicy');
    // HTTP and WebSocket APIs (v2) keep one security policy per endpoint configuration.
    const configurations = list(domain.properties['DomainNameConfigurations']);
    if (isUnknown(configurations)) return unknown(configurations, 'DomainNameConfigurations');
    if (configurations === undefined || configurations.length === 0) return judgePolicy(undefined, 'DomainNameConfigurations');
    return configurations.map((configuration, index) =>
      judgePolicy(at(configuration, 'SecurityPolicy'), `DomainNameConfigurations.${index}.SecurityPolicy`),
    );
  },
});
