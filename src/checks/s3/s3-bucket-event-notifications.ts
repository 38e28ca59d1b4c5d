// Compliant: the bucket sends event notifications: to an SNS topic, an SQS queue, a Lambda function or EventBridge.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, bool, isUnknown, list } from '../../inventory/readers.js';

const DESTINATIONS = ['TopicConfigurations', 'QueueConfigurations', 'LambdaConfigurations'] as const;

export default defineCheck({
  id: 's3-bucket-event-notifications',
  title: 'S3 bucket sends event notifications',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Event notifications tell the customer\'s own systems, as it happens, that objects were created, deleted, restored or replicated, so that unexpected changes to the data can be noticed and acted on. A bucket sends none by default. Like Security Hub S3.11 without its eventTypes parameter, demarc wants at least one notification to an SNS topic, an SQS queue or a Lambda function; it also accepts delivery of all events to EventBridge, which the AWS Config rule\'s destinations do not name.',
  remediation: {
    console: 'S3 console > bucket > Properties > Event notifications > Create event notification (choose the events and an SNS topic, SQS queue or Lambda function), or Amazon EventBridge > On.',
    cloudformation: 'AWS::S3::Bucket.NotificationConfiguration: { TopicConfigurations: [{ Event: "s3:ObjectRemoved:*", Topic: !Ref ChangesTopic }] } (the topic policy must let s3.amazonaws.com publish)',
    terraform: 'aws_s3_bucket_notification { bucket = aws_s3_bucket.this.id, topic { topic_arn = aws_sns_topic.changes.arn, events = ["s3:ObjectRemoved:*"] } }',
  },
  evaluate(bucket) {
    const configuration = bucket.properties['NotificationConfiguration'];
    if (isUnknown(configuration)) return unknown(configuration, 'NotificationConfiguration');
    let doubt: Evaluation | undefined;
    for (const destination of DESTINATIONS) {
      const entries = list(at(configuration, destination));
      if (isUnknown(entries)) doubt ??= unknown(entries, `NotificationConfiguration.${destination}`);
      else if (entries !== undefined && entries.length > 0) {
        return pass(`the bucket sends ${entries.length} event notification${entries.length === 1 ? '' : 's'} through ${destination}`, `NotificationConfiguration.${destination}`);
      }
    }
    const eventBridge = bool(at(configuration, 'EventBridgeConfiguration', 'EventBridgeEnabled'));
    if (isUnknown(eventBridge)) doubt ??= unknown(eventBridge, 'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled');
    else if (eventBridge === true) return pass('the bucket sends its events to EventBridge', 'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled');
    return doubt ?? fail('the bucket sends no event notification', 'NotificationConfiguration');
  },
});
