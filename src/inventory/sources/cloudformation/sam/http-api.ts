import { generatedBody } from './api-body.js';
import type { SamContext } from './context.js';
import type { Entry, Origin } from './output.js';
import type { SamProperties } from './properties.js';
import { alphanumeric, isPlainRecord, own, ref, s3Location, sub } from './template-values.js';

const STAGE_SAME_NAME = ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables'];

/**
 * `AWS::Serverless::HttpApi`, or the API SAM creates for functions' `HttpApi` events that name none
 * (`ServerlessHttpApi`, configured by `Globals.HttpApi`): the `AWS::ApiGatewayV2::Api` and its stage, `$default`
 * (`<id>ApiGatewayDefaultStage`) unless `StageName` names another (`<id><StageName>Stage`).
 */
export function expandHttpApi(id: string, props: SamProperties, origin: Origin, context: SamContext): void {
  const { output } = context;
  const line = origin.line;
  const field = (name: string): Entry => [name, props.value(name), props.line(name)];
  const definition = props.get('DefinitionBody');
  const definitionUri = props.get('DefinitionUri');
  const body = definition?.value ?? (definitionUri === undefined ? generatedBody(context.routes.get(id) ?? [], context, 'http') : undefined);
  const entries: Entry[] = [field('Name'), field('Description'), field('DisableExecuteApiEndpoint'), field('FailOnWarnings'), ['Body', body, definition?.line ?? line]];
  if (definitionUri !== undefined) {
    entries.push(['BodyS3Location', s3Location(definitionUri.value, { bucket: 'Bucket', key: 'Key', version: 'Version' }) ?? null, definitionUri.line]);
  }
  if (!output.add(id, 'AWS::ApiGatewayV2::Api', output.record(entries, line), origin)) return;
  authorizerPermissions(id, props, origin, context);

  const stage = props.get('StageName');
  const literal = typeof stage?.value === 'string' ? stage.value : undefined;
  const stageId = stage === undefined || literal === '$default' ? `${id}ApiGatewayDefaultStage` : `${id}${literal === undefined ? '' : alphanumeric(literal)}Stage`;
  output.referenceable.set(`${id}.Stage`, stageId);
  const stageEntries: Entry[] = [
    ['ApiId', ref(id), line],
    ['StageName', stage?.value ?? '$default', stage?.line ?? line],
    ['AutoDeploy', true, line],
    ['Tags', { 'httpapi:createdBy': 'SAM' }, line],
  ];
  for (const name of STAGE_SAME_NAME) stageEntries.push(field(name));
  output.add(stageId, 'AWS::ApiGatewayV2::Stage', output.record(stageEntries, stage?.line ?? line), origin);
}

/** The permission for each Lambda authorizer of `Auth.Authorizers`. */
function authorizerPermissions(id: string, props: SamProperties, origin: Origin, context: SamContext): void {
  const { output } = context;
  const auth = props.get('Auth');
  const authorizers = isPlainRecord(auth?.value) ? own(auth.value, 'Authorizers') : undefined;
  if (!isPlainRecord(authorizers)) return;
  for (const [name, authorizer] of Object.entries(authorizers)) {
    const functionArn = isPlainRecord(authorizer) ? own(authorizer, 'FunctionArn') : undefined;
    if (functionArn === undefined) continue;
    const line = output.keyLine(authorizers, name) ?? auth?.line;
    output.add(`${id}${name}AuthorizerPermission`, 'AWS::Lambda::Permission', output.record([
      ['Action', 'lambda:InvokeFunction', line],
      ['FunctionName', functionArn, line],
      ['Principal', 'apigateway.amazonaws.com', line],
      ['SourceArn', sub('arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*', { __ApiId__: ref(id) }), line],
    ], line), origin);
  }
}
