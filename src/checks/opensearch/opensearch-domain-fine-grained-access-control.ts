// Compliant: the domain has fine-grained access control on (AdvancedSecurityOptions.Enabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

const PATH = 'AdvancedSecurityOptions.Enabled';

export default defineCheck({
  id: 'opensearch-domain-fine-grained-access-control',
  title: 'OpenSearch domain has fine-grained access control',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'Without fine-grained access control, the domain access policy is the only gate: whoever it lets in can read and write every index. Fine-grained access control adds roles down to the index, document and field, and is what audit logs build on.',
  remediation: {
    console: 'OpenSearch console > domain > Security configuration > Edit > Enable fine-grained access control (needs HTTPS, node-to-node encryption and encryption at rest).',
    cloudformation: 'AWS::OpenSearchService::Domain.AdvancedSecurityOptions.Enabled: true',
    terraform: 'aws_opensearch_domain { advanced_security_options { enabled = true } }',
  },
  evaluate(domain) {
    const enabled = bool(at(domain.properties, 'AdvancedSecurityOptions', 'Enabled'));
    if (isUnknown(enabled)) return unknown(enabled, PATH);
    if (enabled === true) return pass('fine-grained access control is on', PATH);
    return fail(enabled === false ? 'fine-grained access control is disabled' : 'fine-grained access control is not enabled (off by default)', PATH);
  },
});
