import type { TemplateValue } from '../parse-yaml.js';
import { generatedBody } from './api-body.js';
import type { SamContext } from './context.js';
import type { Entry, Origin } from './output.js';
import type { SamProperties } from './properties.js';
import { alphanumeric, isPlainRecord, own, ref, s3Location, sub, tagList } from './template-values.js';

const REST_API_SAME_NAME = ['Name', 'Description', 'BinaryMediaTypes', 'MinimumCompressionSize', 'DisableExecuteApiEndpoint', 'Mode', 'FailOnWarnings', 'ApiKeySourceType'];
const STAGE_SAME_NAME = ['Variables', 'MethodSettings', 'AccessLogSetting', 'TracingEnabled', 'CacheClusterEnabled', 'CacheClusterSize', 'CanarySetting'];

/** SAM's `EndpointConfiguration` (a type, or `{Type, VPCEndpointIds}`) in the shape of the RestApi property. */
function endpointConfiguration(value: TemplateValue | undefined): TemplateValue | undefined {
  if (value === undefined) return undefined;
  if (!isPlainRecord(value)) return { Types: [value] };
  const out: { [key: string]: TemplateValue } = { Types: [own(value, 'Type') ?? null] };
  const endpoints = own(value, 'VPCEndpointIds');
  if (endpoints !== undefined) out['VpcEndpointIds'] = endpoints;
  return out;
}

/**
 * `AWS::Serverless::Api`, or the API SAM creates for functions' `Api` events that name none (`ServerlessRestApi`,
 * stage `Prod`, configured by `Globals.Api`): the RestApi, its deployment and its stage `<id><StageName>Stage`.
 */
export function expandRestApi(id: string, props: SamProperties, origin: Origin, context: SamContext, implicit: boolean): void {
  const { output } = context;
  const line = origin.line;
  const field = (name: string, as = name): Entry => [as, props.value(name), props.line(name)];
  const definition = props.get('DefinitionBody');
  const definitionUri = props.get('DefinitionUri');
  const entries: Entry[] = REST_API_SAME_NAME.map((name) => field(name));
  const body = definition?.value ?? (definitionUri === undefined ? generatedBody(context.routes.get(id) ?? [], context, 'rest') : undefined);
  entries.push(['Body', body, definition?.line ?? line]);
  if (definitionUri !== undefined) {
    entries.push(['BodyS3Location', s3Location(definitionUri.value, { bucket: 'Bucket', key: 'Key', version: 'Version' }) ?? null, definitionUri.line]);
  }
  entries.push(['EndpointConfiguration', endpointConfiguration(props.value('EndpointConfiguration')), props.line('EndpointConfiguration')]);
  const tags = props.get('Tags');
  if (tags !== undefined) entries.push(['Tags', tagList(tags.value), tags.line]);
  if (!output.add(id, 'AWS::ApiGateway::RestApi', output.record(entries, line), origin)) return;
  readAuth(id, props, origin, context);

  const stage = props.get('StageName');
  const stageName = implicit && stage === undefined ? 'Prod' : stage?.value;
  // SAM names the stage after a StageName written as text; a parameter's default does not count.
  const literal = typeof stageName === 'string' ? stageName : undefined;
  const stageId = `${id}${literal === undefined ? '' : alphanumeric(literal)}Stage`;
  const deploymentId = `${id}Deployment`;
  output.referenceable.set(`${id}.Stage`, stageId);
  output.referenceable.set(`${id}.Deployment`, deploymentId);
  const openApi = props.get('OpenApiVersion');
  output.add(deploymentId, 'AWS::ApiGateway::Deployment', output.record([
    ['RestApiId', ref(id), line],
    ['Description', 'RestApi deployment', line],
    // Without OpenApiVersion, SAM's deployment also makes a stage named Stage.
    ['StageName', openApi === undefined ? 'Stage' : undefined, line],
  ], line), origin);
  const stageEntries: Entry[] = [['StageName', stageName ?? null, stage?.line ?? line], ['RestApiId', ref(id), line], ['DeploymentId', ref(deploymentId), line]];
  for (const name of STAGE_SAME_NAME) stageEntries.push(field(name));
  if (tags !== undefined) stageEntries.push(['Tags', tagList(tags.value), tags.line]);
  output.add(stageId, 'AWS::ApiGateway::Stage', output.record(stageEntries, stage?.line ?? line), origin);
}

/** What `Auth` makes outside the API definition: the permission for each Lambda authorizer; a resource policy is reported when it cannot be read. */
function readAuth(id: string, props: SamProperties, origin: Origin, context: SamContext): void {
  const auth = props.get('Auth');
  if (auth === undefined || !isPlainRecord(auth.value)) return;
  const { output } = context;
  const authorizers = own(auth.value, 'Authorizers');
  if (isPlainRecord(authorizers)) {
    for (const [name, authorizer] of Object.entries(authorizers)) {
      const functionArn = isPlainRecord(authorizer) ? own(authorizer, 'FunctionArn') : undefined;
      if (functionArn === undefined) continue;
      const line = output.keyLine(authorizers, name) ?? auth.line;
      output.add(`${id}${name}AuthorizerPermission`, 'AWS::Lambda::Permission', output.record([
        ['Action', 'lambda:InvokeFunction', line],
        ['FunctionName', functionArn, line],
        ['Principal', 'apigateway.amazonaws.com', line],
        ['SourceArn', sub('arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*', { __ApiId__: ref(id) }), line],
      ], line), origin);
    }
  }
  const policy = own(auth.value, 'ResourcePolicy');
  if (policy !== undefined) {
    // SAM writes the resource policy into the API definition, built from its own shorthands (IP ranges, VPCs, accounts).
    output.unknown(id, ['Policy'], 'Auth.ResourcePolicy becomes a resource policy that SAM builds into the API definition, which demarc does not expand');
  }
  if (own(auth.value, 'UsagePlan') !== undefined) output.report(`${id}: Auth.UsagePlan makes a usage plan and API keys, which demarc does not expand`, auth.line);
}
