import { isRecord, isUnknown, type Convert, type MappingTable } from './dsl.js';

const bucketLink = { types: ['aws_s3_bucket'], attribute: 'bucket', keys: ['bucket', 'id'], mode: 'assign' } as const;

/**
 * `topic`, `queue` or `lambda_function` blocks as CloudFormation's notification configurations, which name one event
 * each: a block with several `events` becomes one entry an event. Undefined when there is no block.
 */
function perEvent(arnAttribute: string, target: string): Convert {
  return (value) => {
    if (value === null || value === undefined) return undefined;
    if (isUnknown(value)) return value;
    const entries = (Array.isArray(value) ? value : [value]).flatMap((item) => {
      if (!isRecord(item)) return [item];
      const events = item['events'];
      if (!Array.isArray(events)) return [{ [target]: item[arnAttribute] ?? null, Event: events ?? null }];
      return events.map((Event) => ({ [target]: item[arnAttribute] ?? null, Event }));
    });
    return entries.length > 0 ? entries : undefined;
  };
}

/** aws_s3_bucket_notification: the bucket's event notifications, merged into its bucket. */
export const s3NotificationMappings: MappingTable = {
  aws_s3_bucket_notification: {
    cfnType: 'AWS::S3::Bucket',
    parent: bucketLink,
    fields: {
      topic: ['NotificationConfiguration.TopicConfigurations', perEvent('topic_arn', 'Topic')],
      queue: ['NotificationConfiguration.QueueConfigurations', perEvent('queue_arn', 'Queue')],
      lambda_function: ['NotificationConfiguration.LambdaConfigurations', perEvent('lambda_function_arn', 'Function')],
      eventbridge: 'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled',
    },
  },
};
