import { describe, expect, it } from 'vitest';
import { readCloudFormationTemplate } from '../../src/inventory/sources/cloudformation/read-template.js';
import type { Resource } from '../../src/inventory/resource.js';
import { isReference, isUnknown, type PropRecord, type PropValue } from '../../src/inventory/values.js';

const HEADER = "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n";

function read(text: string) {
  return readCloudFormationTemplate('template.yaml', text);
}

function byId(resources: Resource[], id: string): Resource {
  const found = resources.find((entry) => entry.id === id);
  if (!found) throw new Error(`no resource ${id} among ${resources.map((entry) => entry.id).join(', ')}`);
  return found;
}

const get = (value: PropValue | undefined, ...path: Array<string | number>): PropValue | undefined =>
  path.reduce<PropValue | undefined>((current, step) => (current === undefined || current === null ? undefined : (current as PropRecord)[step as string]), value);

describe('SAM transform: AWS::Serverless::Function', () => {
  const template = `${HEADER}Globals:
  Function:
    Runtime: python3.12
    Tracing: Active
    Environment:
      Variables:
        SHARED: from-globals
Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: s3://artifacts/worker.zip
      AutoPublishAlias: live
      Environment:
        Variables:
          OWN: from-function
      DeadLetterQueue:
        Type: SQS
        TargetArn: !GetAtt Jobs.Arn
      Policies:
        - AmazonS3ReadOnlyAccess
        - SQSSendMessagePolicy:
            QueueName: !GetAtt Jobs.QueueName
        - UnheardOfPolicy: {}
      Events:
        List:
          Type: Api
          Properties:
            Path: /items/{id}
            Method: get
        Consume:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
  Pointer:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Ref Worker.Alias
      Description: !GetAtt Worker.Arn
`;
  const inventory = read(template);
  const { resources } = inventory;

  it('replaces the SAM function with the Lambda function, at its line, noting where it comes from', () => {
    const fn = byId(resources, 'Worker');
    expect(fn.type).toBe('AWS::Lambda::Function');
    expect(fn.origin.line).toBe(13);
    expect(fn.origin.generatedBy).toMatch(/AWS::Serverless-2016-10-31 transform from Worker \(AWS::Serverless::Function\)/);
    expect(resources.some((entry) => entry.type.startsWith('AWS::Serverless::'))).toBe(false);
    expect(byId(resources, 'Jobs').origin.generatedBy).toBeUndefined();
  });

  it('maps SAM properties to the function and merges Globals, keeping each property at the line it is written', () => {
    const fn = byId(resources, 'Worker');
    expect(fn.properties['Runtime']).toBe('python3.12');
    expect(fn.properties['Code']).toEqual({ S3Bucket: 'artifacts', S3Key: 'worker.zip' });
    expect(fn.properties['TracingConfig']).toEqual({ Mode: 'Active' });
    expect(get(fn.properties, 'Environment', 'Variables')).toEqual({ SHARED: 'from-globals', OWN: 'from-function' });
    expect(get(fn.properties, 'DeadLetterConfig', 'TargetArn')).toEqual(expect.objectContaining({ target: 'Jobs', attribute: 'Arn' }));
    expect(fn.origin.propertyLines?.['Runtime']).toBe(5);
    expect(fn.origin.propertyLines?.['Environment.Variables.SHARED']).toBe(9);
    expect(fn.origin.propertyLines?.['Environment.Variables.OWN']).toBe(21);
    const role = fn.properties['Role'];
    expect(isReference(role) && role.target).toBe('WorkerRole');
  });

  it('generates the role with the basic execution policy, the policies asked for, and an Unknown for a template it cannot expand', () => {
    const role = byId(resources, 'WorkerRole');
    expect(role.type).toBe('AWS::IAM::Role');
    const managed = role.properties['ManagedPolicyArns'];
    const texts = (Array.isArray(managed) ? managed : []).map((arn) => (isUnknown(arn) ? arn.template : arn));
    expect(texts).toEqual([
      'arn:${?}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:${?}:iam::aws:policy/AWSXrayWriteOnlyAccess',
      'arn:${?}:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'arn:${?}:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole',
    ]);
    const policies = role.properties['Policies'];
    expect(Array.isArray(policies) && policies.map((policy) => get(policy, 'PolicyName'))).toEqual(['WorkerRolePolicy1', 'WorkerRolePolicy2', 'DeadLetterQueuePolicy']);
    expect(get(policies, 0, 'PolicyDocument', 'Statement', 0, 'Action')).toEqual(['sqs:SendMessage*']);
    const unknown = get(policies, 1, 'PolicyDocument');
    expect(isUnknown(unknown) && unknown.reason).toMatch(/UnheardOfPolicy is not one demarc expands/);
    expect(get(policies, 2, 'PolicyDocument', 'Statement', 0, 'Action')).toBe('sqs:SendMessage');
    expect(role.origin.propertyLines?.['Policies.1']).toBe(29);
  });

  it('publishes a version and an alias, which events invoke and SAM references name', () => {
    expect(byId(resources, 'WorkerVersion').type).toBe('AWS::Lambda::Version');
    const alias = byId(resources, 'WorkerAliaslive');
    expect(alias.properties['Name']).toBe('live');
    const pointer = byId(resources, 'Pointer');
    expect(pointer.properties['Value']).toEqual(expect.objectContaining({ target: 'WorkerAliaslive' }));
    expect(pointer.properties['Description']).toEqual(expect.objectContaining({ target: 'Worker', attribute: 'Arn' }));
    const mapping = byId(resources, 'WorkerConsume');
    expect(mapping.type).toBe('AWS::Lambda::EventSourceMapping');
    expect(mapping.properties['FunctionName']).toEqual(expect.objectContaining({ target: 'WorkerAliaslive' }));
    expect(mapping.properties['EventSourceArn']).toEqual(expect.objectContaining({ target: 'Jobs', attribute: 'Arn' }));
  });

  it('makes the implicit REST API with its Prod stage, and a permission whose source is that API', () => {
    expect(byId(resources, 'ServerlessRestApi').type).toBe('AWS::ApiGateway::RestApi');
    expect(byId(resources, 'ServerlessRestApiDeployment').type).toBe('AWS::ApiGateway::Deployment');
    const stage = byId(resources, 'ServerlessRestApiProdStage');
    expect(stage.properties['StageName']).toBe('Prod');
    expect(stage.origin.line).toBe(31);
    const permission = byId(resources, 'WorkerListPermissionProd');
    expect(permission.properties['Principal']).toBe('apigateway.amazonaws.com');
    const source = permission.properties['SourceArn'];
    expect(isUnknown(source) && source.template).toBe('arn:${?}:execute-api:${?}:${?}:${ServerlessRestApi}/*/GET/items/*');
  });

  it('reports nothing about the expanded template', () => {
    expect(inventory.problems).toEqual([]);
  });
});

