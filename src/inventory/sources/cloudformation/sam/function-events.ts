import { intrinsicOf } from '../intrinsics.js';
import type { TemplateValue } from '../parse-yaml.js';
import type { SamContext, SamResource } from './context.js';
import type { Entry } from './output.js';
import { managedPolicyArn, type RoleBuilder } from './role.js';
import { getAtt, isPlainRecord, isTemplateRecord, own, put, ref, sub, type TemplateRecord } from './template-values.js';

type Line = number | undefined;

/** One event of a function, with what the handlers need. */
interface FunctionEvent {
  name: string;
  /** `<function><event>`: the id SAM gives what the event makes. */
  id: string;
  properties: TemplateRecord;
  line: Line;
  /** The line of one of the event's properties, or the event's own. */
  lineOf(property: string): Line;
  /** What invokes the function: `!Ref` of the function, or of its alias. */
  target: TemplateRecord;
  /** The function's ARN as an event target: `!GetAtt function.Arn`, or the alias (whose `!Ref` is its ARN). */
  targetArn: TemplateRecord;
}

type Handler = (event: FunctionEvent, resource: SamResource, context: SamContext, role: RoleBuilder | undefined) => void;

/** The permission letting a service invoke the function for the event. */
function permission(context: SamContext, resource: SamResource, event: FunctionEvent, id: string, principal: string, extra: Entry[]): void {
  const { output } = context;
  output.add(id, 'AWS::Lambda::Permission', output.record([
    ['Action', 'lambda:InvokeFunction', event.line],
    ['FunctionName', { ...event.target }, event.line],
    ['Principal', principal, event.line],
    ...extra,
  ], event.line), resource.origin);
}

/** The part of an execute-api ARN after the stage: `GET/pets/*`, where a path parameter matches any segment. */
function routeArn(method: TemplateValue | undefined, path: TemplateValue | undefined, context: SamContext): { text: string; variables: TemplateRecord } {
  const verb = context.literal(method);
  const route = context.literal(path);
  const variables: TemplateRecord = {};
  const verbText = verb === undefined ? (method === undefined ? '*' : '${__Method__}') : verb.toLowerCase() === 'any' ? '*' : verb.toUpperCase();
  if (verb === undefined && method !== undefined) variables['__Method__'] = method;
  let routeText = route === undefined ? '${__Path__}' : route.replace(/\{[^}]*\}/g, '*');
  if (route === undefined) put(variables, '__Path__', path ?? null);
  if (route !== undefined && !routeText.startsWith('/')) routeText = `/${routeText}`;
  return { text: `${verbText}${routeText}`, variables };
}

