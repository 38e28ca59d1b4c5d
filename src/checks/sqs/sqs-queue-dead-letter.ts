// Compliant: the queue moves messages that keep failing to a dead-letter queue (RedrivePolicy.deadLetterTargetArn); a queue that is itself the dead-letter queue of another queue in the scan is not applicable.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Resource } from '../../inventory/resource.js';
import type { InventoryView } from '../../inventory/view.js';
import { at, str } from '../../inventory/readers.js';
import { isReference, isUnknown } from '../../inventory/values.js';

const QUEUE = 'AWS::SQS::Queue';

/** Queues of the scan whose redrive policy names this queue as their dead-letter queue. */
function sourcesOf(queue: Resource, inventory: InventoryView): Resource[] {
  return inventory.ofType(QUEUE).filter((other) => other !== queue && inventory.resolve(at(other.properties, 'RedrivePolicy', 'deadLetterTargetArn'), [QUEUE]) === queue);
}

export default defineCheck({
  id: 'sqs-queue-dead-letter',
  title: 'SQS queue has a dead-letter queue',
  service: 'sqs',
  resourceTypes: [QUEUE],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'low',
  rationale:
    'Without a redrive policy, a message that consumers cannot process returns to the queue again and again until its retention period ends, then is deleted without trace, and meanwhile it keeps costing receives (and on FIFO queues it holds up its message group). A dead-letter queue keeps such messages for inspection and replay. SQS moves them; configuring the redrive policy is the customer\'s. Queues that serve as another queue\'s dead-letter queue are not judged. No AWS Config rule or Security Hub control checks this.',
  remediation: {
    console: 'SQS console > the queue > Edit > Dead-letter queue: Enabled, choose a queue of the same type (standard or FIFO) and a maximum receives count.',
    cloudformation: 'AWS::SQS::Queue.RedrivePolicy: {deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn, maxReceiveCount: 5}',
    terraform: 'aws_sqs_queue.redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.<dlq>.arn, maxReceiveCount = 5 }) (or aws_sqs_queue_redrive_policy)',
  },
  evaluate(queue, context) {
    const policy = queue.properties['RedrivePolicy'];
    if (isUnknown(policy)) return unknown(policy, 'RedrivePolicy');
    const rawTarget = at(policy, 'deadLetterTargetArn');
    if (isReference(rawTarget)) return pass(`messages that keep failing move to ${rawTarget.target}`, 'RedrivePolicy.deadLetterTargetArn');
    const target = str(rawTarget);
    if (isUnknown(target)) return target.template !== undefined ? pass('messages that keep failing move to a dead-letter queue set at deploy time', 'RedrivePolicy.deadLetterTargetArn') : unknown(target, 'RedrivePolicy.deadLetterTargetArn');
    if (typeof target === 'string' && target !== '') return pass(`messages that keep failing move to ${target}`, 'RedrivePolicy.deadLetterTargetArn');
    const sources = sourcesOf(queue, context.inventory);
    if (sources.length > 0) return notApplicable(`the queue is the dead-letter queue of ${sources.map((source) => source.name ?? source.id).join(', ')}`);
    return fail('the queue has no dead-letter queue: messages that keep failing are retried until their retention ends, then lost', 'RedrivePolicy');
  },
});
