// Compliant: Kubernetes secrets are envelope-encrypted with a customer-managed KMS key (EncryptionConfig with Resources [secrets] and a Provider KeyArn).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, strings } from '../../inventory/readers.js';

export default defineCheck({
  id: 'eks-secrets-encryption-cmk',
  title: 'EKS secrets are encrypted with a customer-managed KMS key',
  service: 'eks',
  resourceTypes: ['AWS::EKS::Cluster'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'EKS encrypts Kubernetes API data with an AWS-owned key on 1.28 and later, which the customer can neither audit nor revoke; older clusters only have disk-level encryption of etcd. Envelope encryption with a customer-managed KMS key puts the key of every Secret under the customer\'s key policy and CloudTrail.',
  remediation: {
    console: 'EKS console > cluster > Overview > Secrets encryption > Enable, with a customer-managed KMS key.',
    cloudformation: 'AWS::EKS::Cluster.EncryptionConfig: [{Resources: [secrets], Provider: {KeyArn: <KMS key ARN>}}]',
    terraform: 'aws_eks_cluster { encryption_config { resources = ["secrets"], provider { key_arn = aws_kms_key.x.arn } } }',
  },
  evaluate(cluster) {
    const configs = list(at(cluster.properties, 'EncryptionConfig'));
    if (isUnknown(configs)) return unknown(configs, 'EncryptionConfig');
    if (configs === undefined || configs.length === 0) {
      return fail('EncryptionConfig is not set: secrets are encrypted only with keys the customer does not control');
    }
    for (const [index, config] of configs.entries()) {
      const resources = strings(at(config, 'Resources'));
      const unresolved = resources?.find(isUnknown);
      if (unresolved) return unknown(unresolved, `EncryptionConfig.${index}.Resources`);
      if (!resources?.includes('secrets')) continue;
      const key = at(config, 'Provider', 'KeyArn');
      if (key === undefined || key === null || key === '') return fail('the secrets encryption entry names no KMS key', `EncryptionConfig.${index}`);
      return pass('secrets are envelope-encrypted with a customer-managed KMS key', `EncryptionConfig.${index}`);
    }
    return fail('EncryptionConfig does not cover secrets', 'EncryptionConfig');
  },
});
