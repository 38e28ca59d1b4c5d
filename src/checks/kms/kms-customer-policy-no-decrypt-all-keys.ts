// Compliant: no customer managed IAM policy allows kms:Decrypt or kms:ReEncryptFrom on every KMS key.
import { defineCheck, notApplicable, pass } from '../define-check.js';
import { judgePermissionStatements } from '../lib/credentials.js';
import { judgeDecryptOnAllKeys } from '../lib/kms-decrypt.js';

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

export default defineCheck({
  id: 'kms-customer-policy-no-decrypt-all-keys',
  title: 'Customer managed policies do not allow decryption with every KMS key',
  service: 'kms',
  resourceTypes: ['AWS::IAM::ManagedPolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'medium',
  rationale:
    'Whoever may call kms:Decrypt (or kms:ReEncryptFrom) with a key can read what it protects, wherever the ciphertext sits. Allowed on every key, the permission reaches data the holder was never meant to see, in the key policy\'s permitting accounts. Like Security Hub KMS.1, demarc judges the customer managed policies, attached or not, and fails an Allow of either action on Resource "*", on a key ARN open in Region and account, or with NotResource; like the AWS Config rule behind it, demarc does not weigh the statement\'s Condition. AWS managed policies are AWS\'s and are not judged.',
  remediation: {
    console: 'IAM console > Policies > the policy > Edit: scope kms:Decrypt and kms:ReEncryptFrom to the ARNs of the keys the role needs (or to the keys of one Region and account).',
    cloudformation: 'AWS::IAM::ManagedPolicy.PolicyDocument.Statement[]: { Effect: Allow, Action: kms:Decrypt, Resource: !GetAtt DataKey.Arn }',
    terraform: 'aws_iam_policy { policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = aws_kms_key.data.arn }] }) }',
  },
  evaluate(policy) {
    if (AWS_MANAGED.test(policy.arn ?? policy.id)) return notApplicable('an AWS managed policy: KMS.1 judges customer managed policies');
    const { failures, doubts } = judgePermissionStatements(policy, judgeDecryptOnAllKeys);
    if (failures.length > 0) return failures;
    if (doubts.length > 0) return doubts;
    return pass('no statement allows kms:Decrypt or kms:ReEncryptFrom on every KMS key');
  },
});
