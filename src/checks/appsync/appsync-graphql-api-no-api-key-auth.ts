// Compliant: neither the GraphQL API's default authorization mode nor any additional one is API_KEY.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'appsync-graphql-api-no-api-key-auth',
  title: 'AppSync GraphQL API does not accept API keys for authorization',
  service: 'appsync',
  resourceTypes: ['AWS::AppSync::GraphQLApi'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'An AppSync API key is a shared secret with no identity behind it: it ships inside client code, anyone who reads it can call the API until it expires, and AWS documents it for development and public, unauthenticated data. IAM, Amazon Cognito user pools, OpenID Connect or a Lambda authorizer tie every request to a caller. An additional authorization mode of API_KEY opens the API as wide as a default one (for the fields that accept it), so both are judged.',
  remediation: {
    console: 'AWS AppSync console > the API > Settings > Authorization modes: make the default mode IAM, Cognito user pools, OpenID Connect or Lambda, remove any API key mode, and delete the API keys.',
    cloudformation: 'AWS::AppSync::GraphQLApi.AuthenticationType: AWS_IAM (or AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT, AWS_LAMBDA), and no AdditionalAuthenticationProviders entry with API_KEY',
    terraform: 'aws_appsync_graphql_api { authentication_type = "AWS_IAM" } and no additional_authentication_provider { authentication_type = "API_KEY" }',
  },
  evaluate(api) {
    const results: Evaluation[] = [];
    const primary = str(at(api.properties, 'AuthenticationType'));
    if (isUnknown(primary)) results.push(unknown(primary, 'AuthenticationType'));
    else if (primary === undefined) results.push(unknown('AuthenticationType is not set (CloudFormation and the API require it)', 'AuthenticationType'));
    else if (primary === 'API_KEY') results.push(fail('the default authorization mode is API_KEY: any holder of a key can call the API', 'AuthenticationType'));
    const providers = list(at(api.properties, 'AdditionalAuthenticationProviders'));
    if (isUnknown(providers)) results.push(unknown(providers, 'AdditionalAuthenticationProviders'));
    for (const [index, provider] of (Array.isArray(providers) ? providers : []).entries()) {
      const path = `AdditionalAuthenticationProviders.${index}.AuthenticationType`;
      const type = str(at(provider, 'AuthenticationType'));
      if (isUnknown(type)) results.push(unknown(type, path));
      else if (type === 'API_KEY') results.push(fail('an additional authorization mode is API_KEY: any holder of a key can call the fields that allow it', path));
    }
    const failures = results.filter((result) => result.status === 'fail');
    if (failures.length > 0) return failures;
    if (results.length > 0) return results;
    return pass(`authorization is ${typeof primary === 'string' ? primary : 'set'}${Array.isArray(providers) && providers.length > 0 ? ' with additional modes that are not API keys' : ''}, never an API key`, 'AuthenticationType');
  },
});
