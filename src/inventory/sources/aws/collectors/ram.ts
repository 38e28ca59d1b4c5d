import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const SHARE = 'AWS::RAM::ResourceShare';

// Deleted shares stay listed for a while; they share nothing.
const GONE = new Set(['DELETED', 'DELETING']);

/** AWS Resource Access Manager: the resource shares this account owns. */
export default defineCollector({
  service: 'ram',
  global: false,
  resourceTypes: [SHARE],
  calls: ['ram:GetResourceShares'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ram');
    const ram = ctx.client(sdk.RAMClient);
    await listing(ctx, [SHARE], async () => {
      for await (const page of ctx.pages(ram, 'ram:GetResourceShares', (nextToken) => new sdk.GetResourceSharesCommand({ resourceOwner: 'SELF', nextToken, maxResults: 500 }), (page) => page.nextToken)) {
        for (const share of page.resourceShares ?? []) {
          const arn = share.resourceShareArn;
          if (!arn || GONE.has(share.status ?? '')) continue;
          ctx.emit({
            type: SHARE,
            id: arn,
            arn,
            ...(share.name === undefined ? {} : { name: share.name }),
            properties: props({ Name: share.name, AllowExternalPrincipals: share.allowExternalPrincipals, Status: share.status, FeatureSet: share.featureSet }),
          });
        }
      }
    });
  },
});
