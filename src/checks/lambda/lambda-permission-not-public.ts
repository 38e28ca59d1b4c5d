// Compliant: the Lambda resource-based permission does not let everyone invoke the function (no "*" principal without a condition fixing the caller, no unauthenticated URL access), and a permission for an AWS service names the source (SourceArn or SourceAccount).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import type { PropRecord, PropValue } from '../../inventory/values.js';
import { analyzeResourcePolicy, conditionNarrows } from '../lib/resource-policy.js';

/**
 * The policy statement Lambda writes for a permission: `SourceArn` becomes an `ArnLike aws:SourceArn` condition,
 * `SourceAccount`, `PrincipalOrgID`, `EventSourceToken` and `FunctionUrlAuthType` `StringEquals` conditions.
 */
function conditionOf(properties: PropRecord, names: readonly string[]): PropRecord {
  const arnLike: PropRecord = {};
  const stringEquals: PropRecord = {};
  const keys: Record<string, [PropRecord, string]> = {
    SourceArn: [arnLike, 'aws:SourceArn'],
    SourceAccount: [stringEquals, 'aws:SourceAccount'],
    PrincipalOrgID: [stringEquals, 'aws:PrincipalOrgID'],
    EventSourceToken: [stringEquals, 'lambda:EventSourceToken'],
    FunctionUrlAuthType: [stringEquals, 'lambda:FunctionUrlAuthType'],
  };
  for (const name of names) {
    const value = properties[name];
    const target = keys[name];
    if (value === undefined || value === null || target === undefined) continue;
    target[0][target[1]] = value;
  }
  const condition: PropRecord = {};
  if (Object.keys(arnLike).length > 0) condition['ArnLike'] = arnLike;
  if (Object.keys(stringEquals).length > 0) condition['StringEquals'] = stringEquals;
  return condition;
}

const CALLER_PROPERTIES = ['SourceArn', 'SourceAccount', 'PrincipalOrgID', 'EventSourceToken', 'FunctionUrlAuthType'] as const;
// What ties a service's call to the customer's own resource (the confused-deputy guard Lambda documents).
const SOURCE_PROPERTIES = ['SourceArn', 'SourceAccount', 'EventSourceToken'] as const;

/** A service principal (`s3.amazonaws.com`, `alexa-appkit.amazon.com`), as opposed to an account or ARN. */
const isServicePrincipal = (principal: string): boolean => /^[a-z0-9.-]+\.amazon(aws)?\.com(\.cn)?$/i.test(principal);

export default defineCheck({
  id: 'lambda-permission-not-public',
  title: 'Lambda resource policy does not allow everyone to invoke the function',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Permission'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'critical',
  rationale:
    'A permission that grants a "*" principal without a condition fixing the caller (a source ARN of one account, a source account, an organisation) lets any AWS account (or, for function URLs without auth, anyone) invoke the function. A permission for an AWS service (s3.amazonaws.com, sns.amazonaws.com ...) without SourceArn or SourceAccount lets that service invoke the function on behalf of any account that points its own resource at it: the confused deputy the Lambda documentation warns about. Writing resource policies that name the intended callers is the customer\'s.',
  remediation: {
    console: 'Lambda console > function > Configuration > Permissions > Resource-based policy statements: remove the statement, or name the account or service and add a source ARN and source account.',
    cloudformation: 'AWS::Lambda::Permission.Principal: an account or service principal, with SourceArn and SourceAccount (or PrincipalOrgID for "*"); FunctionUrlAuthType: AWS_IAM',
    terraform: 'aws_lambda_permission { principal = "...", source_arn = "...", source_account = "..." }',
  },
  evaluate(permission) {
    const properties = permission.properties;
    const urlAuth = str(at(properties, 'FunctionUrlAuthType'));
    if (isUnknown(urlAuth)) return unknown(urlAuth, 'FunctionUrlAuthType');
    if (urlAuth === 'NONE') return fail('the permission allows unauthenticated calls to the function URL', 'FunctionUrlAuthType');

    const principal: PropValue | undefined = properties['Principal'];
    const statement: PropRecord = { Effect: 'Allow', Action: properties['Action'] ?? 'lambda:InvokeFunction', Resource: '*' };
    // A principal other than "*" is an account, an ARN or a service: never everyone.
    statement['Principal'] = principal === '*' ? '*' : { AWS: principal ?? null };
    const condition = conditionOf(properties, CALLER_PROPERTIES);
    if (Object.keys(condition).length > 0) statement['Condition'] = condition;
    const analysis = analyzeResourcePolicy({ Version: '2012-10-17', Statement: [statement] });
    if (analysis.public.length > 0) {
      return fail('the permission grants "*" with no condition fixing the caller (a SourceArn of one account, a SourceAccount or a PrincipalOrgID without wildcards): any AWS account can invoke the function', 'Principal');
    }
    const doubt = analysis.unknown[0];
    if (doubt) return unknown(`cannot tell who may invoke the function: ${doubt.reason.reason}`, 'Principal');
    if (principal === '*') return pass('the "*" principal is narrowed to a fixed source or organisation', 'Principal');

    // A service principal built with `!Sub` (`logs.${AWS::Region}.amazonaws.com`) is still a service principal.
    const text = str(principal);
    const name = isUnknown(text) ? text.template : text;
    if (name !== undefined && isServicePrincipal(name.replace(/\$\{[^}]*\}/g, 'x'))) {
      const sources = conditionOf(properties, SOURCE_PROPERTIES);
      if (Object.keys(sources).length === 0) {
        return fail(`the permission lets ${name} invoke the function without SourceArn or SourceAccount: the service would call it for any account's resources (confused deputy)`, 'Principal');
      }
      const narrowed = conditionNarrows(sources);
      if (isUnknown(narrowed)) return unknown(`cannot tell which source may make ${name} invoke the function: ${narrowed.reason}`, 'SourceArn');
      if (!narrowed) return fail(`the permission lets ${name} invoke the function for a source that is not fixed (a wildcard SourceArn without an account): confused deputy`, 'SourceArn');
      return pass(`the permission lets ${name} invoke the function only for a fixed source`, 'Principal');
    }
    return pass(`the permission is granted to ${typeof name === 'string' ? name : 'a named principal'}`, 'Principal');
  },
});
