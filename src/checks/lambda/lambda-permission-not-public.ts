// Compliant: the Lambda resource-based permission does not let everyone invoke the function (no "*" principal without a source or organisation condition, no unauthenticated URL access).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

// Properties of AWS::Lambda::Permission that tie a "*" principal to a specific caller.
const NARROWING_PROPERTIES = ['SourceArn', 'SourceAccount', 'PrincipalOrgID'];

export default defineCheck({
  id: 'lambda-permission-not-public',
  title: 'Lambda resource policy does not allow everyone to invoke the function',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Permission'],
  layer: 'identity-access',
  control: 'identity-access',
  duty: 'restrict-access',
  severity: 'critical',
  rationale:
    'A permission that grants a "*" principal without a source ARN, source account or organisation lets any AWS account (or, for function URLs without auth, anyone) invoke the function. Writing resource policies that name the intended callers is the customer\'s.',
  remediation: {
    console: 'Lambda console > function > Configuration > Permissions > Resource-based policy statements: remove the statement, or name the account or service and add a source ARN.',
    cloudformation: 'AWS::Lambda::Permission.Principal: an account or service principal, with SourceArn or SourceAccount (or PrincipalOrgID); FunctionUrlAuthType: AWS_IAM',
    terraform: 'aws_lambda_permission { principal = "...", source_arn = "..." }',
  },
  evaluate(permission) {
    const urlAuth = str(at(permission.properties, 'FunctionUrlAuthType'));
    if (isUnknown(urlAuth)) return unknown(urlAuth, 'FunctionUrlAuthType');
    if (urlAuth === 'NONE') return fail('the permission allows unauthenticated calls to the function URL', 'FunctionUrlAuthType');

    const principal = str(at(permission.properties, 'Principal'));
    if (isUnknown(principal)) return unknown(principal, 'Principal');
    if (principal !== '*') return pass(`the permission is granted to ${principal ?? 'a named principal'}`, 'Principal');
    for (const property of NARROWING_PROPERTIES) {
      const value = permission.properties[property];
      if (value !== undefined && value !== null) return pass(`the "*" principal is narrowed by ${property}`, property);
    }
    return fail('the permission grants "*" with no SourceArn, SourceAccount or PrincipalOrgID: any AWS account can invoke the function', 'Principal');
  },
});
