import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const USER_POOL = 'AWS::Cognito::UserPool';

/** User pools: ListUserPools names them, DescribeUserPool gives the MFA, password policy and add-on settings. */
export default defineCollector({
  service: 'cognito-user-pools',
  global: false,
  resourceTypes: [USER_POOL],
  calls: ['cognito-idp:ListUserPools', 'cognito-idp:DescribeUserPool'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-cognito-identity-provider');
    const cognito = ctx.client(sdk.CognitoIdentityProviderClient);
    await listing(ctx, [USER_POOL], async () => {
      const pools = [];
      for await (const page of ctx.pages(cognito, 'cognito-idp:ListUserPools', (NextToken) => new sdk.ListUserPoolsCommand({ NextToken, MaxResults: 60 }), (page) => page.NextToken)) pools.push(...(page.UserPools ?? []));
      await ctx.each(pools, async (summary) => {
        const id = summary.Id ?? '';
        const fallbackArn = ctx.arn('cognito-idp', `userpool/${id}`);
        const answer = await ctx.detail(cognito, 'cognito-idp:DescribeUserPool', new sdk.DescribeUserPoolCommand({ UserPoolId: id }), fallbackArn, ['ResourceNotFoundException']);
        if (answer === ABSENT) return;
        const unread = answer instanceof Unknown ? answer : undefined;
        const pool = answer instanceof Unknown ? undefined : answer.UserPool;
        const arn = pool?.Arn ?? fallbackArn;
        const password = pool?.Policies?.PasswordPolicy;
        ctx.emit({
          type: USER_POOL,
          id: arn,
          arn,
          name: summary.Name,
          properties: props({
            UserPoolName: summary.Name,
            MfaConfiguration: unread ?? pool?.MfaConfiguration,
            DeletionProtection: unread ?? pool?.DeletionProtection,
            UserPoolAddOns: unread ?? (pool?.UserPoolAddOns ? { AdvancedSecurityMode: pool.UserPoolAddOns.AdvancedSecurityMode } : undefined),
            Policies: unread ?? (password
              ? {
                  PasswordPolicy: {
                    MinimumLength: password.MinimumLength,
                    RequireUppercase: password.RequireUppercase,
                    RequireLowercase: password.RequireLowercase,
                    RequireNumbers: password.RequireNumbers,
                    RequireSymbols: password.RequireSymbols,
                    TemporaryPasswordValidityDays: password.TemporaryPasswordValidityDays,
                    PasswordHistorySize: password.PasswordHistorySize,
                  },
                }
              : undefined),
          }),
        });
      });
    });
  },
});
