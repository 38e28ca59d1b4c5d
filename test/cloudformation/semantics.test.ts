import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import { redactResource } from '../../src/inventory/redact.js';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import { readCloudFormationTemplate } from '../../src/inventory/sources/cloudformation/read-template.js';
import { decodeBase64UserData, MAX_DECODED_USER_DATA } from '../../src/inventory/sources/cloudformation/user-data.js';
import { isRedacted, isReference, isUnknown, type PropValue } from '../../src/inventory/values.js';
import { getOutputFormat } from '../../src/report/formats.js';

const HEADER = "AWSTemplateFormatVersion: '2010-09-09'\n";

function read(text: string): Inventory {
  return readCloudFormationTemplate('template.yaml', text);
}

function resource(inventory: Inventory, id: string): Resource {
  const found = inventory.resources.find((entry) => entry.id === id);
  if (!found) throw new Error(`no resource ${id} in ${inventory.resources.map((entry) => entry.id).join(', ')}`);
  return found;
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
// Built from parts, so that no scanner mistakes the test for a leaked key.
const PRIVATE_KEY = ['-----BEGIN RSA ', 'PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA ', 'PRIVATE KEY-----'].join('');
const ACCESS_KEY = ['AKIA', 'ABCDEFGHIJKLMNOP'].join('');

function secretLike(value: PropValue | undefined): boolean | undefined {
  return isRedacted(value) ? value.secretLike : undefined;
}

describe('UserData is base64 by definition', () => {
  const script = `#!/bin/bash\ncat > /root/.ssh/id_rsa <<'KEY'\n${PRIVATE_KEY}\nKEY\n`;

  it('decodes a literal base64 UserData of an instance before redaction looks for secrets', () => {
    const instance = resource(read(`${HEADER}Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      UserData: ${base64(script)}\n`), 'Web');
    expect(instance.properties['UserData']).toBe(script);
    expect(secretLike(redactResource(instance).properties['UserData'])).toBe(true);
  });

  it('decodes base64 folded over several lines, in launch templates and launch configurations', () => {
    const encoded = base64(`#!/bin/sh\naws configure set aws_access_key_id ${ACCESS_KEY}\n`).replace(/(.{20})/g, '$1\n        ');
    const text = `${HEADER}Resources:\n  Template:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        ImageId: ami-1\n        UserData: >-\n          ${encoded.replace(/\n {8}/g, '\n          ')}\n  Config:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      UserData: !Ref Encoded\nParameters:\n  Encoded:\n    Type: String\n    Default: ${base64(`export TOKEN_VALUE=${ACCESS_KEY}`)}\n`;
    const inventory = read(text);
    const template = redactResource(resource(inventory, 'Template'));
    const data = template.properties['LaunchTemplateData'];
    expect(typeof data === 'object' && data !== null && !Array.isArray(data) && !isUnknown(data) && !isReference(data) && !isRedacted(data) ? secretLike(data['UserData']) : undefined).toBe(true);
    expect(resource(inventory, 'Config').properties['UserData']).toBe(`export TOKEN_VALUE=${ACCESS_KEY}`);
  });

  it('keeps the text of Fn::Base64, of a literal and of a Fn::Sub, and finds a secret in the known part of a Sub', () => {
    const inventory = read(
      `${HEADER}Parameters:\n  Stage: { Type: String }\nResources:\n  Plain:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: !Base64 'echo hello'\n  Sub:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData:\n        Fn::Base64: !Sub |\n          #!/bin/sh\n          echo \${Stage}\n          export AWS_ACCESS_KEY_ID=${ACCESS_KEY}\n`,
    );
    expect(resource(inventory, 'Plain').properties['UserData']).toBe('echo hello');
    const sub = resource(inventory, 'Sub').properties['UserData'];
    expect(isUnknown(sub) && sub.template).toContain(ACCESS_KEY);
    expect(secretLike(redactResource(resource(inventory, 'Sub')).properties['UserData'])).toBe(true);
  });

  it('decodes the branch of Fn::If the condition picks, with or without Fn::Base64', () => {
    const inventory = read(
      `${HEADER}Conditions:\n  Never: !Equals [a, b]\n  Always: !Equals [a, a]\nResources:\n  A:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: !If [Never, !Base64 'echo no', ${base64('echo encoded')}]\n  B:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: !If [Always, !Base64 'echo plain', ${base64('echo other')}]\n`,
    );
    expect(resource(inventory, 'A').properties['UserData']).toBe('echo encoded');
    expect(resource(inventory, 'B').properties['UserData']).toBe('echo plain');
  });

  it('decompresses gzip user data, within a bound, and makes binary user data Unknown', () => {
    const compressed = gzipSync(Buffer.from(`#cloud-config\nwrite_files:\n  - content: ${ACCESS_KEY}\n`)).toString('base64');
    expect(decodeBase64UserData(compressed)).toContain(ACCESS_KEY);
    const bomb = gzipSync(Buffer.alloc(MAX_DECODED_USER_DATA + 1, 'a')).toString('base64');
    const expanded = decodeBase64UserData(bomb);
    expect(isUnknown(expanded) && expanded.reason).toMatch(/expands beyond/);
    const binary = decodeBase64UserData(Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5, 6, 7]).toString('base64'));
    expect(isUnknown(binary)).toBe(true);
  });

  it('judges text that is not base64 as it is written', () => {
    expect(decodeBase64UserData('#!/bin/sh\necho hi')).toBe('#!/bin/sh\necho hi');
    expect(decodeBase64UserData('none')).toBe('none');
    // Base64 letters only, but an access key id in plain text: never traded for the noise it decodes to.
    expect(decodeBase64UserData(ACCESS_KEY)).toBe(ACCESS_KEY);
  });
});

