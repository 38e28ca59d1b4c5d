import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const API = 'AWS::ApiGatewayV2::Api';
const STAGE = 'AWS::ApiGatewayV2::Stage';
const DOMAIN_NAME = 'AWS::ApiGatewayV2::DomainName';

/** HTTP and WebSocket APIs. The management API is authorised by HTTP verb, like REST APIs: reads are `apigateway:GET`. */
export default defineCollector({
  service: 'apigatewayv2',
  global: false,
  resourceTypes: [API, STAGE, DOMAIN_NAME],
  calls: ['apigateway:GET'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-apigatewayv2');
    const apigateway = ctx.client(sdk.ApiGatewayV2Client);
    const apiArn = (apiId: string): string => `arn:${ctx.partition}:apigateway:${ctx.region}::/apis/${apiId}`;
    await listing(ctx, [API, STAGE], async () => {
      const apis = [];
      for await (const page of ctx.pages(apigateway, 'apigateway:GET', (NextToken) => new sdk.GetApisCommand({ NextToken }), (page) => page.NextToken)) apis.push(...(page.Items ?? []));
      await ctx.each(apis, async (api) => {
        const apiId = api.ApiId ?? '';
        const arn = apiArn(apiId);
        if (ctx.wants(API)) {
          ctx.emit({
            type: API,
            id: arn,
            arn,
            name: api.Name,
            properties: props({
              Name: api.Name,
              ProtocolType: api.ProtocolType,
              Description: api.Description,
              DisableExecuteApiEndpoint: api.DisableExecuteApiEndpoint,
              IpAddressType: api.IpAddressType,
              RouteSelectionExpression: api.RouteSelectionExpression,
              ApiKeySelectionExpression: api.ApiKeySelectionExpression,
              Version: api.Version,
              Tags: api.Tags && Object.keys(api.Tags).length > 0 ? api.Tags : undefined,
            }),
          });
        }
        if (!ctx.wants(STAGE)) return;
        for await (const page of ctx.pages(apigateway, 'apigateway:GET', (NextToken) => new sdk.GetStagesCommand({ ApiId: apiId, NextToken }), (page) => page.NextToken)) {
          for (const stage of page.Items ?? []) {
            const stageArn = `${arn}/stages/${stage.StageName ?? ''}`;
            const defaults = stage.DefaultRouteSettings;
            ctx.emit({
              type: STAGE,
              id: stageArn,
              arn: stageArn,
              name: `${api.Name ?? apiId}/${stage.StageName ?? ''}`,
              // Stage variables are left out: they are free text and may carry secrets no check needs.
              properties: props({
                ApiId: apiId,
                StageName: stage.StageName,
                AutoDeploy: stage.AutoDeploy,
                ClientCertificateId: stage.ClientCertificateId,
                DeploymentId: stage.DeploymentId,
                AccessLogSettings: stage.AccessLogSettings ? { DestinationArn: stage.AccessLogSettings.DestinationArn, Format: stage.AccessLogSettings.Format } : undefined,
                DefaultRouteSettings: defaults
                  ? {
                      DataTraceEnabled: defaults.DataTraceEnabled,
                      DetailedMetricsEnabled: defaults.DetailedMetricsEnabled,
                      LoggingLevel: defaults.LoggingLevel,
                      ThrottlingBurstLimit: defaults.ThrottlingBurstLimit,
                      ThrottlingRateLimit: defaults.ThrottlingRateLimit,
                    }
                  : undefined,
              }),
            });
          }
        }
      });
    });
    await listing(ctx, [DOMAIN_NAME], async () => {
      for await (const page of ctx.pages(apigateway, 'apigateway:GET', (NextToken) => new sdk.GetDomainNamesCommand({ NextToken }), (page) => page.NextToken)) {
        for (const domain of page.Items ?? []) {
          const name = domain.DomainName ?? '';
          const arn = domain.DomainNameArn ?? `arn:${ctx.partition}:apigateway:${ctx.region}::/domainnames/${name}`;
          ctx.emit({
            type: DOMAIN_NAME,
            id: arn,
            arn,
            name,
            properties: props({
              DomainName: name,
              DomainNameConfigurations: (domain.DomainNameConfigurations ?? []).map((configuration) => ({
                CertificateArn: configuration.CertificateArn,
                CertificateName: configuration.CertificateName,
                EndpointType: configuration.EndpointType,
                SecurityPolicy: configuration.SecurityPolicy,
                IpAddressType: configuration.IpAddressType,
                OwnershipVerificationCertificateArn: configuration.OwnershipVerificationCertificateArn,
              })),
              MutualTlsAuthentication: domain.MutualTlsAuthentication ? { TruststoreUri: domain.MutualTlsAuthentication.TruststoreUri, TruststoreVersion: domain.MutualTlsAuthentication.TruststoreVersion } : undefined,
              Tags: domain.Tags && Object.keys(domain.Tags).length > 0 ? domain.Tags : undefined,
            }),
          });
        }
      }
    });
  },
});
