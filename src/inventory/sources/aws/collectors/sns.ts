import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { nameFromArn, policyDocument, props } from '../props.js';

const TOPIC = 'AWS::SNS::Topic';
const TOPIC_POLICY = 'AWS::SNS::TopicPolicy';
const SUBSCRIPTION = 'AWS::SNS::Subscription';

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
        ctx.emit({ type: TOPIC, id: arn, arn, name, properties: props({ TopicName: name, KmsMasterKeyId: unknown ?? attributes?.['KmsMasterKeyId'], DisplayName: attributes?.['DisplayName'], FifoTopic: attributes?.['FifoTopic'] === 'true' ? true : undefined }) });
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
