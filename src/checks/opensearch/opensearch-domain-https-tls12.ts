// Compliant: the domain endpoint accepts only HTTPS (EnforceHTTPS) with a TLS 1.2 minimum policy (Policy-Min-TLS-1-2-*).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'opensearch-domain-https-tls12',
  title: 'OpenSearch domain requires HTTPS with TLS 1.2 or later',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'Unless HTTPS is enforced the domain endpoint also answers plain HTTP, and the long-standing TLS policy Policy-Min-TLS-1-0-2019-07 still accepts TLS 1.0 and 1.1. Requiring HTTPS with a TLS 1.2 minimum policy is the customer\'s setting.',
  remediation: {
    console: 'OpenSearch console > domain > Actions > Edit security configuration > Require HTTPS for all traffic, TLS security policy: TLS 1.2 (or TLS 1.2 with perfect forward secrecy).',
    cloudformation: 'AWS::OpenSearchService::Domain.DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10 }',
    terraform: 'aws_opensearch_domain { domain_endpoint_options { enforce_https = true, tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10" } }',
  },
  evaluate(domain) {
    const https = bool(at(domain.properties, 'DomainEndpointOptions', 'EnforceHTTPS'));
    if (isUnknown(https)) return unknown(https, 'DomainEndpointOptions.EnforceHTTPS');
    if (https !== true) {
      return fail(
        https === false ? 'HTTPS is not enforced: the endpoint also accepts plain HTTP' : 'HTTPS is not enforced (EnforceHTTPS defaults to false)',
        'DomainEndpointOptions.EnforceHTTPS',
      );
    }
    const policy = str(at(domain.properties, 'DomainEndpointOptions', 'TLSSecurityPolicy'));
    if (isUnknown(policy)) return unknown(policy, 'DomainEndpointOptions.TLSSecurityPolicy');
    if (policy === undefined) {
      return fail('HTTPS is enforced, but no TLS security policy is set: the default Policy-Min-TLS-1-0-2019-07 accepts TLS 1.0 and 1.1', 'DomainEndpointOptions');
    }
    if (!policy.startsWith('Policy-Min-TLS-1-2')) {
      return fail(`HTTPS is enforced, but TLS policy ${policy} accepts versions older than TLS 1.2`, 'DomainEndpointOptions.TLSSecurityPolicy');
    }
    return pass(`HTTPS is enforced with TLS policy ${policy}`, 'DomainEndpointOptions.TLSSecurityPolicy');
  },
});
