import { defineCollector, listing } from '../collector.js';
import { policyDocument, props, tagsFromMap } from '../props.js';

const REST_API = 'AWS::ApiGateway::RestApi';
const STAGE = 'AWS::ApiGateway::Stage';
const DOMAIN_NAME = 'AWS::ApiGateway::DomainName';
/**
 * A REST stage names its web ACL itself (GetStages' webAclArn), while WAFv2's ListResourcesForWebACL lists only load
 * balancers unless asked per resource type: the stage's own answer becomes the association the WAF checks look for.
 */
const WEB_ACL_ASSOCIATION = 'AWS::WAFv2::WebACLAssociation';

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
  resourceTypes: [REST_API, STAGE, DOMAIN_NAME, WEB_ACL_ASSOCIATION],
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
          // Only alongside the stages: a web ACL association is read from a stage, never listed on its own here.
          if (stage.webAclArn && ctx.wants(WEB_ACL_ASSOCIATION)) {
            ctx.emit({ type: WEB_ACL_ASSOCIATION, id: `${stage.webAclArn}/association/${stageArn}`, name: `${api.name ?? api.id ?? ''}/${stage.stageName ?? ''} → ${stage.webAclArn}`, properties: { ResourceArn: stageArn, WebACLArn: stage.webAclArn } });
          }
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
    await listing(ctx, [DOMAIN_NAME], async () => {
      for await (const page of ctx.pages(apigateway, 'apigateway:GET', (position) => new sdk.GetDomainNamesCommand({ position, limit: 500 }), (page) => page?.position)) {
        for (const domain of page?.items ?? []) {
          const name = domain.domainName ?? '';
          // Private custom domain names always come with their ARN (it holds their id: a public domain may share the name).
          const arn = domain.domainNameArn ?? `arn:${ctx.partition}:apigateway:${ctx.region}::/domainnames/${name}`;
          ctx.emit({
            type: DOMAIN_NAME,
            id: arn,
            arn,
            name,
            properties: props({
              DomainName: name,
              SecurityPolicy: domain.securityPolicy,
              EndpointConfiguration: domain.endpointConfiguration ? { Types: domain.endpointConfiguration.types, IpAddressType: domain.endpointConfiguration.ipAddressType } : undefined,
              EndpointAccessMode: domain.endpointAccessMode,
              CertificateArn: domain.certificateArn,
              RegionalCertificateArn: domain.regionalCertificateArn,
              MutualTlsAuthentication: domain.mutualTlsAuthentication ? { TruststoreUri: domain.mutualTlsAuthentication.truststoreUri, TruststoreVersion: domain.mutualTlsAuthentication.truststoreVersion } : undefined,
              OwnershipVerificationCertificateArn: domain.ownershipVerificationCertificateArn,
              RoutingMode: domain.routingMode,
              Tags: tagsFromMap(domain.tags),
            }),
          });
        }
      }
    });
  },
});
