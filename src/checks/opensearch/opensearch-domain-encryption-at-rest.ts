// Compliant: the domain encrypts its indices, logs and snapshots at rest (EncryptionAtRestOptions.Enabled: true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'opensearch-domain-encryption-at-rest',
  title: 'OpenSearch domain is encrypted at rest',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'Encryption at rest protects the domain\'s indices, swap files, logs and automated snapshots with a KMS key. It is off unless the customer turns it on, and fine-grained access control requires it.',
  remediation: {
    console: 'OpenSearch console > domain > Security configuration > Edit > Enable encryption of data at rest.',
    cloudformation: 'AWS::OpenSearchService::Domain.EncryptionAtRestOptions: { Enabled: true, KmsKeyId: !Ref DomainKey }',
    terraform: 'aws_opensearch_domain { encrypt_at_rest { enabled = true } }',
  },
  evaluate(domain) {
    const enabled = bool(at(domain.properties, 'EncryptionAtRestOptions', 'Enabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'EncryptionAtRestOptions.Enabled');
    if (enabled === true) return pass('data at rest is encrypted', 'EncryptionAtRestOptions.Enabled');
    if (enabled === false) return fail('encryption at rest is disabled', 'EncryptionAtRestOptions.Enabled');
    return fail('encryption at rest is not enabled (off by default)');
  },
});
