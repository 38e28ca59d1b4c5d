import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const BROKER = 'AWS::AmazonMQ::Broker';

export default defineCollector({
  service: 'mq',
  global: false,
  resourceTypes: [BROKER],
  calls: ['mq:ListBrokers', 'mq:DescribeBroker'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-mq');
    const mq = ctx.client(sdk.MqClient);
    await listing(ctx, [BROKER], async () => {
      const brokers: Array<{ id: string; arn: string; name: string }> = [];
      for await (const page of ctx.pages(mq, 'mq:ListBrokers', (NextToken) => new sdk.ListBrokersCommand({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) {
        for (const summary of page.BrokerSummaries ?? []) {
          if (!summary.BrokerId) continue;
          brokers.push({ id: summary.BrokerId, arn: summary.BrokerArn ?? ctx.arn('mq', `broker:${summary.BrokerName ?? ''}:${summary.BrokerId}`), name: summary.BrokerName ?? summary.BrokerId });
        }
      }
      await ctx.each(brokers, async (broker) => {
        const described = await ctx.detail(mq, 'mq:DescribeBroker', new sdk.DescribeBrokerCommand({ BrokerId: broker.id }), broker.arn, ['NotFoundException']);
        if (described === ABSENT) return;
        ctx.emit({
          type: BROKER,
          id: broker.arn,
          arn: broker.arn,
          name: broker.name,
          properties: props({
            BrokerName: broker.name,
            EngineType: fromDetail(described, (output) => output.EngineType),
            EngineVersion: fromDetail(described, (output) => output.EngineVersion),
            DeploymentMode: fromDetail(described, (output) => output.DeploymentMode),
            HostInstanceType: fromDetail(described, (output) => output.HostInstanceType),
            PubliclyAccessible: fromDetail(described, (output) => output.PubliclyAccessible),
            AutoMinorVersionUpgrade: fromDetail(described, (output) => output.AutoMinorVersionUpgrade),
            Logs: fromDetail(described, (output) => ({ Audit: output.Logs?.Audit, General: output.Logs?.General })),
            SecurityGroups: fromDetail(described, (output) => output.SecurityGroups),
            SubnetIds: fromDetail(described, (output) => output.SubnetIds),
          }),
        });
      });
    });
  },
});
