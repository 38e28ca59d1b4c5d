// Compliant: the CodeCommit repository is encrypted with a customer managed KMS key (KmsKeyId), not aws/codecommit.
import { defineCheck } from '../define-check.js';
import { judgeCustomerKey } from '../lib/customer-key.js';
import { KMS_KEY_READS } from '../lib/data-stores.js';

export default defineCheck({
  id: 'codecommit-repository-kms-encryption',
  title: 'CodeCommit repository is encrypted with a customer managed KMS key',
  service: 'codecommit',
  resourceTypes: ['AWS::CodeCommit::Repository'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'CodeCommit always encrypts repository data at rest, by default under the AWS managed key aws/codecommit, whose policy the customer cannot change: anyone in the account with CodeCommit read rights can read through it. Source code often carries the organisation\'s most sensitive logic and, by accident, secrets; a customer managed key puts reading it under a key policy the customer writes, logs every use in CloudTrail, and lets the customer cut access by disabling the key.',
  remediation: {
    console: 'CodeCommit console > Repositories > the repository > Settings: choose a customer managed KMS key (the AWS CLI: aws codecommit update-repository-encryption-key).',
    cloudformation: 'AWS::CodeCommit::Repository.KmsKeyId: !GetAtt RepositoryKey.Arn',
    terraform: 'aws_codecommit_repository { kms_key_id = aws_kms_key.codecommit.arn }',
  },
  evaluate(repository, context) {
    return judgeCustomerKey(repository, context, 'KmsKeyId', 'no KMS key is set: the repository is encrypted under the AWS managed key aws/codecommit');
  },
});