describe('resource conditions', () => {
  const text = `${HEADER}Parameters:\n  Env: { Type: String }\n  Mode: { Type: String, Default: dev }\nConditions:\n  IsProd: !Equals [!Ref Mode, prod]\n  Chosen: !Equals [!Ref Env, prod]\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  ProdOnly:\n    Type: AWS::SNS::Topic\n    Condition: IsProd\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Condition: Chosen\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Statement: []\n`;

  it('lists a resource whose condition is false under the parameter defaults as a problem that is not fatal', () => {
    const inventory = read(text);
    expect(inventory.resources.map((entry) => entry.id)).toEqual(['Bucket', 'Policy']);
    expect(inventory.problems).toEqual([{ file: 'template.yaml', line: 11, message: 'resource ProdOnly is not deployed under the parameter defaults (condition IsProd is false)', fatal: false }]);
  });

  it('keeps a resource whose condition depends on a parameter without a default: its references stay, the rest is Unknown', () => {
    const policy = resource(read(text), 'Policy');
    expect(isReference(policy.properties['Bucket'])).toBe(true);
    const document = policy.properties['PolicyDocument'];
    expect(isUnknown(document) && document.reason).toBe(
      'resource Policy exists only if condition Chosen is true, which cannot be told: Fn::Equals compares a value known only at deploy time (parameter Env has no default value)',
    );
  });

  it('judges nothing as passed on a resource that may not exist', async () => {
    const inventory = read(text);
    const result = evaluateInventory(inventory, { checks: allChecks.filter((check) => check.id === 's3-bucket-ssl-requests-only'), now: new Date('2026-11-01T00:00:00Z') });
    expect(result.findings.map((finding) => finding.status)).not.toContain('pass');
  });
});

