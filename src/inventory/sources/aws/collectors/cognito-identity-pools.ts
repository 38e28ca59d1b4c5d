import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const IDENTITY_POOL = 'AWS::Cognito::IdentityPool';

/** Identity pools (Amazon Cognito Federated Identities): whether guests get credentials is in DescribeIdentityPool. */
export default defineCollector({
  service: 'cognito-identity-pools',
  global: false,
  resourceTypes: [IDENTITY_POOL],
  calls: ['cognito-identity:ListIdentityPools', 'cognito-identity:DescribeIdentityPool'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-cognito-identity');
    const cognito = ctx.client(sdk.CognitoIdentityClient);
    await listing(ctx, [IDENTITY_POOL], async () => {
      const pools = [];
      for await (const page of ctx.pages(cognito, 'cognito-identity:ListIdentityPools', (NextToken) => new sdk.ListIdentityPoolsCommand({ NextToken, MaxResults: 60 }), (page) => page.NextToken)) pools.push(...(page.IdentityPools ?? []));
      await ctx.each(pools, async (summary) => {
        const id = summary.IdentityPoolId ?? '';
        const arn = ctx.arn('cognito-identity', `identitypool/${id}`);
        const answer = await ctx.detail(cognito, 'cognito-identity:DescribeIdentityPool', new sdk.DescribeIdentityPoolCommand({ IdentityPoolId: id }), arn, ['ResourceNotFoundException']);
        if (answer === ABSENT) return;
        const unread = answer instanceof Unknown ? answer : undefined;
        const pool = answer instanceof Unknown ? undefined : answer;
        ctx.emit({
          type: IDENTITY_POOL,
          id: arn,
          arn,
          name: summary.IdentityPoolName,
          properties: props({
            IdentityPoolName: summary.IdentityPoolName,
            AllowUnauthenticatedIdentities: unread ?? pool?.AllowUnauthenticatedIdentities,
            AllowClassicFlow: unread ?? pool?.AllowClassicFlow,
          }),
        });
      });
    });
  },
});
