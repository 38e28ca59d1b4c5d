import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const METHOD = 'AWS::ApiGateway::Method';

/** REST API methods, with their authorization, from GetResources with the methods embedded. */
export default defineCollector({
  service: 'apigateway-methods',
  global: false,
  resourceTypes: [METHOD],
  calls: ['apigateway:GET'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-api-gateway');
    const apigateway = ctx.client(sdk.APIGatewayClient);
    await listing(ctx, [METHOD], async () => {
      const apis = [];
      for await (const page of ctx.pages(apigateway, 'apigateway:GET', (position) => new sdk.GetRestApisCommand({ position, limit: 500 }), (page) => page.position)) apis.push(...(page.items ?? []));
      await ctx.each(apis, async (api) => {
        const apiArn = `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${api.id ?? ''}`;
        for await (const page of ctx.pages(apigateway, 'apigateway:GET', (position) => new sdk.GetResourcesCommand({ restApiId: api.id, position, limit: 500, embed: ['methods'] }), (page) => page.position)) {
          for (const resource of page.items ?? []) {
            for (const [verb, method] of Object.entries(resource.resourceMethods ?? {})) {
              const arn = `${apiArn}/resources/${resource.id ?? ''}/methods/${verb}`;
              ctx.emit({
                type: METHOD,
                id: arn,
                arn,
                name: `${api.name ?? api.id ?? ''} ${verb} ${resource.path ?? ''}`,
                properties: props({
                  RestApiId: api.id,
                  ResourceId: resource.id,
                  ResourcePath: resource.path,
                  HttpMethod: method.httpMethod ?? verb,
                  AuthorizationType: method.authorizationType,
                  AuthorizerId: method.authorizerId,
                  ApiKeyRequired: method.apiKeyRequired,
                }),
              });
            }
          }
        }
      });
    });
  },
});
