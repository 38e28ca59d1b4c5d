// Compliant: customer policies name specific actions: no service-wide wildcards (`*`, `s3:*`), no Allow with NotAction, and no wildcard actions on every resource.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { judgePermissionStatements, permissionDocuments } from '../lib/credentials.js';
import { isWildcard, type PolicyStatement } from '../lib/policy.js';

/** `*` or `service:*`: every action, or every action of one service. */
const serviceWide = (action: string): boolean => action === '*' || /^[a-z0-9-]+:\*$/i.test(action);

function problemsOf(statement: PolicyStatement): string[] {
  const problems: string[] = [];
  const actions = statement.actions.filter((action): action is string => typeof action === 'string');
  const broad = actions.filter(serviceWide);
  if (broad.length > 0) problems.push(`allows ${broad.map((action) => (action === '*' ? 'every action' : `every ${action.split(':')[0]} action`)).join(', ')}`);
  if (statement.notActions.length > 0) problems.push('allows everything except the actions in NotAction');
  const partial = actions.filter((action) => !serviceWide(action) && action.includes('*'));
  if (partial.length > 0 && statement.resources.some(isWildcard)) problems.push(`allows wildcard actions (${partial.slice(0, 3).join(', ')}) on every resource`);
  return problems;
}

export default defineCheck({
  id: 'iam-policy-no-wildcard-permissions',
  title: 'Customer policies avoid wildcard actions and resources',
  service: 'iam',
  resourceTypes: ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  layer: 'identity-access',
  control: 'identity-access',
  duty: 'least-privilege-policies',
  severity: 'medium',
  rationale:
    'A wildcard grants today\'s actions and every action AWS adds later, including destructive and permission-changing ones the author never meant to allow. Listing the actions and resources a workload needs is what least privilege means in practice, and only the customer knows what is needed.',
  remediation: {
    console: 'IAM console > Policies > the policy > Edit: replace "s3:*" style actions with the specific actions needed (IAM Access Analyzer can generate a policy from CloudTrail activity), and scope Resource to the ARNs used.',
    cloudformation: 'PolicyDocument.Statement[].Action: specific actions; Resource: specific ARNs; avoid NotAction with Effect Allow.',
    terraform: 'aws_iam_policy_document statement { actions = [specific actions], resources = [specific ARNs] }',
  },
  evaluate(resource) {
    const { failures, doubts } = judgePermissionStatements(resource, (statement, path) => {
      if (statement.effect === 'Deny') return undefined;
      const problems = problemsOf(statement);
      if (problems.length === 0) return undefined;
      return isUnknown(statement.effect) ? unknown(statement.effect, path) : fail(`a statement ${problems.join('; ')}`, path);
    });
    if (failures.length > 0) return failures;
    if (doubts.length > 0) return doubts;
    if (permissionDocuments(resource).length === 0) return notApplicable('no inline policy; attached managed policies are judged as resources of their own');
    return pass('the policies name specific actions');
  },
});
