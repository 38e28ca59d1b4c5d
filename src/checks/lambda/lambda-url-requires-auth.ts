// Compliant: the Lambda function URL requires IAM authentication (AuthType AWS_IAM).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'lambda-url-requires-auth',
  title: 'Lambda function URL requires IAM authentication',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Url'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A function URL with AuthType NONE is an HTTPS endpoint that anyone on the internet can call, billing every invocation to the account and exposing whatever the function can reach. Deciding who may invoke a function is the customer\'s.',
  remediation: {
    console: 'Lambda console > function > Configuration > Function URL > Edit > Auth type: AWS_IAM (or put the function behind API Gateway with an authorizer).',
    cloudformation: 'AWS::Lambda::Url.AuthType: AWS_IAM',
    terraform: 'aws_lambda_function_url { authorization_type = "AWS_IAM" }',
  },
  evaluate(url) {
    const authType = str(at(url.properties, 'AuthType'));
    if (isUnknown(authType)) return unknown(authType, 'AuthType');
    if (authType === 'AWS_IAM') return pass('the function URL requires IAM authentication', 'AuthType');
    if (authType === 'NONE') return fail('AuthType is NONE: anyone on the internet can invoke the function through its URL', 'AuthType');
    return unknown(`AuthType is ${authType ?? 'not set'}`, 'AuthType');
  },
});
