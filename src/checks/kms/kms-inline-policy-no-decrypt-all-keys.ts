// Compliant: no inline policy of a role, user or group allows kms:Decrypt or kms:ReEncryptFrom on every KMS key.
import { defineCheck, notApplicable, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { judgePermissionStatements, permissionDocuments } from '../lib/credentials.js';
import { judgeDecryptOnAllKeys } from '../lib/kms-decrypt.js';

export default defineCheck({
  id: 'kms-inline-policy-no-decrypt-all-keys',
  title: 'Inline policies do not allow decryption with every KMS key',
  service: 'kms',
  resourceTypes: ['AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'medium',
  rationale:
    'Whoever may call kms:Decrypt (or kms:ReEncryptFrom) with a key can read what it protects, wherever the ciphertext sits. Allowed on every key, the permission reaches data the holder was never meant to see. Like Security Hub KMS.2, demarc judges the inline policies embedded in roles, users and groups (AWS::IAM::Policy in a template is one), and fails an Allow of either action on Resource "*", on a key ARN open in Region and account, or with NotResource; like the AWS Config rule behind it, demarc does not weigh the statement\'s Condition.',
  remediation: {
    console: 'IAM console > Roles (or Users, User groups) > the identity > Permissions > the inline policy > Edit: scope kms:Decrypt and kms:ReEncryptFrom to the ARNs of the keys it needs.',
    cloudformation: 'Policies[].PolicyDocument.Statement[] (or AWS::IAM::Policy.PolicyDocument): { Effect: Allow, Action: kms:Decrypt, Resource: !GetAtt DataKey.Arn }',
    terraform: 'aws_iam_role_policy { policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = aws_kms_key.data.arn }] }) }',
  },
  evaluate(resource) {
    const { failures, doubts } = judgePermissionStatements(resource, judgeDecryptOnAllKeys);
    // Inline policies that cannot be read (an !If on an undecided condition) may allow anything: never "no policy".
    const inline = resource.properties['Policies'];
    if (resource.type !== 'AWS::IAM::Policy' && isUnknown(inline)) doubts.push(unknown(inline, 'Policies'));
    if (failures.length > 0) return failures;
    if (doubts.length > 0) return doubts;
    if (permissionDocuments(resource).length === 0) return notApplicable('no inline policy');
    return pass('no inline statement allows kms:Decrypt or kms:ReEncryptFrom on every KMS key');
  },
});
