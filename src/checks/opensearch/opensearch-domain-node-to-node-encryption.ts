// Compliant: traffic between the domain's nodes is encrypted with TLS (NodeToNodeEncryptionOptions.Enabled: true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'opensearch-domain-node-to-node-encryption',
  title: 'OpenSearch domain encrypts traffic between its nodes',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'Nodes of a domain exchange documents and query results among themselves. Node-to-node encryption wraps that traffic in TLS inside the VPC; it is off unless the customer enables it, and fine-grained access control requires it.',
  remediation: {
    console: 'OpenSearch console > domain > Security configuration > Edit > Node-to-node encryption.',
    cloudformation: 'AWS::OpenSearchService::Domain.NodeToNodeEncryptionOptions.Enabled: true',
    terraform: 'aws_opensearch_domain { node_to_node_encryption { enabled = true } }',
  },
  evaluate(domain) {
    const enabled = bool(at(domain.properties, 'NodeToNodeEncryptionOptions', 'Enabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'NodeToNodeEncryptionOptions.Enabled');
    if (enabled === true) return pass('traffic between nodes is encrypted', 'NodeToNodeEncryptionOptions.Enabled');
    if (enabled === false) return fail('node-to-node encryption is disabled', 'NodeToNodeEncryptionOptions.Enabled');
    return fail('node-to-node encryption is not enabled (off by default)');
  },
});
