// Compliant: the DAX cluster encrypts its cached data at rest (SSESpecification.SSEEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'dax-cluster-encryption-at-rest',
  title: 'DAX cluster encrypts data at rest',
  service: 'dax',
  resourceTypes: ['AWS::DAX::Cluster'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'A DAX cluster keeps copies of DynamoDB items in its cache, on disk logs and in memory, and encrypts them at rest only when created with server-side encryption: it is off by default and cannot be turned on for an existing cluster. Asking for it is the customer\'s side, even when the tables behind the cluster are encrypted.',
  remediation: {
    console: 'Encryption at rest is set at creation: create a new DAX cluster with "Enable encryption" checked, point clients at it, and delete the old one.',
    cloudformation: 'AWS::DAX::Cluster.SSESpecification: { SSEEnabled: true }',
    terraform: 'aws_dax_cluster { server_side_encryption { enabled = true } }',
  },
  evaluate(cluster) {
    const enabled = bool(at(cluster.properties, 'SSESpecification', 'SSEEnabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'SSESpecification.SSEEnabled');
    if (enabled === true) return pass('data at rest is encrypted', 'SSESpecification.SSEEnabled');
    return fail(enabled === false ? 'SSESpecification.SSEEnabled is false: cached data is stored unencrypted' : 'SSESpecification is not set, and a DAX cluster is unencrypted at rest by default', 'SSESpecification');
  },
});