describe('what demarc does not expand', () => {
  it('names the transform that Fn::ForEach needs instead of "resource has no Type"', () => {
    const inventory = read(
      `${HEADER}Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Buckets:\n    - Name\n    - [A, B]\n    - Bucket\${Name}:\n        Type: AWS::S3::Bucket\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt BucketA.Arn\n`,
    );
    expect(inventory.problems.map((problem) => problem.message)).toEqual([
      'Fn::ForEach::Buckets: Fn::ForEach needs the AWS::LanguageExtensions transform, which demarc does not expand; the resources it makes are not scanned',
    ]);
    const name = resource(inventory, 'Topic').properties['TopicName'];
    expect(isUnknown(name) && name.reason).toMatch(/^Fn::GetAtt reads BucketA, which is not in the template: Fn::ForEach::Buckets may make it/);
  });

  it('makes the properties of a mapping that holds a Fn::ForEach loop Unknown, never absent', () => {
    const inventory = read(
      `${HEADER}Transform: AWS::LanguageExtensions\nResources:\n  Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      Fn::ForEach::Settings:\n        - Name\n        - [SSESpecification]\n        - \${Name}: { SSEEnabled: true }\n      TableName: orders\n`,
    );
    const table = resource(inventory, 'Table');
    expect(isUnknown(table.properties['TableName'])).toBe(true);
    expect(inventory.problems.map((problem) => problem.message)).toEqual([
      'Fn::ForEach::Settings: Fn::ForEach needs the AWS::LanguageExtensions transform, which demarc does not expand; the properties it makes are Unknown',
    ]);
  });

  it('names a Rain module, and references to what it makes are Unknown without a problem each', () => {
    const inventory = read(
      `${HEADER}Resources:\n  Network:\n    Type: !Rain::Module ../modules/vpc.yml\n    Properties:\n      Name: app\n  Group:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: app\n      VpcId: !Ref NetworkVPC\n      Tags:\n        - Key: script\n          Value: !Rain::Embed setup.sh\n`,
    );
    expect(inventory.problems.map((problem) => problem.message)).toEqual([
      'resource Network is a Rain module (../modules/vpc.yml), which rain pkg expands and demarc does not; the resources it makes are not scanned (scan the packaged template)',
    ]);
    const group = resource(inventory, 'Group');
    expect(isUnknown(group.properties['VpcId'])).toBe(true);
    expect(group.properties['Tags']).toEqual([{ Key: 'script', Value: expect.objectContaining({ reason: 'Rain::Embed is a Rain directive, which rain pkg replaces and demarc does not' }) }]);
  });

  it('leaves references to what the serverless transform makes Unknown, and still reports real dangling ones', () => {
    const inventory = read(
      `${HEADER}Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n  Policy:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      Roles: [!Ref FnRole]\n      Groups: [!Ref Missing]\n      PolicyDocument: { Statement: [] }\n`,
    );
    expect(inventory.problems.map((problem) => problem.message)).toEqual(['Ref to Missing, which is neither a parameter nor a resource of the template']);
  });

  it('resolves ${ Name } with spaces inside Fn::Sub', () => {
    const topic = resource(read(`${HEADER}Parameters:\n  Stage: { Type: String, Default: prod }\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub '\${ Stage }-\${Stage}-\${!Literal}'\n`), 'Topic');
    expect(topic.properties['TopicName']).toBe('prod-prod-${Literal}');
  });

  it('gives its own message for a file of several YAML documents', () => {
    const inventory = read(`${HEADER}Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n---\nResources:\n  Other:\n    Type: AWS::SNS::Topic\n`);
    expect(inventory.problems).toEqual([
      { file: 'template.yaml', line: 5, message: 'cannot parse template: the file holds more than one YAML document (another starts at line 5); a CloudFormation template is one document', fatal: true },
    ]);
  });
});

