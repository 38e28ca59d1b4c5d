// Compliant: no queue policy attached to the queue allows anyone (Principal "*" without a narrowing condition).
import { defineCheck } from '../define-check.js';
import { attachedPolicyEvaluations } from '../lib/data-stores.js';
import { detachedPolicyEvaluations } from '../lib/detached-policy.js';

export default defineCheck({
  id: 'sqs-queue-policy-not-public',
  title: 'SQS queue policy does not grant access to everyone',
  service: 'sqs',
  resourceTypes: ['AWS::SQS::Queue', 'AWS::SQS::QueuePolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A queue policy that allows Principal "*" with no condition such as aws:SourceArn lets any AWS account send, read or purge messages. Granting S3 or SNS the right to deliver into a queue needs that condition; who may use the queue is the customer\'s decision.',
  remediation: {
    console: 'SQS console > queue > Access policy > Edit: name specific principals, or add an aws:SourceArn / aws:SourceAccount condition to service grants.',
    cloudformation: 'AWS::SQS::QueuePolicy.PolicyDocument: no Allow for Principal "*" without an aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition',
    terraform: 'aws_sqs_queue_policy: no Allow for principals "*" without an aws:SourceArn or aws:SourceAccount condition',
  },
  evaluate(resource, context) {
    // A policy on queues outside the scan is judged on its own.
    if (resource.type === 'AWS::SQS::QueuePolicy') {
      return detachedPolicyEvaluations(resource, context, { targetType: 'AWS::SQS::Queue', targetProperty: 'Queues', documentProperty: 'PolicyDocument', noun: 'the queue policy', targetNoun: 'queue' });
    }
    return attachedPolicyEvaluations(resource, context, {
      type: 'AWS::SQS::QueuePolicy',
      targetProperty: 'Queues',
      documentProperty: 'PolicyDocument',
      noun: 'the queue policy',
      noneMessage: 'no queue policy is attached: only principals of the owning account, through IAM, can use the queue',
    });
  },
});
