// Compliant: the MSK cluster encrypts its broker volumes with a customer managed KMS key (EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown } from '../../inventory/readers.js';
import { KMS_KEY_READS, kmsKeyChoice } from '../lib/data-stores.js';

const PATH = 'EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId';

export default defineCheck({
  id: 'msk-cluster-cmk-encryption',
  title: 'MSK cluster encrypts data at rest with a customer managed KMS key',
  service: 'msk',
  resourceTypes: ['AWS::MSK::Cluster'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'MSK always encrypts broker storage, by default under the AWS managed key aws/kafka, whose policy nobody can narrow and which cannot be disabled to cut access. A customer managed key puts who may decrypt the topics\' data under the customer\'s key policy, with every use in CloudTrail. The key is chosen when the cluster is created; choosing it is the customer\'s side.',
  remediation: {
    console: 'The key is set at creation: create a new cluster with "Use customer managed key" under encryption at rest, and move producers and consumers to it (MirrorMaker can copy the topics).',
    cloudformation: 'AWS::MSK::Cluster.EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId: the ARN of a customer managed KMS key',
    terraform: 'aws_msk_cluster { encryption_info { encryption_at_rest_kms_key_arn = aws_kms_key.kafka.arn } }',
  },
  evaluate(cluster, context) {
    const value = at(cluster.properties, 'EncryptionInfo', 'EncryptionAtRest', 'DataVolumeKMSKeyId');
    const choice = kmsKeyChoice(value, context.inventory, cluster);
    if (isUnknown(choice)) return unknown(choice, PATH);
    if (choice === undefined) return fail('no KMS key is set, so the broker volumes are encrypted under the AWS managed key aws/kafka', PATH);
    if (choice.kind === 'aws-managed') return fail(`the broker volumes are encrypted under the AWS managed key ${choice.label}, which the customer cannot control`, PATH);
    return pass(`the broker volumes are encrypted under the customer managed ${choice.label}`, PATH);
  },
});
