import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { nameFromArn, policyDocument, props } from '../props.js';

const TOPIC = 'AWS::SNS::Topic';
const TOPIC_POLICY = 'AWS::SNS::TopicPolicy';
const SUBSCRIPTION = 'AWS::SNS::Subscription';

// GetTopicAttributes' per-protocol feedback attribute prefix, and the protocol name of CloudFormation's DeliveryStatusLogging.
const FEEDBACK_PROTOCOLS = [['Application', 'application'], ['Firehose', 'firehose'], ['HTTP', 'http/s'], ['Lambda', 'lambda'], ['SQS', 'sqs']] as const;

function deliveryStatusLogging(attributes: Record<string, string>): Array<Record<string, string>> | undefined {
  const entries = FEEDBACK_PROTOCOLS.flatMap(([prefix, protocol]) => {
    const success = attributes[`${prefix}SuccessFeedbackRoleArn`] || undefined;
    const failure = attributes[`${prefix}FailureFeedbackRoleArn`] || undefined;
    if (success === undefined && failure === undefined) return [];
    const rate = attributes[`${prefix}SuccessFeedbackSampleRate`] || undefined;
    return [{ Protocol: protocol, ...(success ? { SuccessFeedbackRoleArn: success } : {}), ...(failure ? { FailureFeedbackRoleArn: failure } : {}), ...(rate ? { SuccessFeedbackSampleRate: rate } : {}) }];
  });
  return entries.length > 0 ? entries : undefined;
}

export default defineCollector({
  service: 'sns',
  global: false,
  resourceTypes: [TOPIC, TOPIC_POLICY, SUBSCRIPTION],
  calls: ['sns:ListTopics', 'sns:GetTopicAttributes', 'sns:ListSubscriptions'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-sns');
    const sns = ctx.client(sdk.SNSClient);
    await listing(ctx, [TOPIC, TOPIC_POLICY], async () => {
      const arns: string[] = [];
      for await (const page of ctx.pages(sns, 'sns:ListTopics', (NextToken) => new sdk.ListTopicsCommand({ NextToken }), (page) => page.NextToken)) for (const topic of page.Topics ?? []) if (topic.TopicArn) arns.push(topic.TopicArn);
      await ctx.each(arns, async (arn) => {
        const name = nameFromArn(arn);
        const answer = await ctx.detail(sns, 'sns:GetTopicAttributes', new sdk.GetTopicAttributesCommand({ TopicArn: arn }), arn, ['NotFoundException', 'NotFound']);
        if (answer === ABSENT) return;
        const attributes = answer instanceof Unknown ? undefined : (answer.Attributes ?? {});
        const unknown = answer instanceof Unknown ? answer : undefined;
        ctx.emit({ type: TOPIC, id: arn, arn, name, properties: props({ TopicName: name, KmsMasterKeyId: unknown ?? attributes?.['KmsMasterKeyId'], DisplayName: attributes?.['DisplayName'], FifoTopic: attributes?.['FifoTopic'] === 'true' ? true : undefined, DeliveryStatusLogging: unknown ?? (attributes ? deliveryStatusLogging(attributes) : undefined) }) });
        const policy = unknown ?? policyDocument(attributes?.['Policy']);
        if (policy !== undefined && ctx.wants(TOPIC_POLICY)) ctx.emit({ type: TOPIC_POLICY, id: `${arn}/policy`, name, properties: { Topics: [arn], PolicyDocument: policy } });
      });
    });
    await listing(ctx, [SUBSCRIPTION], async () => {
      for await (const page of ctx.pages(sns, 'sns:ListSubscriptions', (NextToken) => new sdk.ListSubscriptionsCommand({ NextToken }), (page) => page.NextToken)) {
        for (const subscription of page.Subscriptions ?? []) {
          // Pending subscriptions have no ARN yet; they deliver nothing.
          const arn = subscription.SubscriptionArn?.startsWith('arn:') ? subscription.SubscriptionArn : undefined;
          ctx.emit({
            type: SUBSCRIPTION,
            id: arn ?? `${subscription.TopicArn ?? ''}/pending/${subscription.Protocol ?? ''}/${subscription.Endpoint ?? ''}`,
            arn,
            name: arn ? nameFromArn(arn) : 'pending',
            properties: props({ TopicArn: subscription.TopicArn, Protocol: subscription.Protocol, Endpoint: subscription.Endpoint, Confirmed: arn !== undefined }),
          });
        }
      }
    });
  },
});
