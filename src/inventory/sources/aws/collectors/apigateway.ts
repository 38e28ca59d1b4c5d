import { defineCollector, listing } from '../collector.js';
import { policyDocument, props } from '../props.js';

const REST_API = 'AWS::ApiGateway::RestApi';
const STAGE = 'AWS::ApiGateway::Stage';

/** The API's method settings key is `resourcePath/httpMethod` with `~1` for slashes; `*\/*` means every method. */
function methodSettings(settings: Record<string, { loggingLevel?: string; dataTraceEnabled?: boolean; metricsEnabled?: boolean; cachingEnabled?: boolean; cacheDataEncrypted?: boolean }> | undefined): Record<string, unknown>[] {
  return Object.entries(settings ?? {}).map(([key, setting]) => {
    const cut = key.lastIndexOf('/');
    const path = key.slice(0, cut).replace(/~1/g, '/');
    return {
      ResourcePath: path.startsWith('/') ? path : `/${path}`,
      HttpMethod: key.slice(cut + 1),
      LoggingLevel: setting.loggingLevel,
      DataTraceEnabled: setting.dataTraceEnabled,
      MetricsEnabled: setting.metricsEnabled,
      CachingEnabled: setting.cachingEnabled,
      CacheDataEncrypted: setting.cacheDataEncrypted,
    };
  });
}

export default defineCollector({
  service: 'apigateway',
  global: false,
  resourceTypes: [REST_API, STAGE],
  calls: ['apigateway:GET'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-api-gateway');
    const apigateway = ctx.client(sdk.APIGatewayClient);
    await listing(ctx, [REST_API, STAGE], async () => {
      const apis = [];
      for await (const page of ctx.pages(apigateway, 'apigateway:GET', (position) => new sdk.GetRestApisCommand({ position, limit: 500 }), (page) => page.position)) apis.push(...(page.items ?? []));
      await ctx.each(apis, async (api) => {
        const arn = `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${api.id ?? ''}`;
        if (ctx.wants(REST_API)) {
          ctx.emit({
            type: REST_API,
            id: arn,
            arn,
            name: api.name,
            properties: props({ Name: api.name, EndpointConfiguration: api.endpointConfiguration ? { Types: api.endpointConfiguration.types } : undefined, Policy: policyDocument(api.policy?.replace(/\\"/g, '"')), DisableExecuteApiEndpoint: api.disableExecuteApiEndpoint }),
          });
        }
        if (!ctx.wants(STAGE)) return;
        const { item } = await ctx.call(apigateway, 'apigateway:GET', new sdk.GetStagesCommand({ restApiId: api.id }));
        for (const stage of item ?? []) {
          const stageArn = `${arn}/stages/${stage.stageName ?? ''}`;
          ctx.emit({
            type: STAGE,
            id: stageArn,
            arn: stageArn,
            name: `${api.name ?? api.id ?? ''}/${stage.stageName ?? ''}`,
            properties: props({
              RestApiId: api.id,
              StageName: stage.stageName,
              TracingEnabled: stage.tracingEnabled === true,
              ClientCertificateId: stage.clientCertificateId,
              CacheClusterEnabled: stage.cacheClusterEnabled === true,
              MethodSettings: methodSettings(stage.methodSettings),
              AccessLogSetting: stage.accessLogSettings ? { DestinationArn: stage.accessLogSettings.destinationArn, Format: stage.accessLogSettings.format } : undefined,
              WebAclArn: stage.webAclArn,
            }),
          });
        }
      });
    });
  },
});
