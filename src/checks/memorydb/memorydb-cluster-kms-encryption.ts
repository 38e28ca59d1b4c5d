// Compliant: the MemoryDB cluster encrypts its data at rest under a customer managed KMS key (KmsKeyId).
import { defineCheck } from '../define-check.js';
import { KMS_KEY_READS } from '../lib/data-stores.js';
import { judgeCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'memorydb-cluster-kms-encryption',
  title: 'MemoryDB cluster is encrypted at rest with a customer managed KMS key',
  service: 'memorydb',
  resourceTypes: ['AWS::MemoryDB::Cluster'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'MemoryDB always encrypts its data, transaction log and snapshots at rest; without KmsKeyId it uses a key that AWS owns, which the customer can neither restrict with a key policy, audit in CloudTrail, nor disable to cut off access. A customer managed key puts the data under a policy the customer writes. The key is chosen when the cluster is created.',
  remediation: {
    console: 'The key of a cluster cannot be changed: take a snapshot, restore it into a new cluster with a customer managed KMS key under "Encryption at rest", move clients, and delete the old cluster.',
    cloudformation: 'AWS::MemoryDB::Cluster.KmsKeyId: !Ref MemoryDbKey',
    terraform: 'aws_memorydb_cluster { kms_key_arn = aws_kms_key.memorydb.arn }',
  },
  evaluate(cluster, context) {
    return judgeCustomerKey(cluster, context, 'KmsKeyId', 'no KmsKeyId is set: MemoryDB encrypts the cluster with a key AWS owns, outside the customer\'s control');
  },
});
