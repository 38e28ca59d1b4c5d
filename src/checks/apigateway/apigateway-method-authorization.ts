// Compliant: the REST API method requires authorization (AuthorizationType AWS_IAM, CUSTOM or COGNITO_USER_POOLS); OPTIONS methods, which answer CORS preflight requests, are exempt.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

const AUTHORIZED = new Set(['AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS']);

export default defineCheck({
  id: 'apigateway-method-authorization',
  title: 'API Gateway REST method requires authorization',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGateway::Method'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'A method with AuthorizationType NONE runs its integration for any caller who can reach the API. IAM authorization, a Lambda authorizer or a Cognito user pool authorizer make API Gateway reject unauthenticated calls before the backend sees them; an API key alone identifies a client but is not authorization, as AWS warns. OPTIONS methods are left out because browsers send CORS preflight requests without credentials. A resource policy may still restrict who reaches a NONE method (by VPC endpoint or source IP); this check does not read it, so a public-facing design choice must be confirmed by a person.',
  remediation: {
    console: 'API Gateway console > the API > Resources > the method > Method request > Edit: Authorization: AWS IAM, a Lambda authorizer or a Cognito user pool authorizer.',
    cloudformation: 'AWS::ApiGateway::Method.AuthorizationType: AWS_IAM, CUSTOM or COGNITO_USER_POOLS (with AuthorizerId for the last two)',
    terraform: 'aws_api_gateway_method.authorization = "AWS_IAM" (or "CUSTOM" / "COGNITO_USER_POOLS" with authorizer_id)',
  },
  evaluate(method) {
    const verb = str(method.properties['HttpMethod']);
    if (isUnknown(verb)) return unknown(verb, 'HttpMethod');
    if (verb?.toUpperCase() === 'OPTIONS') return notApplicable('OPTIONS methods answer CORS preflight requests, which browsers send without credentials');
    const type = str(method.properties['AuthorizationType']);
    if (isUnknown(type)) return unknown(type, 'AuthorizationType');
    if (type === undefined || type.toUpperCase() === 'NONE') return fail(`the ${verb ?? 'unnamed'} method requires no authorization: any caller who reaches the API runs its integration`, 'AuthorizationType');
    if (AUTHORIZED.has(type.toUpperCase())) return pass(`the ${verb ?? 'unnamed'} method requires ${type} authorization`, 'AuthorizationType');
    return unknown(`AuthorizationType ${type} is not a type API Gateway documents (NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS)`, 'AuthorizationType');
  },
});
