import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const MICROSOFT_AD = 'AWS::DirectoryService::MicrosoftAD';
const SIMPLE_AD = 'AWS::DirectoryService::SimpleAD';

// A shared Microsoft AD belongs to the account that shares it, and AD Connector has no CloudFormation type.
const TYPES: Readonly<Record<string, string>> = { MicrosoftAD: MICROSOFT_AD, SimpleAD: SIMPLE_AD };

export default defineCollector({
  service: 'directoryservice',
  global: false,
  resourceTypes: [MICROSOFT_AD, SIMPLE_AD],
  calls: ['ds:DescribeDirectories', 'ds:ListLogSubscriptions'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-directory-service');
    const ds = ctx.client(sdk.DirectoryServiceClient);
    await listing(ctx, [MICROSOFT_AD, SIMPLE_AD], async () => {
      const directories: Array<{ id: string; type: string; arn: string; properties: Record<string, unknown> }> = [];
      for await (const page of ctx.pages(ds, 'ds:DescribeDirectories', (NextToken) => new sdk.DescribeDirectoriesCommand({ NextToken }), (page) => page.NextToken)) {
        for (const directory of page.DirectoryDescriptions ?? []) {
          const type = TYPES[directory.Type ?? ''];
          if (!directory.DirectoryId || !type || directory.Stage === 'Deleted' || !ctx.wants(type)) continue;
          directories.push({
            id: directory.DirectoryId,
            type,
            arn: ctx.arn('ds', `directory/${directory.DirectoryId}`),
            properties: {
              Name: directory.Name,
              ShortName: directory.ShortName,
              Description: directory.Description,
              Edition: type === MICROSOFT_AD ? directory.Edition : undefined,
              Size: type === SIMPLE_AD ? directory.Size : undefined,
              EnableSso: directory.SsoEnabled,
              VpcSettings: directory.VpcSettings ? { VpcId: directory.VpcSettings.VpcId, SubnetIds: directory.VpcSettings.SubnetIds } : undefined,
            },
          });
        }
      }
      await ctx.each(directories, async (directory) => {
        // Log forwarding exists for Managed Microsoft AD only.
        const subscriptions =
          directory.type === MICROSOFT_AD
            ? await ctx.detail(ds, 'ds:ListLogSubscriptions', new sdk.ListLogSubscriptionsCommand({ DirectoryId: directory.id }), directory.arn)
            : ABSENT;
        ctx.emit({
          type: directory.type,
          id: directory.arn,
          arn: directory.arn,
          name: typeof directory.properties['Name'] === 'string' ? directory.properties['Name'] : directory.id,
          properties: props({
            ...directory.properties,
            LogSubscriptions: directory.type === MICROSOFT_AD ? fromDetail(subscriptions, (output) => (output.LogSubscriptions ?? []).map((subscription) => ({ LogGroupName: subscription.LogGroupName }))) : undefined,
          }),
        });
      });
    });
  },
});
