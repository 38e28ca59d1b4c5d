// Compliant: events the function fails to process asynchronously are kept: it has a dead-letter queue (DeadLetterConfig.TargetArn) or an asynchronous invocation configuration (AWS::Lambda::EventInvokeConfig) with an on-failure destination.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, str } from '../../inventory/readers.js';
import { isReference, isUnknown, type PropValue } from '../../inventory/values.js';

const EVENT_INVOKE_CONFIG = 'AWS::Lambda::EventInvokeConfig';

/** Where a target setting points, or an Unknown; undefined when unset. */
function target(value: PropValue | undefined, path: string, what: string): Evaluation | undefined {
  if (isReference(value)) return pass(`${what} ${value.target}`, path);
  const text = str(value);
  if (isUnknown(text)) return text.template !== undefined ? pass(`${what} a target set at deploy time`, path) : unknown(text, path);
  return typeof text === 'string' && text !== '' ? pass(`${what} ${text}`, path) : undefined;
}

export default defineCheck({
  id: 'lambda-function-dead-letter',
  title: 'Lambda function keeps failed asynchronous events',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Function'],
  reads: [EVENT_INVOKE_CONFIG],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'low',
  rationale:
    'Lambda retries an asynchronous event (from S3, SNS, EventBridge ...) twice and then discards it: without a dead-letter queue or an on-failure destination, the event and the data it carried are gone, with only a metric to say so. Lambda delivers failed events where it is told; naming the target is the customer\'s. AWS Config\'s lambda-dlq-check accepts only a dead-letter queue; demarc also accepts an on-failure destination (of any version or alias), which AWS recommends. Functions invoked only synchronously do not need either, which no configuration shows.',
  remediation: {
    console: 'Lambda console > the function > Configuration > Destinations > Add destination: Asynchronous invocation, On failure, an SQS queue, SNS topic, Lambda function, EventBridge bus or S3 bucket (or Asynchronous invocation > Edit > Dead-letter queue).',
    cloudformation: 'AWS::Lambda::EventInvokeConfig {FunctionName: !Ref Function, Qualifier: $LATEST, DestinationConfig: {OnFailure: {Destination: <ARN>}}}, or AWS::Lambda::Function.DeadLetterConfig.TargetArn',
    terraform: 'aws_lambda_function_event_invoke_config { destination_config { on_failure { destination = ... } } }, or aws_lambda_function dead_letter_config { target_arn = ... }',
  },
  evaluate(fn, context) {
    const queue = target(at(fn.properties, 'DeadLetterConfig', 'TargetArn'), 'DeadLetterConfig.TargetArn', 'failed asynchronous events go to the dead-letter queue');
    if (queue?.status === 'pass') return queue;
    const verdicts = context.inventory.referrers(fn, EVENT_INVOKE_CONFIG, 'FunctionName').map((config) => {
      const destinations = config.properties['DestinationConfig'];
      if (isUnknown(destinations)) return unknown(destinations, 'DestinationConfig');
      const qualifier = str(config.properties['Qualifier']);
      return target(at(destinations, 'OnFailure', 'Destination'), 'DeadLetterConfig', `failed asynchronous events${typeof qualifier === 'string' ? ` of ${qualifier}` : ''} go to the on-failure destination`);
    });
    const passing = verdicts.find((verdict) => verdict?.status === 'pass');
    if (passing) return passing;
    const unread = queue ?? verdicts.find((verdict) => verdict?.status === 'unknown');
    if (unread) return unread;
    return fail('the function has no dead-letter queue and no on-failure destination: asynchronous events that fail after the retries are discarded', 'DeadLetterConfig');
  },
});
