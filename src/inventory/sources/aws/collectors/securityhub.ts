import { defineCollector, listing } from '../collector.js';
import { AwsCallError } from '../errors.js';
import { props } from '../props.js';

const HUB = 'AWS::SecurityHub::Hub';
const STATUS = 'Demarc::SecurityHub::RegionStatus';

export default defineCollector({
  service: 'securityhub',
  global: false,
  resourceTypes: [HUB, STATUS],
  calls: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-securityhub');
    const hub = ctx.client(sdk.SecurityHubClient);
    const statusId = `arn:${ctx.partition}:securityhub:${ctx.region}:${ctx.account}:region-status`;
    await listing(ctx, [HUB, STATUS], async () => {
      let described;
      try {
        described = await ctx.call(hub, 'securityhub:DescribeHub', new sdk.DescribeHubCommand({}));
      } catch (error) {
        // Security Hub answers InvalidAccessException ("not subscribed") where it was never enabled.
        if (error instanceof AwsCallError && error.is('InvalidAccessException', 'ResourceNotFoundException')) {
          ctx.emit({ type: STATUS, id: statusId, name: `securityhub/${ctx.region}`, properties: { Enabled: false } });
          return;
        }
        throw error;
      }
      const standards: string[] = [];
      for await (const page of ctx.pages(hub, 'securityhub:GetEnabledStandards', (NextToken) => new sdk.GetEnabledStandardsCommand({ NextToken }), (page) => page.NextToken)) {
        for (const standard of page.StandardsSubscriptions ?? []) if (standard.StandardsArn && standard.StandardsStatus === 'READY') standards.push(standard.StandardsArn);
      }
      const arn = described.HubArn ?? ctx.arn('securityhub', 'hub/default');
      ctx.emit({ type: HUB, id: arn, arn, name: 'default', properties: props({ AutoEnableControls: described.AutoEnableControls, ControlFindingGenerator: described.ControlFindingGenerator, EnabledStandards: standards }) });
      ctx.emit({ type: STATUS, id: statusId, name: `securityhub/${ctx.region}`, properties: props({ Enabled: true, Detail: { HubArn: arn, EnabledStandards: standards } }) });
    });
  },
});
