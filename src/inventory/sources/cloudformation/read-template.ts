import { inlineSuppressionsFromMetadata } from '../../../config/inline.js';
import type { Inventory, Resource, SourceProblem } from '../../resource.js';
import { isRecord, isReference, isUnknown, Redacted, Unknown, type PropRecord, type PropValue } from '../../values.js';
import { foldInlinePolicies } from './inline-policies.js';
import { EXTRA_EVALUATION_VALUES, FOR_EACH_MESSAGE, FOR_EACH_PREFIX, intrinsicsInMappings, NO_VALUE, TemplateResolver, type TemplateScope } from './intrinsics.js';
import { parseTemplateText, TemplateSyntaxError, type Positions, type TemplateValue } from './parse-yaml.js';
import { inheritFromSourceInstances } from './read-replicas.js';
import { madeElsewhereOf, rainModuleOf, transformNames } from './transforms.js';
import { expandServerless } from './sam/expand.js';
import { withDecodedUserData } from './user-data.js';

type TemplateRecord = { [key: string]: TemplateValue };

function isTemplateRecord(value: TemplateValue | undefined): value is TemplateRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Warnings kept per template; beyond, one more says how many were left out (a hostile file can make millions). */
export const MAX_WARNINGS_PER_TEMPLATE = 1_000;

const fatalInventory = (file: string, message: string, line?: number): Inventory => ({
  resources: [],
  gaps: [],
  problems: [{ file, line, message, fatal: true }],
  sources: [],
});

/**
 * Reads one CloudFormation template into inventory resources, each with the file and line it came from. Never throws:
 * whatever goes wrong with one template (a bug, a stack overflow) is a problem of that file, and the scan goes on.
 */