describe('SAM transform: other resource types', () => {
  const template = `${HEADER}Conditions:
  Never: !Equals [a, b]
  Maybe: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      TracingEnabled: true
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: '*'
          LoggingLevel: ERROR
  Http:
    Type: AWS::Serverless::HttpApi
  Table:
    Type: AWS::Serverless::SimpleTable
    Condition: Maybe
    Properties:
      PrimaryKey: { Name: pk, Type: Number }
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }
  Hidden:
    Type: AWS::Serverless::SimpleTable
    Condition: Never
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
  Layer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layer/
  Nested:
    Type: AWS::Serverless::Application
    Properties:
      Location: https://example.com/template.yaml
`;
  const inventory = read(template);
  const { resources } = inventory;

  it('expands an Api into a RestApi, deployment and stage named after the stage', () => {
    const stage = byId(resources, 'Apiv1Stage');
    expect(stage.type).toBe('AWS::ApiGateway::Stage');
    expect(stage.properties['TracingEnabled']).toBe(true);
    expect(get(stage.properties, 'MethodSettings', 0, 'LoggingLevel')).toBe('ERROR');
    expect(stage.origin.propertyLines?.['MethodSettings']).toBe(12);
    expect(stage.properties['RestApiId']).toEqual(expect.objectContaining({ target: 'Api' }));
  });

  it('expands an HttpApi into an ApiGatewayV2 API and its $default stage', () => {
    expect(byId(resources, 'Http').type).toBe('AWS::ApiGatewayV2::Api');
    expect(byId(resources, 'HttpApiGatewayDefaultStage').properties['StageName']).toBe('$default');
  });

  it('expands a SimpleTable, keeping its condition', () => {
    const table = byId(resources, 'Table');
    expect(table.type).toBe('AWS::DynamoDB::Table');
    expect(isUnknown(table.properties['KeySchema'])).toBe(true);
    expect(resources.some((entry) => entry.id === 'Hidden')).toBe(false);
    const plain = read(`${HEADER}Resources:\n  T:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n      PrimaryKey: { Name: pk, Type: Number }\n      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }\n`);
    const expanded = byId(plain.resources, 'T');
    expect(expanded.properties['AttributeDefinitions']).toEqual([{ AttributeName: 'pk', AttributeType: 'N' }]);
    expect(expanded.properties['BillingMode']).toBeUndefined();
    expect(get(expanded.properties, 'ProvisionedThroughput', 'ReadCapacityUnits')).toBe(1);
    expect(byId(read(`${HEADER}Resources:\n  T:\n    Type: AWS::Serverless::SimpleTable\n`).resources, 'T').properties['BillingMode']).toBe('PAY_PER_REQUEST');
  });

  it('expands a state machine with a role that denies everything when it names no policies', () => {
    expect(byId(resources, 'Flow').type).toBe('AWS::StepFunctions::StateMachine');
    const role = byId(resources, 'FlowRole');
    expect(get(role.properties, 'Policies', 0, 'PolicyDocument', 'Statement', 0, 'Effect')).toBe('Deny');
  });

  it('expands a layer (its local content Unknown) and an application into a nested stack', () => {
    const layer = byId(resources, 'Layer');
    expect(layer.type).toBe('AWS::Lambda::LayerVersion');
    expect(layer.properties['LayerName']).toBe('Layer');
    expect(isUnknown(layer.properties['Content'])).toBe(true);
    expect(byId(resources, 'Nested').properties['TemplateURL']).toBe('https://example.com/template.yaml');
  });
});

