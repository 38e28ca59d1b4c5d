// Compliant: the log group is encrypted with a KMS key of the customer (KmsKeyId), not only with the service's own encryption.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isReference, isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'cloudwatch-log-group-kms-encryption',
  title: 'CloudWatch log group is encrypted with a customer managed KMS key',
  service: 'cloudwatch',
  resourceTypes: ['AWS::Logs::LogGroup'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'CloudWatch Logs always encrypts stored events with keys it owns, which nobody outside the service can audit or revoke. Logs that hold personal data or secrets are better kept under a KMS key of the customer: its key policy decides who may read them, CloudTrail records every use, and disabling the key cuts access at once. CloudWatch Logs accepts only customer managed keys here, so any key set passes. Choosing it is the customer\'s side of the model.',
  remediation: {
    console: 'CloudWatch console > Log groups > the group > Actions > Edit: set a KMS key ARN (the key policy must allow the logs service principal of the region).',
    cloudformation: 'AWS::Logs::LogGroup.KmsKeyId: the ARN of a customer managed KMS key',
    terraform: 'aws_cloudwatch_log_group.kms_key_id: the ARN of a customer managed KMS key',
  },
  evaluate(group) {
    const value = group.properties['KmsKeyId'];
    // A key of the template (`!GetAtt Key.Arn`) or an ARN built around deploy-time parts names a key all the same.
    if (isReference(value)) return pass(`the log group is encrypted with KMS key ${value.target}`, 'KmsKeyId');
    if (isUnknown(value) && value.template !== undefined) return pass(`the log group is encrypted with KMS key ${value.template}`, 'KmsKeyId');
    const key = str(value);
    if (isUnknown(key)) return unknown(key, 'KmsKeyId');
    if (key === undefined || key.trim() === '') return fail('the log group is encrypted only with keys the service owns: no KMS key is set', 'KmsKeyId');
    return pass(`the log group is encrypted with KMS key ${key}`, 'KmsKeyId');
  },
});
