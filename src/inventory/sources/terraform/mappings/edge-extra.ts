import { block, type MappingTable } from './dsl.js';
import { policyDocument } from './shared.js';

/** Edge, API, messaging and function settings that Terraform keeps in resources of their own. */
export const edgeExtraMappings: MappingTable = {
  // queue_url holds the queue's URL, which is the id of an aws_sqs_queue.
  aws_sqs_queue_redrive_policy: {
    cfnType: 'AWS::SQS::Queue',
    parent: { types: ['aws_sqs_queue'], attribute: 'queue_url', keys: ['id', 'url'], mode: 'assign' },
    fields: { redrive_policy: ['RedrivePolicy', policyDocument] },
  },
  aws_lambda_function_event_invoke_config: {
    cfnType: 'AWS::Lambda::EventInvokeConfig',
    fields: {
      function_name: 'FunctionName',
      qualifier: 'Qualifier',
      maximum_retry_attempts: 'MaximumRetryAttempts',
      maximum_event_age_in_seconds: 'MaximumEventAgeInSeconds',
      destination_config: [
        'DestinationConfig',
        block({ on_success: ['OnSuccess', block({ destination: 'Destination' })], on_failure: ['OnFailure', block({ destination: 'Destination' })] }),
      ],
    },
  },
};
