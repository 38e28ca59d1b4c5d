import type { TemplateValue } from '../parse-yaml.js';
import { isPlainRecord, own, sub, type TemplateRecord } from './template-values.js';

/**
 * The SAM policy templates demarc expands exactly: the statements SAM's published list gives each one, written as
 * actions and resource ARN patterns in which `{Name}` stands for the template's parameter. A template not listed here
 * is not guessed at: the policy it makes is Unknown.
 */
interface PolicyTemplate {
  parameters: readonly string[];
  statements: ReadonlyArray<{ actions: readonly string[]; resources: readonly string[] }>;
}

const REGIONAL = 'arn:${AWS::Partition}:{service}:${AWS::Region}:${AWS::AccountId}:';
const arnOf = (service: string, rest: string): string => `${REGIONAL.replace('{service}', service)}${rest}`;
const table = (name: string): string[] => [arnOf('dynamodb', `table/{${name}}`), arnOf('dynamodb', `table/{${name}}/index/*`)];
const bucket = (name: string): string[] => [`arn:\${AWS::Partition}:s3:::{${name}}`, `arn:\${AWS::Partition}:s3:::{${name}}/*`];

const DYNAMODB_READ = ['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'];
const S3_READ = ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'];
const S3_WRITE = ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'];
const SQS_POLL = ['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'];

const TEMPLATES: Readonly<Record<string, PolicyTemplate>> = {
  LambdaInvokePolicy: { parameters: ['FunctionName'], statements: [{ actions: ['lambda:InvokeFunction'], resources: [arnOf('lambda', 'function:{FunctionName}*')] }] },
  SQSSendMessagePolicy: { parameters: ['QueueName'], statements: [{ actions: ['sqs:SendMessage*'], resources: [arnOf('sqs', '{QueueName}')] }] },
  SQSPollerPolicy: { parameters: ['QueueName'], statements: [{ actions: SQS_POLL, resources: [arnOf('sqs', '{QueueName}')] }] },
  DynamoDBReadPolicy: { parameters: ['TableName'], statements: [{ actions: DYNAMODB_READ, resources: table('TableName') }] },
  DynamoDBWritePolicy: { parameters: ['TableName'], statements: [{ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], resources: table('TableName') }] },
  DynamoDBCrudPolicy: {
    parameters: ['TableName'],
    statements: [
      {
        actions: [...DYNAMODB_READ, 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
        resources: table('TableName'),
      },
    ],
  },
  S3ReadPolicy: { parameters: ['BucketName'], statements: [{ actions: S3_READ, resources: bucket('BucketName') }] },
  S3WritePolicy: { parameters: ['BucketName'], statements: [{ actions: S3_WRITE, resources: bucket('BucketName') }] },
  S3CrudPolicy: { parameters: ['BucketName'], statements: [{ actions: [...S3_READ, ...S3_WRITE, 's3:DeleteObject'], resources: bucket('BucketName') }] },
  SNSPublishMessagePolicy: { parameters: ['TopicName'], statements: [{ actions: ['sns:Publish'], resources: [arnOf('sns', '{TopicName}')] }] },
  KMSDecryptPolicy: { parameters: ['KeyId'], statements: [{ actions: ['kms:Decrypt'], resources: [arnOf('kms', 'key/{KeyId}')] }] },
  SSMParameterReadPolicy: {
    parameters: ['ParameterName'],
    statements: [
      { actions: ['ssm:DescribeParameters'], resources: ['*'] },
      { actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], resources: [arnOf('ssm', 'parameter/{ParameterName}')] },
    ],
  },
  AWSSecretsManagerGetSecretValuePolicy: { parameters: ['SecretArn'], statements: [{ actions: ['secretsmanager:GetSecretValue'], resources: ['{SecretArn}'] }] },
  StepFunctionsExecutionPolicy: { parameters: ['StateMachineName'], statements: [{ actions: ['states:StartExecution'], resources: [arnOf('states', 'stateMachine:{StateMachineName}')] }] },
  EventBridgePutEventsPolicy: { parameters: ['EventBusName'], statements: [{ actions: ['events:PutEvents'], resources: [arnOf('events', 'event-bus/{EventBusName}')] }] },
  CloudWatchPutMetricPolicy: { parameters: [], statements: [{ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }] },
  VPCAccessPolicy: {
    parameters: [],
    statements: [{ actions: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'], resources: ['*'] }],
  },
};

/** The `Fn::Sub` of a resource pattern, its `{Name}` parameters bound to the values given. */
function resourceValue(pattern: string, values: TemplateRecord): TemplateValue {
  if (pattern === '*') return '*';
  const variables: TemplateRecord = {};
  const text = pattern.replace(/\{([A-Za-z]+)\}/g, (_whole, name: string) => {
    const variable = `sam${name}`;
    variables[variable] = values[name] ?? null;
    return `\${${variable}}`;
  });
  return Object.keys(variables).length === 0 ? sub(text) : sub(text, variables);
}

export type TemplateExpansion = { document: TemplateRecord } | { unknown: string };

/** The policy document a `{Name: {parameters}}` entry of `Policies` stands for, or why it is not known. */
export function expandPolicyTemplate(name: string, argument: TemplateValue | undefined): TemplateExpansion {
  const template = Object.hasOwn(TEMPLATES, name) ? TEMPLATES[name] : undefined;
  if (template === undefined) return { unknown: `the SAM policy template ${name} is not one demarc expands, so the permissions it grants are not known` };
  const values: TemplateRecord = {};
  for (const parameter of template.parameters) {
    const value = isPlainRecord(argument) ? own(argument, parameter) : undefined;
    if (value === undefined) return { unknown: `the SAM policy template ${name} is missing its parameter ${parameter}` };
    values[parameter] = value;
  }
  const Statement = template.statements.map((statement) => {
    const resources = statement.resources.map((pattern) => resourceValue(pattern, values));
    return { Effect: 'Allow', Action: [...statement.actions], Resource: resources.length === 1 ? (resources[0] ?? '*') : resources };
  });
  return { document: { Statement } };
}

/** Whether a key of a `Policies` entry names a policy template (SAM's are all `...Policy`), rather than a document. */
export function looksLikePolicyTemplate(entry: TemplateRecord): string | undefined {
  const keys = Object.keys(entry);
  return keys.length === 1 && keys[0] !== 'Statement' && keys[0] !== undefined ? keys[0] : undefined;
}
