import type { SamContext, SamResource } from './context.js';
import type { Entry } from './output.js';
import { managedPolicyArn, RoleBuilder, trustPolicy } from './role.js';
import { getAtt, isPlainRecord, own, s3Location, tagList } from './template-values.js';

/** `AWS::Serverless::StateMachine`: the state machine and, unless `Role` is given, its role. */
export function expandStateMachine(resource: SamResource, context: SamContext): void {
  const { id, props, origin, line } = resource;
  const { output } = context;
  const field = (name: string, as = name): Entry => [as, props.value(name), props.line(name)];
  const role = props.get('Role');
  const roleId = `${id}Role`;
  const tags = props.get('Tags');
  const tracing = props.get('Tracing');
  const uri = props.get('DefinitionUri');
  const entries: Entry[] = [
    field('Definition'),
    field('DefinitionSubstitutions'),
    field('Name', 'StateMachineName'),
    field('Type', 'StateMachineType'),
    field('Logging', 'LoggingConfiguration'),
    field('Tracing', 'TracingConfiguration'),
    ['RoleArn', role?.value ?? getAtt(roleId, 'Arn'), role?.line ?? line],
    ['Tags', tagList(tags?.value, 'stateMachine:createdBy'), tags?.line],
  ];
  if (uri !== undefined) entries.push(['DefinitionS3Location', s3Location(uri.value, { bucket: 'Bucket', key: 'Key', version: 'Version' }) ?? null, uri.line]);
  output.add(id, 'AWS::StepFunctions::StateMachine', output.record(entries, line), origin);
  const events = props.get('Events');
  if (events !== undefined) output.report(`${id}: the events of a state machine are not expanded by demarc; the rules and APIs SAM makes for them are not scanned`, events.line);
  if (role !== undefined) return;

  const builder = new RoleBuilder(output, roleId);
  const tracingEnabled = isPlainRecord(tracing?.value) ? own(tracing.value, 'Enabled') : undefined;
  if (tracingEnabled === true || context.literal(tracingEnabled) === 'true') builder.addManaged(managedPolicyArn('AWSXrayWriteOnlyAccess'), tracing?.line);
  const policies = props.get('Policies');
  // Without Policies, SAM gives the role a policy that denies everything.
  if (policies === undefined) builder.addInline(`${roleId}Policy0`, { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }, line);
  builder.readPolicies(policies);
  const boundary = props.get('PermissionsBoundary');
  const path = props.get('RolePath');
  builder.build(origin, [
    ['AssumeRolePolicyDocument', trustPolicy('states.amazonaws.com'), line],
    ['PermissionsBoundary', boundary?.value, boundary?.line],
    ['Path', path?.value, path?.line],
    ['Tags', tagList(tags?.value, 'stateMachine:createdBy'), tags?.line],
  ], line);
}
