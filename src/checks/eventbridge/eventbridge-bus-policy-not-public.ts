// Compliant: no event bus policy (an AWS::Events::EventBus Policy, or an AWS::Events::EventBusPolicy statement) lets everyone put events without a condition that fixes the caller.
import { defineCheck, pass, unknown } from '../define-check.js';
import { at, str } from '../../inventory/readers.js';
import { isRecord, isUnknown, type PropRecord, type PropValue } from '../../inventory/values.js';
import type { Resource } from '../../inventory/resource.js';
import { openPolicyProblems } from '../lib/data-stores.js';
import type { Evaluation } from '../types.js';

/** The legacy form of AWS::Events::EventBusPolicy (Action, Principal, Condition {Type, Key, Value}) as one statement. */
function legacyStatement(properties: PropRecord): { statement: PropRecord } | { problem: Evaluation } {
  const principal = str(properties['Principal']);
  if (isUnknown(principal)) return { problem: unknown(principal, 'Principal') };
  const condition = properties['Condition'];
  let conditionBlock: PropValue | undefined;
  if (isUnknown(condition)) return { problem: unknown(condition, 'Condition') };
  if (isRecord(condition)) {
    const type = str(at(condition, 'Type'));
    const key = str(at(condition, 'Key'));
    if (isUnknown(type)) return { problem: unknown(type, 'Condition.Type') };
    if (isUnknown(key)) return { problem: unknown(key, 'Condition.Key') };
    if (type !== undefined && key !== undefined) conditionBlock = { [type]: { [key]: at(condition, 'Value') ?? null } };
  }
  const statement: PropRecord = {
    Effect: 'Allow',
    Principal: principal === '*' ? '*' : { AWS: principal ?? null },
    Action: properties['Action'] ?? 'events:PutEvents',
  };
  if (conditionBlock !== undefined) statement['Condition'] = conditionBlock;
  return { statement };
}

function judge(resource: Resource): Evaluation | readonly Evaluation[] {
  if (resource.type === 'AWS::Events::EventBus') {
    const policy = resource.properties['Policy'];
    if (policy === undefined || policy === null) return pass('the event bus has no resource policy: only its own account can put events on it');
    const problems = openPolicyProblems(policy, 'the event bus policy', 'Policy');
    return problems.length > 0 ? problems : pass('the event bus policy admits no anonymous or public principal', 'Policy');
  }
  const statement = resource.properties['Statement'];
  if (statement !== undefined && statement !== null) {
    const problems = openPolicyProblems(isUnknown(statement) ? statement : { Statement: [statement] }, 'the event bus policy statement', 'Statement');
    return problems.length > 0 ? problems : pass('the statement admits no anonymous or public principal', 'Statement');
  }
  const legacy = legacyStatement(resource.properties);
  if ('problem' in legacy) return legacy.problem;
  const problems = openPolicyProblems({ Statement: [legacy.statement] }, 'the event bus permission', 'Principal');
  return problems.length > 0 ? problems : pass('the permission names the account or organization it admits', 'Principal');
}

export default defineCheck({
  id: 'eventbridge-bus-policy-not-public',
  title: 'EventBridge event bus policy is not open to everyone',
  service: 'eventbridge',
  resourceTypes: ['AWS::Events::EventBus', 'AWS::Events::EventBusPolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'An event bus policy that allows Principal "*" with no condition lets any AWS account put events on the bus, and through its rules trigger the customer\'s Lambda functions, Step Functions workflows and other targets with forged input. Who may send events to a bus is the customer\'s to decide: name the accounts, or narrow "*" with aws:PrincipalOrgID.',
  remediation: {
    console: 'EventBridge console > Event buses > the bus > Permissions > Manage permissions: name account ids, or add an aws:PrincipalOrgID condition.',
    cloudformation: 'AWS::Events::EventBus.Policy (or AWS::Events::EventBusPolicy.Statement): no Allow for Principal "*" without an aws:PrincipalOrgID or aws:SourceAccount condition',
    terraform: 'aws_cloudwatch_event_bus_policy.policy: no Allow for principals "*" without a narrowing condition',
  },
  evaluate: judge,
});
