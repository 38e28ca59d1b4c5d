// Compliant: the endpoint configuration names a customer managed KMS key (KmsKeyId) for the storage of its instances.
import { defineCheck } from '../define-check.js';
import { KMS_KEY_READS } from '../lib/data-stores.js';
import { judgeCustomerKey } from '../lib/customer-key.js';

export default defineCheck({
  id: 'sagemaker-endpoint-config-kms-encryption',
  title: 'SageMaker endpoint configuration encrypts with a customer managed KMS key',
  service: 'sagemaker',
  resourceTypes: ['AWS::SageMaker::EndpointConfig'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'The ML storage volumes attached to the instances behind an endpoint hold the model and the data it serves. Without KmsKeyId SageMaker encrypts them with a key AWS manages, which the customer can neither restrict nor revoke. A customer managed key adds a key policy the customer writes and a CloudTrail record of every use. As with AWS Config\'s rule, a configuration whose instance types have only local NVMe storage (which AWS encrypts in hardware and for which SageMaker refuses a key) fails here too: demarc does not judge instance types.',
  remediation: {
    console: 'Endpoint configurations cannot be changed: create a new one with an encryption key, then update the endpoint to use it.',
    cloudformation: 'AWS::SageMaker::EndpointConfig.KmsKeyId: the ARN of a customer managed KMS key',
    terraform: 'aws_sagemaker_endpoint_configuration { kms_key_arn = aws_kms_key.models.arn }',
  },
  evaluate(config, context) {
    return judgeCustomerKey(config, context, 'KmsKeyId', 'no KMS key is set: the instance storage is encrypted only with a key AWS manages');
  },
});
