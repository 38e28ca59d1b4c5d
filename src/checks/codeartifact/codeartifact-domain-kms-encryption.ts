// Compliant: the CodeArtifact domain encrypts its package assets with a customer managed KMS key (EncryptionKey).
import { defineCheck } from '../define-check.js';
import { KMS_KEY_READS } from '../lib/data-stores.js';
import { judgeCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'codeartifact-domain-kms-encryption',
  title: 'CodeArtifact domain is encrypted with a customer managed KMS key',
  service: 'codeartifact',
  resourceTypes: ['AWS::CodeArtifact::Domain'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'A domain stores the assets of every package in all of its repositories, encrypted with one KMS key. Without EncryptionKey that is the AWS managed key aws/codeartifact, whose policy the customer cannot change or audit beyond the account: a customer managed key lets a key policy decide who can read the packages the builds depend on, and revoking it cuts access at once. The key is fixed when the domain is created.',
  remediation: {
    console: 'The key of a domain cannot be changed: create a new domain with a customer managed KMS key (Additional configuration > Customer managed key), move the repositories\' packages to it, and delete the old domain.',
    cloudformation: 'AWS::CodeArtifact::Domain.EncryptionKey: !GetAtt ArtifactKey.Arn',
    terraform: 'aws_codeartifact_domain { encryption_key = aws_kms_key.artifacts.arn }',
  },
  evaluate(domain, context) {
    return judgeCustomerKey(domain, context, 'EncryptionKey', 'no KMS key is set: the domain encrypts its assets with the AWS managed key aws/codeartifact');
  },
});