function executeApiSourceArn(api: TemplateValue, route: string, variables: TemplateRecord): TemplateRecord {
  return sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/\${__Stage__}/${route}`, { ...variables, __ApiId__: api, __Stage__: '*' });
}

function addRoute(context: SamContext, apiId: string | undefined, event: FunctionEvent, resource: SamResource): void {
  if (apiId === undefined) return;
  const routes = context.routes.get(apiId) ?? [];
  routes.push({ path: own(event.properties, 'Path'), method: own(event.properties, 'Method'), line: event.line, functionId: resource.id });
  context.routes.set(apiId, routes);
}

/** The id of the API an event names with `!Ref`, if it names one. */
function refTarget(value: TemplateValue | undefined): string | undefined {
  return isTemplateRecord(value) && intrinsicOf(value)?.name === 'Ref' && typeof value['Ref'] === 'string' ? value['Ref'] : undefined;
}

const api: Handler = (event, resource, context) => {
  const named = own(event.properties, 'RestApiId');
  const apiId = refTarget(named);
  const stage = apiId === undefined ? (named === undefined ? 'Prod' : 'Stage') : stageSuffix(apiId, context);
  addRoute(context, apiId ?? (named === undefined ? 'ServerlessRestApi' : undefined), event, resource);
  const route = routeArn(own(event.properties, 'Method'), own(event.properties, 'Path'), context);
  const sourceArn = executeApiSourceArn(named ?? ref('ServerlessRestApi'), route.text, route.variables);
  permission(context, resource, event, `${event.id}Permission${stage}`, 'apigateway.amazonaws.com', [['SourceArn', sourceArn, event.line]]);
};

/** The stage of an `AWS::Serverless::Api` as SAM writes it in the ids of permissions: `Prod`, or `Stage` for a value it cannot read. */
function stageSuffix(apiId: string, context: SamContext): string {
  const definition = context.definitionOf(apiId);
  const properties = isPlainRecord(definition) ? own(definition, 'Properties') : undefined;
  const stage = isPlainRecord(properties) ? own(properties, 'StageName') : undefined;
  const name = stage ?? own(context.globals('Api'), 'StageName');
  return typeof name !== 'string' ? 'Stage' : name.replace(/[^A-Za-z0-9]/g, '');
}

const httpApi: Handler = (event, resource, context) => {
  const named = own(event.properties, 'ApiId');
  const apiId = refTarget(named);
  addRoute(context, apiId ?? (named === undefined ? 'ServerlessHttpApi' : undefined), event, resource);
  const path = own(event.properties, 'Path');
  const route = path === undefined ? { text: '*', variables: {} } : routeArn(own(event.properties, 'Method'), path, context);
  const sourceArn = executeApiSourceArn(named ?? ref('ServerlessHttpApi'), route.text, route.variables);
  permission(context, resource, event, `${event.id}Permission`, 'apigateway.amazonaws.com', [['SourceArn', sourceArn, event.line]]);
};

/** A pull-based source: an event source mapping, and the managed policy SAM attaches so the role can read it. */
function mapping(sourceProperty: string | undefined, policy: string | undefined): Handler {
  return (event, resource, context, role) => {
    const entries: Entry[] = [['FunctionName', { ...event.target }, event.line]];
    for (const [key, value] of Object.entries(event.properties)) {
      entries.push([key === sourceProperty ? 'EventSourceArn' : key, value, event.lineOf(key)]);
    }
    context.output.add(event.id, 'AWS::Lambda::EventSourceMapping', context.output.record(entries, event.line), resource.origin);
    if (role === undefined) return;
    if (policy !== undefined) role.addManaged(managedPolicyArn(policy), event.line);
    else role.addUnclear(`${event.id}Policy`, `the policy SAM writes for the ${event.name} event source is not expanded by demarc`, event.line);
    if (own(event.properties, 'DestinationConfig') !== undefined) {
      role.addUnclear(`${event.id}DestinationPolicy`, `the policy SAM writes for the on-failure destination of ${event.name} is not expanded by demarc`, event.lineOf('DestinationConfig'));
    }
  };
}

/** An EventBridge rule that targets the function (schedules, event patterns), and its permission. */
function rule(kind: 'schedule' | 'pattern'): Handler {
  return (event, resource, context) => {
    const { output } = context;
    const p = (name: string): TemplateValue | undefined => own(event.properties, name);
    const enabled = p('Enabled');
    const state = p('State') ?? (typeof enabled === 'boolean' ? (enabled ? 'ENABLED' : 'DISABLED') : undefined);
    const target = output.record([
      ['Arn', { ...event.targetArn }, event.line],
      ['Id', `${event.id}LambdaTarget`, event.line],
      ['Input', p('Input'), event.lineOf('Input')],
      ['InputPath', p('InputPath'), event.lineOf('InputPath')],
      ['InputTransformer', p('InputTransformer'), event.lineOf('InputTransformer')],
      ['DeadLetterConfig', p('DeadLetterConfig'), event.lineOf('DeadLetterConfig')],
      ['RetryPolicy', p('RetryPolicy'), event.lineOf('RetryPolicy')],
    ], event.line);
    output.add(event.id, 'AWS::Events::Rule', output.record([
      kind === 'schedule' ? ['ScheduleExpression', p('Schedule'), event.lineOf('Schedule')] : ['EventPattern', p('Pattern'), event.lineOf('Pattern')],
      ['EventBusName', p('EventBusName'), event.lineOf('EventBusName')],
      ['Name', p('Name') ?? p('RuleName'), event.lineOf(p('Name') === undefined ? 'RuleName' : 'Name')],
      ['Description', p('Description'), event.lineOf('Description')],
      ['State', state, event.lineOf(p('State') === undefined ? 'Enabled' : 'State')],
      ['Targets', output.list([[target, event.line]], event.line), event.line],
    ], event.line), resource.origin);
    permission(context, resource, event, `${event.id}Permission`, 'events.amazonaws.com', [['SourceArn', getAtt(event.id, 'Arn'), event.line]]);
  };
}

const logs: Handler = (event, resource, context) => {
  const { output } = context;
  const group = own(event.properties, 'LogGroupName') ?? null;
  output.add(event.id, 'AWS::Logs::SubscriptionFilter', output.record([
    ['DestinationArn', { ...event.targetArn }, event.line],
    ['FilterPattern', own(event.properties, 'FilterPattern'), event.lineOf('FilterPattern')],
    ['LogGroupName', group, event.lineOf('LogGroupName')],
  ], event.line), resource.origin);
  const sourceArn = sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${__LogGroupName__}:*', { __LogGroupName__: group });
  permission(context, resource, event, `${event.id}Permission`, 'logs.amazonaws.com', [['SourceArn', sourceArn, event.line]]);
};

const iot: Handler = (event, resource, context) => {
  const { output } = context;
  output.add(event.id, 'AWS::IoT::TopicRule', output.record([
    ['TopicRulePayload', {
      Actions: [{ Lambda: { FunctionArn: { ...event.targetArn } } }],
      AwsIotSqlVersion: own(event.properties, 'AwsIotSqlVersion') ?? 'beta',
      RuleDisabled: false,
      Sql: own(event.properties, 'Sql') ?? null,
    }, event.lineOf('Sql')],
  ], event.line), resource.origin);
  permission(context, resource, event, `${event.id}Permission`, 'iot.amazonaws.com', [
    ['SourceAccount', sub('${AWS::AccountId}'), event.line],
    ['SourceArn', sub('arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:rule/${RuleName}', { RuleName: ref(event.id) }), event.line],
  ]);
};

const sns: Handler = (event, resource, context) => {
  const { output } = context;
  const topic = own(event.properties, 'Topic') ?? null;
  if (own(event.properties, 'SqsSubscription') !== undefined) {
    output.report(`${resource.id}: the SqsSubscription of event ${event.name} makes a queue and its policy, which demarc does not expand`, event.lineOf('SqsSubscription'));
  }
  const p = (name: string): Entry => [name, own(event.properties, name), event.lineOf(name)];
  output.add(event.id, 'AWS::SNS::Subscription', output.record([
    ['Endpoint', { ...event.targetArn }, event.line],
    ['Protocol', 'lambda', event.line],
    ['TopicArn', topic, event.lineOf('Topic')],
    p('FilterPolicy'), p('FilterPolicyScope'), p('Region'), p('RedrivePolicy'),
  ], event.line), resource.origin);
  permission(context, resource, event, `${event.id}Permission`, 'sns.amazonaws.com', [['SourceArn', topic, event.lineOf('Topic')]]);
};

const s3: Handler = (event, resource, context) => {
  permission(context, resource, event, `${event.id}Permission`, 's3.amazonaws.com', [['SourceAccount', ref('AWS::AccountId'), event.line]]);
};

const cognito: Handler = (event, resource, context) => {
  const pool = refTarget(own(event.properties, 'UserPool'));
  permission(context, resource, event, `${event.id}Permission`, 'cognito-idp.amazonaws.com', [['SourceArn', pool === undefined ? null : getAtt(pool, 'Arn'), event.lineOf('UserPool')]]);
};

const alexa: Handler = (event, resource, context) => {
  permission(context, resource, event, `${event.id}Permission`, 'alexa-appkit.amazon.com', [['EventSourceToken', own(event.properties, 'SkillId'), event.lineOf('SkillId')]]);
};

const HANDLERS: Readonly<Record<string, Handler>> = {
  Api: api,
  HttpApi: httpApi,
  SQS: mapping('Queue', 'AWSLambdaSQSQueueExecutionRole'),
  Kinesis: mapping('Stream', 'AWSLambdaKinesisExecutionRole'),
  DynamoDB: mapping('Stream', 'AWSLambdaDynamoDBExecutionRole'),
  MSK: mapping('Stream', 'AWSLambdaMSKExecutionRole'),
  MQ: mapping('Broker', undefined),
  DocumentDB: mapping('Cluster', undefined),
  SelfManagedKafka: mapping(undefined, undefined),
  Schedule: rule('schedule'),
  CloudWatchEvent: rule('pattern'),
  EventBridgeRule: rule('pattern'),
  CloudWatchLogs: logs,
  IoTRule: iot,
  SNS: sns,
  S3: s3,
  Cognito: cognito,
  AlexaSkill: alexa,
};

/** The resources each entry of a function's `Events` makes: permissions with their source, rules, mappings ... */
export function expandFunctionEvents(resource: SamResource, context: SamContext, target: TemplateRecord, role: RoleBuilder | undefined): void {
  const { output } = context;
  const events = resource.props.value('Events');
  if (!isPlainRecord(events)) return;
  const targetArn = intrinsicOf(target)?.name === 'Ref' && target['Ref'] !== resource.id ? target : getAtt(resource.id, 'Arn');
  for (const [name, definition] of Object.entries(events)) {
    const line = output.keyLine(events, name);
    const type = isPlainRecord(definition) ? own(definition, 'Type') : undefined;
    const handler = typeof type === 'string' && Object.hasOwn(HANDLERS, type) ? HANDLERS[type] : undefined;
    if (handler === undefined) {
      output.report(`${resource.id}: event ${name} of type ${typeof type === 'string' ? type : '(none)'} is not expanded by demarc; what SAM makes for it is not scanned`, line);
      continue;
    }
    const raw = isPlainRecord(definition) ? own(definition, 'Properties') : undefined;
    const properties = isPlainRecord(raw) ? raw : {};
    const event: FunctionEvent = {
      name,
      id: `${resource.id}${name}`,
      properties,
      line,
      lineOf: (property) => output.keyLine(properties, property) ?? line,
      target,
      targetArn,
    };
    handler(event, resource, context, role);
  }
}
