import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const SERVER = 'AWS::Transfer::Server';

/** Transfer Family servers: ListServers gives the endpoint type, DescribeServer the protocols. */
export default defineCollector({
  service: 'transfer',
  global: false,
  resourceTypes: [SERVER],
  calls: ['transfer:ListServers', 'transfer:DescribeServer'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-transfer');
    const transfer = ctx.client(sdk.TransferClient);
    await listing(ctx, [SERVER], async () => {
      const servers = [];
      for await (const page of ctx.pages(transfer, 'transfer:ListServers', (NextToken) => new sdk.ListServersCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) servers.push(...(page.Servers ?? []));
      await ctx.each(servers, async (listed) => {
        const arn = listed.Arn ?? ctx.arn('transfer', `server/${listed.ServerId ?? ''}`);
        const answer = await ctx.detail(transfer, 'transfer:DescribeServer', new sdk.DescribeServerCommand({ ServerId: listed.ServerId }), arn, ['ResourceNotFoundException']);
        if (answer === ABSENT) return;
        const unread = answer instanceof Unknown ? answer : undefined;
        const server = answer instanceof Unknown ? undefined : answer.Server;
        const details = server?.EndpointDetails;
        ctx.emit({
          type: SERVER,
          id: arn,
          arn,
          name: listed.ServerId,
          properties: props({
            EndpointType: server?.EndpointType ?? listed.EndpointType,
            Protocols: unread ?? server?.Protocols,
            IdentityProviderType: server?.IdentityProviderType ?? listed.IdentityProviderType,
            SecurityPolicyName: unread ?? server?.SecurityPolicyName,
            Domain: server?.Domain ?? listed.Domain,
            EndpointDetails: details ? { VpcId: details.VpcId, SubnetIds: details.SubnetIds, SecurityGroupIds: details.SecurityGroupIds, AddressAllocationIds: details.AddressAllocationIds, VpcEndpointId: details.VpcEndpointId } : undefined,
          }),
        });
      });
    });
  },
});
