// Compliant: the access policy admits no one anonymously, or fine-grained access control authenticates every request.
import { defineCheck, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { openPolicyProblems } from '../lib/data-stores.js';

export default defineCheck({
  id: 'opensearch-domain-access-policy-not-public',
  title: 'OpenSearch domain access policy does not grant access to everyone',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'critical',
  rationale:
    'An access policy that allows Principal "*" without a condition such as aws:SourceIp lets anyone who reaches the endpoint read, write or delete indices without signing requests. That is safe only when fine-grained access control authenticates users itself. The access policy is entirely the customer\'s.',
  remediation: {
    console: 'OpenSearch console > domain > Security configuration > Access policy: name IAM principals, restrict by source IP, or enable fine-grained access control.',
    cloudformation: 'AWS::OpenSearchService::Domain.AccessPolicies: name IAM principals instead of "*" (or AdvancedSecurityOptions.Enabled: true)',
    terraform: 'aws_opensearch_domain_policy / access_policies: no Allow for principals "*" without a condition, or advanced_security_options { enabled = true }',
  },
  evaluate(domain) {
    const document = domain.properties['AccessPolicies'];
    if (document === undefined || document === null) {
      return pass('no access policy is set, so it grants no one access on its own');
    }
    const problems = openPolicyProblems(document, 'the access policy', 'AccessPolicies');
    if (problems.length === 0) return pass('the access policy admits no anonymous or public principal', 'AccessPolicies');
    if (!problems.some((problem) => problem.status === 'fail')) return problems;
    const fineGrained = bool(at(domain.properties, 'AdvancedSecurityOptions', 'Enabled'));
    if (isUnknown(fineGrained)) return unknown(fineGrained, 'AdvancedSecurityOptions.Enabled');
    if (fineGrained === true) {
      return pass('the access policy is open, but fine-grained access control authenticates every request', 'AdvancedSecurityOptions.Enabled');
    }
    return problems;
  },
});
