import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const ROUTE = 'AWS::ApiGatewayV2::Route';

/** HTTP and WebSocket API routes with their authorization type. */
export default defineCollector({
  service: 'apigatewayv2-routes',
  global: false,
  resourceTypes: [ROUTE],
  calls: ['apigateway:GET'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-apigatewayv2');
    const apigateway = ctx.client(sdk.ApiGatewayV2Client);
    await listing(ctx, [ROUTE], async () => {
      const apis = [];
      for await (const page of ctx.pages(apigateway, 'apigateway:GET', (NextToken) => new sdk.GetApisCommand({ NextToken }), (page) => page.NextToken)) apis.push(...(page.Items ?? []));
      await ctx.each(apis, async (api) => {
        const apiId = api.ApiId ?? '';
        const apiArn = `arn:${ctx.partition}:apigateway:${ctx.region}::/apis/${apiId}`;
        for await (const page of ctx.pages(apigateway, 'apigateway:GET', (NextToken) => new sdk.GetRoutesCommand({ ApiId: apiId, NextToken }), (page) => page.NextToken)) {
          for (const route of page.Items ?? []) {
            const arn = `${apiArn}/routes/${route.RouteId ?? ''}`;
            ctx.emit({
              type: ROUTE,
              id: arn,
              arn,
              name: `${api.Name ?? apiId} ${route.RouteKey ?? ''}`,
              // The API's ARN, the id its Api resource has in a live inventory.
              properties: props({ ApiId: apiArn, RouteKey: route.RouteKey, AuthorizationType: route.AuthorizationType, AuthorizerId: route.AuthorizerId, ApiKeyRequired: route.ApiKeyRequired, Target: route.Target }),
            });
          }
        }
      });
    });
  },
});
