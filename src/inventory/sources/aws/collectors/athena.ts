import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const WORKGROUP = 'AWS::Athena::WorkGroup';

/** Amazon Athena: workgroups with their configuration. */
export default defineCollector({
  service: 'athena',
  global: false,
  resourceTypes: [WORKGROUP],
  calls: ['athena:ListWorkGroups', 'athena:GetWorkGroup'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-athena');
    const athena = ctx.client(sdk.AthenaClient);
    await listing(ctx, [WORKGROUP], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(athena, 'athena:ListWorkGroups', (NextToken) => new sdk.ListWorkGroupsCommand({ NextToken, MaxResults: 50 }), (page) => page.NextToken)) {
        for (const workgroup of page.WorkGroups ?? []) if (workgroup.Name) names.push(workgroup.Name);
      }
      await ctx.each(names, async (name) => {
        const arn = ctx.arn('athena', `workgroup/${name}`);
        const detail = await ctx.detail(athena, 'athena:GetWorkGroup', new sdk.GetWorkGroupCommand({ WorkGroup: name }), arn);
        if (detail === ABSENT) return;
        const failed = detail instanceof Unknown ? detail : undefined;
        const configuration = detail instanceof Unknown ? undefined : detail.WorkGroup?.Configuration;
        ctx.emit({
          type: WORKGROUP,
          id: arn,
          arn,
          name,
          properties: props({
            Name: name,
            State: failed ?? (detail instanceof Unknown ? undefined : detail.WorkGroup?.State),
            WorkGroupConfiguration: failed ?? {
              EnforceWorkGroupConfiguration: configuration?.EnforceWorkGroupConfiguration,
              ResultConfiguration: configuration?.ResultConfiguration,
              ManagedQueryResultsConfiguration: configuration?.ManagedQueryResultsConfiguration,
            },
          }),
        });
      });
    });
  },
});