export function readCloudFormationTemplate(file: string, text: string): Inventory {
  try {
    return readTemplate(file, text);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return fatalInventory(file, `cannot parse template: ${error.message}`, error.line || undefined);
    if (error instanceof RangeError) return fatalInventory(file, `cannot read template: it is too large or too deeply nested to evaluate (${error.message})`);
    return fatalInventory(file, `cannot read template: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readTemplate(file: string, text: string): Inventory {
  const problems: SourceProblem[] = [];
  const fatal = (message: string, line?: number): Inventory => fatalInventory(file, message, line);

  const parsed = parseTemplateText(text);
  const template = parsed.value;
  if (!isTemplateRecord(template)) return fatal('not a CloudFormation template: the document is not a mapping');
  const writtenResources = template['Resources'];
  if (!isTemplateRecord(writtenResources)) {
    return fatal('not a CloudFormation template: no Resources section (a template needs at least one resource)');
  }

  let warnings = 0;
  const report = (message: string, line?: number): void => {
    warnings += 1;
    if (warnings <= MAX_WARNINGS_PER_TEMPLATE) problems.push({ file, line, message, fatal: false });
  };
  // The SAM transform's resources replace the AWS::Serverless ones, at their lines, before anything is resolved.
  const sam = expandServerless(template, writtenResources, parsed.positions, report);
  const resourcesSection = sam?.resources ?? writtenResources;
  const positions = sam?.positions ?? parsed.positions;
  const resourceIds = new Set(Object.keys(resourcesSection));
  const lineOf = (value: TemplateValue): number | undefined =>
    (typeof value === 'object' && value !== null ? positions.get(value)?.line : undefined) || undefined;
  for (const warning of parsed.warnings) report(warning.message, warning.line);
  for (const found of intrinsicsInMappings(template['Mappings'], lineOf)) {
    report(`Mappings ${found.path} holds ${found.name}: mapping values are literal strings and lists, so it is not evaluated and its lookups are Unknown`, found.line);
  }

  const parameters = readParameters(template['Parameters']);
  const conditionsSection = template['Conditions'];
  const conditions = new Map<string, TemplateValue>(isTemplateRecord(conditionsSection) ? Object.entries(conditionsSection) : []);
  let currentLine: number | undefined;
  const scope: TemplateScope = {
    parameters,
    resourceIds,
    mappings: template['Mappings'],
    conditions,
    report: (message, line) => report(message, line ?? currentLine),
    lineOf,
    madeElsewhere: madeElsewhereOf(transformNames(template['Transform']), writtenResources),
  };
  // The template's own values resolve within the budget whatever their number; what functions build beyond them is bounded.
  const resolver = new TemplateResolver(scope, { values: parsed.writtenValues + EXTRA_EVALUATION_VALUES });

  const resources: Resource[] = [];
  const walked = new Set<object>();
  const resourceKeyLines = positions.get(resourcesSection)?.keys;
  for (const [logicalId, definition] of Object.entries(resourcesSection)) {
    const line = resourceKeyLines?.get(logicalId);
    currentLine = line;
    if (logicalId.startsWith(FOR_EACH_PREFIX)) {
      report(`${logicalId}: ${FOR_EACH_MESSAGE}; the resources it makes are not scanned`, line);
      continue;
    }
    const module = isTemplateRecord(definition) ? rainModuleOf(definition['Type']) : undefined;
    if (module !== undefined) {
      report(`resource ${logicalId} is a Rain module (${module}), which rain pkg expands and demarc does not; the resources it makes are not scanned (scan the packaged template)`, line);
      continue;
    }
    if (!isTemplateRecord(definition) || typeof definition['Type'] !== 'string') {
      report(`resource ${logicalId} has no Type`, line);
      continue;
    }
    const type = definition['Type'];
    // The CDK's record of its own version (analytics): it configures nothing in the account.
    if (type === 'AWS::CDK::Metadata') continue;
    const conditionName = definition['Condition'];
    let existence: Unknown | undefined;
    if (typeof conditionName === 'string') {
      const outcome = resolver.condition(conditionName);
      if (outcome === false) {
        report(`resource ${logicalId} is not deployed under the parameter defaults (condition ${conditionName} is false)`, line);
        continue;
      }
      if (isUnknown(outcome)) existence = new Unknown(`resource ${logicalId} exists only if condition ${conditionName} is true, which cannot be told: ${outcome.reason}`);
    }

    const rawProperties = definition['Properties'];
    const resolved = rawProperties === undefined ? {} : resolver.resolve(rawProperties);
    let properties: PropRecord = resolved !== NO_VALUE && isRecord(resolved) ? resolved : {};
    if (rawProperties !== undefined && !isTemplateRecord(rawProperties)) report(`resource ${logicalId}: Properties is not a mapping`, line);
    properties = withDecodedUserData(type, rawProperties, properties, resolver);
    if (sam !== undefined) properties = sam.withUnknowns(logicalId, properties);

    const resource: Resource = {
      id: logicalId,
      scope: file,
      type,
      properties: existence === undefined ? properties : onlyIfDeployed(properties, existence),
      origin: { kind: 'cloudformation', file, propertyLines: propertyLines(rawProperties, positions, walked) },
    };
    if (line !== undefined) resource.origin.line = line;
    const generatedBy = sam?.noteOf(logicalId);
    if (generatedBy !== undefined) resource.origin.generatedBy = generatedBy;
    const metadata = definition['Metadata'];
    const constructPath = isTemplateRecord(metadata) ? metadata['aws:cdk:path'] : undefined;
    if (typeof constructPath === 'string' && constructPath !== '') resource.origin.constructPath = constructPath;
    const suppressions = inlineSuppressionsFromMetadata(metadata, file, line, (value) => positions.get(value)?.line);
    if (suppressions.length > 0) resource.suppressions = suppressions;
    const name = physicalName(type, properties);
    if (name !== undefined) resource.name = name;
    resources.push(resource);
  }
  currentLine = undefined;
  foldInlinePolicies(resources);
  inheritFromSourceInstances(resources);
  if (warnings > MAX_WARNINGS_PER_TEMPLATE) {
    problems.push({ file, message: `${warnings - MAX_WARNINGS_PER_TEMPLATE} more warnings about this template are not listed`, fatal: false });
  }
  return { resources, gaps: [], problems, sources: [{ file, kind: 'cloudformation', resources: resources.length }] };
}

/**
 * The properties of a resource that exists only if a condition the template cannot decide is true (it depends on a
 * parameter without a default, or on the region). The resource is kept, so that it is not silently absent, and so
 * are its references, so that whoever looks for what points at a bucket or a role still finds it. Every other
 * property it sets becomes `Unknown` with the reason: no check passes on what it says, its own checks or those of a
 * resource that relies on it (a bucket policy that may not exist enforces nothing).
 */
export function onlyIfDeployed(properties: PropRecord, existence: Unknown): PropRecord {
  const out: PropRecord = {};
  for (const [key, value] of Object.entries(properties)) {
    const pointer = isReference(value) || (Array.isArray(value) && value.length > 0 && value.every(isReference));
    const kept = pointer ? value : existence;
    if (key === '__proto__') Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true });
    else out[key] = kept;
  }
  return out;
}

function readParameters(section: TemplateValue | undefined): Map<string, PropValue> {
  const values = new Map<string, PropValue>();
  if (!isTemplateRecord(section)) return values;
  for (const [name, definition] of Object.entries(section)) {
    if (!isTemplateRecord(definition)) continue;
    const fallback = definition['Default'];
    const type = typeof definition['Type'] === 'string' ? definition['Type'] : 'String';
    if (definition['NoEcho'] === true || definition['NoEcho'] === 'true') {
      // A NoEcho parameter is a secret by declaration: never carry its default into the inventory.
      values.set(name, new Redacted(fallback !== undefined && fallback !== null && fallback !== ''));
    } else if (fallback === undefined || fallback === null) {
      values.set(name, new Unknown(`parameter ${name} has no default value`));
    } else if ((type.startsWith('List<') || type === 'CommaDelimitedList') && typeof fallback === 'string') {
      values.set(name, fallback.split(',').map((item) => item.trim()));
    } else if (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean') {
      values.set(name, fallback);
    } else {
      values.set(name, new Unknown(`parameter ${name} has a default that is not a plain value`));
    }
  }
  return values;
}

/**
 * The line of each property path. `walked` holds the objects and lists already walked in this template: one that a
 * YAML alias repeats is walked once (its paths elsewhere fall back to the line of their nearest walked parent), so
 * the walk stays linear in the file however its aliases multiply.
 */
function propertyLines(raw: TemplateValue | undefined, positions: Positions, walked: Set<object>): Record<string, number> {
  const lines: Record<string, number> = {};
  const walk = (value: TemplateValue, prefix: string): void => {
    if (typeof value !== 'object' || value === null || walked.has(value)) return;
    walked.add(value);
    const entry = positions.get(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const path = prefix ? `${prefix}.${index}` : String(index);
        const line = entry?.keys.get(index);
        if (line) lines[path] = line;
        walk(item, path);
      });
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const line = entry?.keys.get(key);
      if (line) lines[path] = line;
      walk(item, path);
    }
  };
  if (raw !== undefined) walk(raw, '');
  return lines;
}

const NAME_PROPERTIES: Record<string, string> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::Policy': 'PolicyName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
  'AWS::RDS::DBCluster': 'DBClusterIdentifier',
  'AWS::CloudTrail::Trail': 'TrailName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::EC2::SecurityGroup': 'GroupName',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::KMS::Alias': 'AliasName',
  'AWS::RDS::DBParameterGroup': 'DBParameterGroupName',
  'AWS::RDS::DBClusterParameterGroup': 'DBClusterParameterGroupName',
  'AWS::RDS::DBSubnetGroup': 'DBSubnetGroupName',
  'AWS::Redshift::ClusterParameterGroup': 'ParameterGroupName',
  'AWS::EMR::SecurityConfiguration': 'Name',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::ECR::Repository': 'RepositoryName',
  'AWS::EKS::Cluster': 'Name',
  'AWS::ECS::Cluster': 'ClusterName',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'Name',
  'AWS::OpenSearchService::Domain': 'DomainName',
  'AWS::ElastiCache::ReplicationGroup': 'ReplicationGroupId',
  'AWS::Logs::LogGroup': 'LogGroupName',
};

function physicalName(type: string, properties: PropRecord): string | undefined {
  const key = NAME_PROPERTIES[type];
  const value = key === undefined ? undefined : properties[key];
  return typeof value === 'string' ? value : undefined;
}
