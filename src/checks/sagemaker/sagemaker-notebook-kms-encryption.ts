// Compliant: the notebook instance's storage volume is encrypted with a customer managed KMS key (KmsKeyId).
import { defineCheck } from '../define-check.js';
import { KMS_KEY_READS } from '../lib/data-stores.js';
import { judgeCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'sagemaker-notebook-kms-encryption',
  title: 'SageMaker notebook instance volume is encrypted with a customer managed KMS key',
  service: 'sagemaker',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'A notebook\'s ML storage volume holds its code, data extracts and credentials files. Without KmsKeyId SageMaker encrypts it with a key AWS manages, whose use the customer can neither restrict nor revoke. A customer managed key puts reading the volume under a key policy the customer writes and logs every use in CloudTrail. Choosing the key is the customer\'s side.',
  remediation: {
    console: 'The key cannot be changed on an existing notebook: create a new notebook instance with an encryption key chosen under Permissions and encryption, then move the work over.',
    cloudformation: 'AWS::SageMaker::NotebookInstance.KmsKeyId: the id or ARN of a customer managed KMS key',
    terraform: 'aws_sagemaker_notebook_instance { kms_key_id = aws_kms_key.notebooks.arn }',
  },
  evaluate(notebook, context) {
    return judgeCustomerKey(notebook, context, 'KmsKeyId', 'no KMS key is set: the volume is encrypted only with a key AWS manages');
  },
});
