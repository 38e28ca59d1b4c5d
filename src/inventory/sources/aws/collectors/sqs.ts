import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { policyDocument, props } from '../props.js';

const QUEUE = 'AWS::SQS::Queue';
const QUEUE_POLICY = 'AWS::SQS::QueuePolicy';

export default defineCollector({
  service: 'sqs',
  global: false,
  resourceTypes: [QUEUE, QUEUE_POLICY],
  calls: ['sqs:ListQueues', 'sqs:GetQueueAttributes'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-sqs');
    const sqs = ctx.client(sdk.SQSClient);
    await listing(ctx, [QUEUE, QUEUE_POLICY], async () => {
      const urls: string[] = [];
      for await (const page of ctx.pages(sqs, 'sqs:ListQueues', (NextToken) => new sdk.ListQueuesCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) urls.push(...(page.QueueUrls ?? []));
      await ctx.each(urls, async (url) => {
        const name = url.split('/').pop() ?? url;
        const arn = ctx.arn('sqs', name);
        const answer = await ctx.detail(sqs, 'sqs:GetQueueAttributes', new sdk.GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }), arn, ['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue']);
        if (answer === ABSENT) return;
        const attributes = answer instanceof Unknown ? undefined : (answer.Attributes ?? {});
        const unknown = answer instanceof Unknown ? answer : undefined;
        ctx.emit({
          type: QUEUE,
          id: arn,
          arn,
          name,
          properties: props({
            QueueName: name,
            QueueUrl: url,
            FifoQueue: name.endsWith('.fifo') ? true : undefined,
            KmsMasterKeyId: unknown ?? attributes?.['KmsMasterKeyId'],
            SqsManagedSseEnabled: unknown ?? (attributes?.['SqsManagedSseEnabled'] === undefined ? undefined : attributes['SqsManagedSseEnabled'] === 'true'),
            MessageRetentionPeriod: attributes?.['MessageRetentionPeriod'] === undefined ? undefined : Number(attributes['MessageRetentionPeriod']),
            VisibilityTimeout: attributes?.['VisibilityTimeout'] === undefined ? undefined : Number(attributes['VisibilityTimeout']),
            RedrivePolicy: policyDocument(attributes?.['RedrivePolicy']),
          }),
        });
        const policy = unknown ?? policyDocument(attributes?.['Policy']);
        // The queue is named by its ARN, the id it has in the inventory: a URL (what CloudFormation's Queues holds)
        // resolves to no resource, so the policy would be attached to nothing and never judged.
        if (policy !== undefined && ctx.wants(QUEUE_POLICY)) ctx.emit({ type: QUEUE_POLICY, id: `${arn}/policy`, name, properties: { Queues: [arn], PolicyDocument: policy } });
      });
    });
  },
});
