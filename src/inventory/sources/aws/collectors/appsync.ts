import type * as AppSyncSdk from '@aws-sdk/client-appsync';
import type { GraphqlApi } from '@aws-sdk/client-appsync';
import { AwsCallError } from '../errors.js';
import { defineCollector, listing, type CollectorContext } from '../collector.js';
import { props } from '../props.js';

const API = 'AWS::AppSync::GraphQLApi';
const CACHE = 'AWS::AppSync::ApiCache';

/** The API in CloudFormation's shape: authorization modes and logging. */
function apiProperties(api: GraphqlApi): Record<string, unknown> {
  return {
    Name: api.name,
    ApiId: api.apiId,
    ApiType: api.apiType,
    Visibility: api.visibility,
    AuthenticationType: api.authenticationType,
    AdditionalAuthenticationProviders: (api.additionalAuthenticationProviders ?? []).map((provider) => ({ AuthenticationType: provider.authenticationType })),
    LogConfig: api.logConfig === undefined ? undefined : { FieldLogLevel: api.logConfig.fieldLogLevel, CloudWatchLogsRoleArn: api.logConfig.cloudWatchLogsRoleArn, ExcludeVerboseContent: api.logConfig.excludeVerboseContent },
    XrayEnabled: api.xrayEnabled,
  };
}

/** The API's cache, when it has one; a failed read is a gap for that API's cache, never "no cache". */
async function collectCache(ctx: CollectorContext, sdk: typeof AppSyncSdk, client: AppSyncSdk.AppSyncClient, apiId: string, apiArn: string, name: string | undefined): Promise<void> {
  let cache;
  try {
    cache = (await ctx.call(client, 'appsync:GetApiCache', new sdk.GetApiCacheCommand({ apiId }))).apiCache;
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    // An API without a cache answers NotFoundException.
    if (!error.is('NotFoundException')) ctx.gap([CACHE], error, 'appsync:GetApiCache', `${apiArn}/apicache`);
    return;
  }
  if (cache === undefined) return;
  ctx.emit({
    type: CACHE,
    id: `${apiArn}/apicache`,
    ...(name === undefined ? {} : { name }),
    properties: props({
      ApiId: apiId,
      Type: cache.type,
      ApiCachingBehavior: cache.apiCachingBehavior,
      Ttl: cache.ttl,
      AtRestEncryptionEnabled: cache.atRestEncryptionEnabled,
      TransitEncryptionEnabled: cache.transitEncryptionEnabled,
    }),
  });
}

/** AWS AppSync: the account's own GraphQL APIs, and the cache of each when a check reads caches. */
export default defineCollector({
  service: 'appsync',
  global: false,
  resourceTypes: [API, CACHE],
  calls: ['appsync:ListGraphqlApis', 'appsync:GetApiCache'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-appsync');
    const appsync = ctx.client(sdk.AppSyncClient);
    await listing(ctx, [API, CACHE], async () => {
      const apis: GraphqlApi[] = [];
      for await (const page of ctx.pages(appsync, 'appsync:ListGraphqlApis', (nextToken) => new sdk.ListGraphqlApisCommand({ nextToken, maxResults: 25, owner: 'CURRENT_ACCOUNT' }), (page) => page.nextToken)) apis.push(...(page.graphqlApis ?? []));
      await ctx.each(apis, async (api) => {
        const apiId = api.apiId;
        if (!apiId) return;
        const arn = api.arn ?? ctx.arn('appsync', `apis/${apiId}`);
        if (ctx.wants(API)) ctx.emit({ type: API, id: arn, arn, ...(api.name === undefined ? {} : { name: api.name }), properties: props(apiProperties(api)) });
        if (ctx.wants(CACHE)) await collectCache(ctx, sdk, appsync, apiId, arn, api.name);
      });
    });
  },
});
