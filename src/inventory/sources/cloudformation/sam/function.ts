import type { TemplateValue } from '../parse-yaml.js';
import type { SamContext, SamResource } from './context.js';
import { expandFunctionEvents } from './function-events.js';
import type { Entry } from './output.js';
import { managedPolicyArn, RoleBuilder, trustPolicy } from './role.js';
import { alphanumeric, getAtt, isPlainRecord, own, ref, s3Location, tagList, type TemplateRecord } from './template-values.js';

/** Properties SAM passes to `AWS::Lambda::Function` under the same name. */
const SAME_NAME = [
  'FunctionName', 'Description', 'Handler', 'Runtime', 'MemorySize', 'Timeout', 'Environment', 'VpcConfig', 'KmsKeyArn',
  'Layers', 'PackageType', 'ReservedConcurrentExecutions', 'Architectures', 'EphemeralStorage', 'FileSystemConfigs',
  'ImageConfig', 'CodeSigningConfigArn', 'LoggingConfig', 'RuntimeManagementConfig', 'RecursiveLoop',
] as const;

/** `Code` from `InlineCode`, `ImageUri` or `CodeUri`; undefined with a reason when the template does not say it. */
function codeOf(resource: SamResource, context: SamContext): { code?: TemplateValue; line?: number; unknown?: string } {
  const { props } = resource;
  const { output } = context;
  const inline = props.get('InlineCode');
  if (inline !== undefined) return { code: output.record([['ZipFile', inline.value, inline.line]], inline.line), line: inline.line };
  const image = props.get('ImageUri');
  if (image !== undefined) return { code: output.record([['ImageUri', image.value, image.line]], image.line), line: image.line };
  const uri = props.get('CodeUri');
  if (uri === undefined) return { unknown: 'the function gives no CodeUri, InlineCode or ImageUri' };
  const location = s3Location(uri.value, { bucket: 'S3Bucket', key: 'S3Key', version: 'S3ObjectVersion' });
  if (location !== undefined) return { code: location, line: uri.line };
  const path = context.literal(uri.value);
  const why = path === undefined ? 'CodeUri is not an S3 location the template states' : `CodeUri ${path} is a local path, uploaded when the template is packaged`;
  return { line: uri.line, unknown: why };
}

/** `AWS::Serverless::Function`: the function, its role, version and alias, URL, and what its events make. */
export function expandFunction(resource: SamResource, context: SamContext): void {
  const { id, props, origin, line } = resource;
  const { output } = context;
  const entries: Entry[] = SAME_NAME.map((name) => [name, props.value(name), props.line(name)]);
  const code = codeOf(resource, context);
  // Code that is uploaded when the template is packaged is still a zip in S3, not an image: only where it lies is not known.
  entries.push(['Code', code.code ?? { S3Bucket: null, S3Key: null }, code.line ?? line]);

  const tracing = props.get('Tracing');
  const tracingMode = context.literal(tracing?.value);
  if (tracing !== undefined && tracingMode !== 'Disabled') {
    entries.push(['TracingConfig', output.record([['Mode', tracing.value, tracing.line]], tracing.line), tracing.line]);
  }
  const deadLetter = props.get('DeadLetterQueue');
  const deadLetterTarget = isPlainRecord(deadLetter?.value) ? own(deadLetter.value, 'TargetArn') : undefined;
  if (deadLetter !== undefined) entries.push(['DeadLetterConfig', output.record([['TargetArn', deadLetterTarget, deadLetter.line]], deadLetter.line), deadLetter.line]);
  const snapStart = props.get('SnapStart');
  if (snapStart !== undefined) entries.push(['SnapStart', snapStart.value, snapStart.line]);

  const roleGiven = props.get('Role');
  const roleId = `${id}Role`;
  entries.push(['Role', roleGiven?.value ?? getAtt(roleId, 'Arn'), roleGiven?.line ?? line]);
  const tags = props.get('Tags');
  entries.push(['Tags', tagList(tags?.value, 'lambda:createdBy'), tags?.line]);

  const extra: TemplateRecord = {};
  const metadata = own(resource.definition, 'Metadata');
  if (metadata !== undefined) extra['Metadata'] = metadata;
  if (!output.add(id, 'AWS::Lambda::Function', output.record(entries, line), origin, extra)) return;
  if (code.unknown !== undefined) {
    output.unknown(id, ['Code', 'S3Bucket'], code.unknown);
    output.unknown(id, ['Code', 'S3Key'], code.unknown);
  }

  const target = publishAlias(resource, context) ?? ref(id);
  expandUrl(resource, context, target);
  const role = roleGiven === undefined ? new RoleBuilder(output, roleId) : undefined;
  role?.addManaged(managedPolicyArn('AWSLambdaBasicExecutionRole'), line);
  if (tracingMode === 'Active') role?.addManaged(managedPolicyArn('AWSXrayWriteOnlyAccess'), tracing?.line);
  const vpc = props.get('VpcConfig');
  if (vpc !== undefined) role?.addManaged(managedPolicyArn('AWSLambdaVPCAccessExecutionRole'), vpc.line);
  role?.readPolicies(props.get('Policies'));
  expandFunctionEvents(resource, context, target, role);
  if (role === undefined) return;

  if (deadLetter !== undefined) {
    const kind = context.literal(isPlainRecord(deadLetter.value) ? own(deadLetter.value, 'Type') : undefined);
    const action = kind === 'SNS' ? 'sns:Publish' : kind === 'SQS' ? 'sqs:SendMessage' : undefined;
    if (action === undefined) role.addUnclear('DeadLetterQueuePolicy', 'DeadLetterQueue.Type is neither SQS nor SNS', deadLetter.line);
    else role.addInline('DeadLetterQueuePolicy', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: deadLetterTarget ?? null }] }, deadLetter.line);
  }
  const assume = props.get('AssumeRolePolicyDocument');
  const boundary = props.get('PermissionsBoundary');
  const path = props.get('RolePath');
  role.build(origin, [
    ['AssumeRolePolicyDocument', assume?.value ?? trustPolicy('lambda.amazonaws.com'), assume?.line ?? line],
    ['PermissionsBoundary', boundary?.value, boundary?.line],
    ['Path', path?.value, path?.line],
    ['Tags', tagList(tags?.value, 'lambda:createdBy'), tags?.line],
  ], line);
}

