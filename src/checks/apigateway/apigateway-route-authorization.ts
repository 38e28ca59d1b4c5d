// Compliant: the HTTP API route requires authorization (AuthorizationType JWT, AWS_IAM or CUSTOM); for WebSocket APIs only the $connect route can carry it and is judged.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isReference, isUnknown, type Unknown } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';

const AUTHORIZED = new Set(['JWT', 'AWS_IAM', 'CUSTOM']);
const HTTP_ROUTE = /^(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \//;

/** The protocol of the route's API, from the API itself or, failing that, from the shape of the route key. */
function protocolOf(route: Resource, routeKey: string, inventory: InventoryView): string | Unknown | undefined {
  const apiId = route.properties['ApiId'];
  const api = inventory.ofType('AWS::ApiGatewayV2::Api').find((candidate) =>
    isReference(apiId) ? apiId.target === candidate.id : typeof apiId === 'string' && (candidate.id === apiId || candidate.arn?.endsWith(`/apis/${apiId}`) === true),
  );
  const protocol = api === undefined ? undefined : str(api.properties['ProtocolType']);
  if (typeof protocol === 'string' || isUnknown(protocol)) return protocol;
  if (HTTP_ROUTE.test(routeKey)) return 'HTTP';
  return undefined;
}

export default defineCheck({
  id: 'apigateway-route-authorization',
  title: 'API Gateway HTTP API route requires authorization',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGatewayV2::Route'],
  reads: ['AWS::ApiGatewayV2::Api'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'A route with AuthorizationType NONE (the default) passes every request to its integration. A JWT authorizer, IAM authorization or a Lambda authorizer make API Gateway turn away unauthenticated callers first. OPTIONS routes are exempt for CORS preflight. WebSocket APIs authorize once, on the $connect route, so only that route is judged there.',
  remediation: {
    console: 'API Gateway console > the HTTP API > Authorization > the route > Attach authorizer (JWT, Lambda or IAM).',
    cloudformation: 'AWS::ApiGatewayV2::Route.AuthorizationType: JWT, AWS_IAM or CUSTOM (with AuthorizerId for JWT and CUSTOM)',
    terraform: 'aws_apigatewayv2_route.authorization_type = "JWT" (or "AWS_IAM" / "CUSTOM") with authorizer_id',
  },
  evaluate(route, context) {
    const routeKey = str(route.properties['RouteKey']);
    if (isUnknown(routeKey)) return unknown(routeKey, 'RouteKey');
    const key = routeKey ?? '';
    const protocol = protocolOf(route, key, context.inventory);
    if (isUnknown(protocol)) return unknown(protocol, 'ApiId');
    if (protocol === 'WEBSOCKET' && key !== '$connect') return notApplicable(`WebSocket APIs authorize on $connect only; ${key} cannot carry an authorizer`);
    if (protocol === undefined) return unknown(`the route's API is not in the scan and the route key ${key} does not tell an HTTP API from a WebSocket API`, 'ApiId');
    if (key.startsWith('OPTIONS ')) return notApplicable('OPTIONS routes answer CORS preflight requests, which browsers send without credentials');
    const type = str(route.properties['AuthorizationType']);
    if (isUnknown(type)) return unknown(type, 'AuthorizationType');
    if (type === undefined || type.toUpperCase() === 'NONE') return fail(`route ${key} requires no authorization: every request reaches its integration`, 'AuthorizationType');
    if (AUTHORIZED.has(type.toUpperCase())) return pass(`route ${key} requires ${type} authorization`, 'AuthorizationType');
    return unknown(`AuthorizationType ${type} is not a type API Gateway documents for routes (NONE, JWT, AWS_IAM, CUSTOM)`, 'AuthorizationType');
  },
});