describe('role, user and group policies', () => {
  const admin = 'PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: "*"\n            Resource: "*"\n';

  it('folds a policy into the Policies of its role, user or group in the template, with its lines', () => {
    const inventory = read(
      `${HEADER}Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n      Policies:\n        - PolicyName: own\n          PolicyDocument: { Statement: [] }\n  Admin:\n    Type: AWS::IAM::RolePolicy\n    Properties:\n      RoleName: !Ref Role\n      PolicyName: admin\n      ${admin}  Named:\n    Type: AWS::IAM::User\n    Properties:\n      UserName: alice\n  AlicePolicy:\n    Type: AWS::IAM::UserPolicy\n    Properties:\n      UserName: alice\n      PolicyName: alice\n      ${admin}`,
    );
    expect(inventory.resources.map((entry) => `${entry.id} ${entry.type}`)).toEqual(['Role AWS::IAM::Role', 'Named AWS::IAM::User']);
    const role = resource(inventory, 'Role');
    const policies = role.properties['Policies'];
    expect(Array.isArray(policies) && policies.map((policy) => (typeof policy === 'object' && policy !== null && 'PolicyName' in policy ? policy['PolicyName'] : undefined))).toEqual(['own', 'admin']);
    expect(role.origin.propertyLines?.['Policies.1']).toBe(10);
    expect(role.origin.propertyLines?.['Policies.1.PolicyDocument.Statement.0.Action']).toBe(18);
    const user = resource(inventory, 'Named').properties['Policies'];
    expect(Array.isArray(user) && user.length).toBe(1);
  });

  it('keeps a policy whose principal is elsewhere as the AWS::IAM::Policy it is equivalent to', () => {
    const inventory = read(`${HEADER}Parameters:\n  Group: { Type: String }\nResources:\n  Admin:\n    Type: AWS::IAM::GroupPolicy\n    Properties:\n      GroupName: !Ref Group\n      PolicyName: admin\n      ${admin}`);
    const policy = resource(inventory, 'Admin');
    expect(policy.type).toBe('AWS::IAM::Policy');
    expect(policy.name).toBe('admin');
    expect(Object.keys(policy.properties)).toEqual(['Groups', 'PolicyName', 'PolicyDocument']);
    expect(policy.origin.propertyLines?.['Groups']).toBe(8);
  });

  it('fails the admin and wildcard checks on a role whose admin policy is a separate resource', () => {
    const inventory = read(`${HEADER}Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n  Admin:\n    Type: AWS::IAM::RolePolicy\n    Properties:\n      RoleName: !Ref Role\n      PolicyName: admin\n      ${admin}`);
    const checks = allChecks.filter((check) => check.id === 'iam-policy-no-full-admin' || check.id === 'iam-policy-no-wildcard-permissions');
    const findings = evaluateInventory(inventory, { checks, now: new Date('2026-11-01T00:00:00Z') }).findings;
    expect(findings.map((finding) => `${finding.checkId} ${finding.resource.id} ${finding.status} ${finding.location?.line}`)).toEqual([
      'iam-policy-no-full-admin Role fail 14',
      'iam-policy-no-wildcard-permissions Role fail 14',
    ]);
  });
});

describe('templates synthesized by the CDK', () => {
  const text = `${HEADER}Resources:\n  DocsBucketF68F3FF0:\n    Type: AWS::S3::Bucket\n    Metadata:\n      aws:cdk:path: AppStack/Docs/Resource\n  CDKMetadata:\n    Type: AWS::CDK::Metadata\n    Properties:\n      Analytics: v2:deflate64:abc\n    Metadata:\n      aws:cdk:path: AppStack/CDKMetadata/Default\n`;

  it('leaves out AWS::CDK::Metadata and carries the construct path of each resource', () => {
    const inventory = read(text);
    expect(inventory.resources.map((entry) => entry.id)).toEqual(['DocsBucketF68F3FF0']);
    expect(resource(inventory, 'DocsBucketF68F3FF0').origin.constructPath).toBe('AppStack/Docs/Resource');
  });

  it('shows the construct path beside the hashed logical id in the text report', () => {
    const result = evaluateInventory(read(text), { checks: allChecks.filter((check) => check.id === 's3-bucket-versioning'), now: new Date('2026-11-01T00:00:00Z') });
    const output = getOutputFormat('text')?.render(result, { color: false, width: 120 }) ?? '';
    expect(output).toContain('DocsBucketF68F3FF0 [AppStack/Docs/Resource] (AWS::S3::Bucket)');
    expect(result.coverage.uncovered).toEqual([]);
  });
});

describe('read replicas', () => {
  it('take the engine and version of their source instance in the template, along a chain', () => {
    const inventory = read(
      `${HEADER}Resources:\n  Primary:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBInstanceIdentifier: primary\n      Engine: mysql\n      EngineVersion: '8.0.40'\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Primary\n  Second:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Replica\n  ByName:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: primary\n      EngineVersion: '8.0.41'\n`,
    );
    for (const id of ['Replica', 'Second']) expect([resource(inventory, id).properties['Engine'], resource(inventory, id).properties['EngineVersion']]).toEqual(['mysql', '8.0.40']);
    expect([resource(inventory, 'ByName').properties['Engine'], resource(inventory, 'ByName').properties['EngineVersion']]).toEqual(['mysql', '8.0.41']);
  });
});