/** `AutoPublishAlias`: a version and an alias of it; what invokes the function then invokes the alias. */
function publishAlias(resource: SamResource, context: SamContext): TemplateRecord | undefined {
  const { id, props, origin } = resource;
  const alias = props.get('AutoPublishAlias');
  if (alias === undefined) return undefined;
  const name = context.literal(alias.value);
  if (name === undefined) {
    context.output.report(`${id}: AutoPublishAlias is not a name the template states, so the version and alias SAM publishes are not scanned`, alias.line);
    return undefined;
  }
  const { output } = context;
  const versionId = `${id}Version`;
  const aliasId = `${id}Alias${alphanumeric(name)}`;
  const description = props.get('VersionDescription');
  output.add(versionId, 'AWS::Lambda::Version', output.record([['FunctionName', ref(id), alias.line], ['Description', description?.value, description?.line]], alias.line), origin);
  output.referenceable.set(`${id}.Version`, versionId);
  output.referenceable.set(`${id}.Alias`, aliasId);
  const provisioned = props.get('ProvisionedConcurrencyConfig');
  output.add(aliasId, 'AWS::Lambda::Alias', output.record([
    ['Name', name, alias.line],
    ['FunctionName', ref(id), alias.line],
    ['FunctionVersion', getAtt(versionId, 'Version'), alias.line],
    ['ProvisionedConcurrencyConfig', provisioned?.value, provisioned?.line],
  ], alias.line), origin);
  if (props.get('DeploymentPreference') !== undefined) {
    output.report(`${id}: DeploymentPreference makes CodeDeploy resources, which demarc does not expand`, props.line('DeploymentPreference'));
  }
  return ref(aliasId);
}

/** `FunctionUrlConfig`: the URL, and the public permissions SAM adds when it needs no authentication. */
function expandUrl(resource: SamResource, context: SamContext, target: TemplateRecord): void {
  const { id, props, origin } = resource;
  const config = props.get('FunctionUrlConfig');
  if (config === undefined || !isPlainRecord(config.value)) return;
  const { output } = context;
  const value = config.value;
  const field = (name: string): Entry => [name, own(value, name), output.keyLine(value, name) ?? config.line];
  output.add(`${id}Url`, 'AWS::Lambda::Url', output.record([['TargetFunctionArn', target, config.line], field('AuthType'), field('Cors'), field('InvokeMode')], config.line), origin);
  if (context.literal(own(value, 'AuthType')) !== 'NONE') return;
  const authLine = output.keyLine(value, 'AuthType') ?? config.line;
  output.add(`${id}UrlPublicPermissions`, 'AWS::Lambda::Permission', output.record([
    ['Action', 'lambda:InvokeFunctionUrl', authLine],
    ['FunctionName', target, authLine],
    ['FunctionUrlAuthType', 'NONE', authLine],
    ['Principal', '*', authLine],
  ], authLine), origin);
  output.add(`${id}URLInvokeAllowPublicAccess`, 'AWS::Lambda::Permission', output.record([
    ['Action', 'lambda:InvokeFunction', authLine],
    ['FunctionName', target, authLine],
    ['InvokedViaFunctionUrl', true, authLine],
    ['Principal', '*', authLine],
  ], authLine), origin);
}