describe('SAM transform: boundaries', () => {
  it('expands nothing without the transform', () => {
    const inventory = read("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: { Handler: a.b, Runtime: python3.12 }\n");
    expect(inventory.resources.map((entry) => entry.type)).toEqual(['AWS::Serverless::Function']);
  });

  it('keeps a function given a Role without generating one, and reports an id the template already uses', () => {
    const inventory = read(`${HEADER}Resources:
  Own:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: {} }
  F:
    Type: AWS::Serverless::Function
    Properties: { Handler: a.b, Runtime: python3.12, CodeUri: s3://b/k, Role: !GetAtt Own.Arn }
  G:
    Type: AWS::Serverless::Function
    Properties: { Handler: a.b, Runtime: python3.12, CodeUri: s3://b/k }
  GRole:
    Type: AWS::SNS::Topic
`);
    expect(inventory.resources.some((entry) => entry.id === 'FRole')).toBe(false);
    expect(byId(inventory.resources, 'F').properties['Role']).toEqual(expect.objectContaining({ target: 'Own' }));
    expect(byId(inventory.resources, 'GRole').type).toBe('AWS::SNS::Topic');
    expect(inventory.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/generates GRole \(AWS::IAM::Role\), but the template already has a resource of that id/)]);
  });

  it('makes the public permissions of a URL without authentication, and reports an event type it does not expand', () => {
    const inventory = read(`${HEADER}Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      Runtime: python3.12
      CodeUri: s3://b/k
      FunctionUrlConfig: { AuthType: NONE }
      Events:
        Odd: { Type: SomethingNew, Properties: {} }
`);
    expect(byId(inventory.resources, 'FUrl').properties['AuthType']).toBe('NONE');
    expect(byId(inventory.resources, 'FUrlPublicPermissions').properties['FunctionUrlAuthType']).toBe('NONE');
    expect(inventory.problems).toEqual([expect.objectContaining({ line: 12, message: expect.stringMatching(/event Odd of type SomethingNew is not expanded/) })]);
  });
});
