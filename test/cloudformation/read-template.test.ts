import { describe, expect, it } from 'vitest';
import { readCloudFormationTemplate } from '../../src/inventory/sources/cloudformation/read-template.js';
import type { Resource } from '../../src/inventory/resource.js';
import { isRedacted, isReference, isUnknown, type PropValue } from '../../src/inventory/values.js';

function read(text: string) {
  return readCloudFormationTemplate('template.yaml', text);
}

function resource(text: string, id: string): Resource {
  const found = read(text).resources.find((entry) => entry.id === id);
  if (!found) throw new Error(`no resource ${id}`);
  return found;
}

const HEADER = "AWSTemplateFormatVersion: '2010-09-09'\n";

describe('CloudFormation short-form tags', () => {
  const template = `${HEADER}Parameters:
  Stage: { Type: String, Default: prod }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Mappings:
  Sizes:
    prod: { Instance: m5.large }
Resources:
  Key:
    Type: AWS::KMS::Key
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${Stage}-documents'
      Tags:
        - Key: size
          Value: !FindInMap [Sizes, !Ref Stage, Instance]
        - Key: joined
          Value: !Join ['-', [a, !Ref Stage, c]]
        - Key: selected
          Value: !Select [1, !Split [',', 'x,y,z']]
        - Key: conditional
          Value: !If [IsProd, yes-prod, no-prod]
        - Key: encoded
          Value: !Base64 plain
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt Key.Arn
`;

  it('resolves !Sub, !FindInMap, !Join, !Select, !Split, !If and !Base64 to plain values', () => {
    const bucket = resource(template, 'Bucket');
    expect(bucket.properties['BucketName']).toBe('prod-documents');
    expect(bucket.name).toBe('prod-documents');
    const tags = bucket.properties['Tags'];
    expect(tags).toEqual([
      { Key: 'size', Value: 'm5.large' },
      { Key: 'joined', Value: 'a-prod-c' },
      { Key: 'selected', Value: 'y' },
      { Key: 'conditional', Value: 'yes-prod' },
      { Key: 'encoded', Value: 'plain' },
    ]);
  });

  it('turns !GetAtt Resource.Attribute into a reference to that resource', () => {
    const bucket = resource(template, 'Bucket');
    const rules = bucket.properties['BucketEncryption'] as { ServerSideEncryptionConfiguration: Array<{ ServerSideEncryptionByDefault: { KMSMasterKeyID: PropValue } }> };
    const keyId = rules.ServerSideEncryptionConfiguration[0]?.ServerSideEncryptionByDefault.KMSMasterKeyID;
    expect(isReference(keyId) && keyId.target === 'Key' && keyId.attribute === 'Arn').toBe(true);
  });

  it('reads the long forms in JSON the same way', () => {
    const json = JSON.stringify({
      Parameters: { Stage: { Type: 'String', Default: 'dev' } },
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': '${Stage}-logs' }, Tags: [{ Key: 'r', Value: { Ref: 'Stage' } }] } },
      },
    }, null, 2);
    const bucket = readCloudFormationTemplate('t.json', json).resources[0];
    expect(bucket?.properties['BucketName']).toBe('dev-logs');
    expect(bucket?.properties['Tags']).toEqual([{ Key: 'r', Value: 'dev' }]);
    expect(bucket?.origin.line).toBe(9);
  });
});

describe('values known only at deploy time', () => {
  it('makes a parameter without a default an explicit unknown, never a guess', () => {
    const bucket = resource(`${HEADER}Parameters:\n  Name: { Type: String }\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Name\n`, 'B');
    const name = bucket.properties['BucketName'];
    expect(isUnknown(name) && name.reason).toBe('parameter Name has no default value');
  });

  it('keeps the text of a partly known !Sub as a template inside the unknown', () => {
    const bucket = resource(`${HEADER}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub 'logs-\${AWS::AccountId}-\${AWS::Region}'\n`, 'B');
    const name = bucket.properties['BucketName'];
    expect(isUnknown(name) && name.template).toBe('logs-${?}-${?}');
  });

  it('resolves pseudo parameters that are fixed, and unknowns the others', () => {
    const bucket = resource(`${HEADER}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: !Ref AWS::URLSuffix\n      R: !Ref AWS::Region\n`, 'B');
    expect(bucket.properties['A']).toBe('amazonaws.com');
    expect(isUnknown(bucket.properties['R'])).toBe(true);
  });

  it('removes a property set to AWS::NoValue', () => {
    const bucket = resource(`${HEADER}Conditions:\n  Never: !Equals [a, b]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !If [Never, x, !Ref AWS::NoValue]\n      Other: kept\n`, 'B');
    expect('BucketName' in bucket.properties).toBe(false);
    expect(bucket.properties['Other']).toBe('kept');
  });

  it('leaves out resources whose condition is false and keeps those whose condition is unknown', () => {
    const text = `${HEADER}Parameters:\n  Env: { Type: String }\nConditions:\n  Off: !Equals [a, b]\n  Maybe: !Equals [!Ref Env, prod]\n  Both: !And [!Condition Off, !Condition Maybe]\n  Either: !Or [!Not [!Condition Off], !Condition Maybe]\nResources:\n  Skipped:\n    Type: AWS::S3::Bucket\n    Condition: Off\n  Kept:\n    Type: AWS::S3::Bucket\n    Condition: Maybe\n  AlsoSkipped:\n    Type: AWS::S3::Bucket\n    Condition: Both\n  Always:\n    Type: AWS::S3::Bucket\n    Condition: Either\n`;
    expect(read(text).resources.map((entry) => entry.id)).toEqual(['Kept', 'Always']);
  });

  it('gives an unknown for !If on an unknown condition unless both branches agree', () => {
    const text = `${HEADER}Parameters:\n  Env: { Type: String }\nConditions:\n  Maybe: !Equals [!Ref Env, prod]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Differ: !If [Maybe, a, b]\n      Same: !If [Maybe, a, a]\n`;
    const bucket = resource(text, 'B');
    expect(isUnknown(bucket.properties['Differ'])).toBe(true);
    expect(bucket.properties['Same']).toBe('a');
  });

  it('never carries the default of a NoEcho parameter', () => {
    const bucket = resource(`${HEADER}Parameters:\n  Secret: { Type: String, NoEcho: true, Default: hunter2hunter2 }\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Value: !Ref Secret\n`, 'B');
    expect(isRedacted(bucket.properties['Value'])).toBe(true);
    expect(JSON.stringify(bucket)).not.toContain('hunter2');
  });
});

describe('source positions', () => {
  it('records the line of each resource and of each property path', () => {
    const text = `${HEADER}Resources:\n  Group:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n`;
    const group = resource(text, 'Group');
    expect(group.origin).toMatchObject({ kind: 'cloudformation', file: 'template.yaml', line: 3 });
    expect(group.origin.propertyLines?.['SecurityGroupIngress']).toBe(7);
    expect(group.origin.propertyLines?.['SecurityGroupIngress.0']).toBe(8);
    expect(group.origin.propertyLines?.['SecurityGroupIngress.0.CidrIp']).toBe(11);
  });
});

describe('bad templates', () => {
  it('reports malformed YAML as a fatal problem with its line', () => {
    const inventory = read(`${HEADER}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n`);
    expect(inventory.resources).toHaveLength(0);
    expect(inventory.problems[0]).toMatchObject({ fatal: true, file: 'template.yaml' });
    expect(inventory.problems[0]?.message).toMatch(/^cannot parse template: /);
    expect(inventory.problems[0]?.line).toBeGreaterThan(0);
  });

  it('reports malformed JSON as a fatal problem', () => {
    const inventory = readCloudFormationTemplate('t.json', '{"Resources": {"B": {"Type": "AWS::S3::Bucket",}');
    expect(inventory.problems[0]?.fatal).toBe(true);
    expect(inventory.problems[0]?.message).toMatch(/cannot parse template/);
  });

  it('says a document without Resources is not a CloudFormation template', () => {
    const inventory = read('name: my-app\nversion: 3\n');
    expect(inventory.problems).toEqual([
      { file: 'template.yaml', line: undefined, message: 'not a CloudFormation template: no Resources section (a template needs at least one resource)', fatal: true },
    ]);
  });

  it('reports a Ref to a missing resource and keeps the rest of the template', () => {
    const inventory = read(`${HEADER}Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref MissingBucket\n  Other:\n    Type: AWS::S3::Bucket\n`);
    expect(inventory.resources.map((entry) => entry.id)).toEqual(['Policy', 'Other']);
    expect(inventory.problems).toEqual([
      { file: 'template.yaml', line: 3, message: 'Ref to MissingBucket, which is neither a parameter nor a resource of the template', fatal: false },
    ]);
    expect(isUnknown(inventory.resources[0]?.properties['Bucket'])).toBe(true);
  });

  it('detects cyclic conditions instead of recursing forever', () => {
    const inventory = read(`${HEADER}Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Condition: A\n`);
    expect(inventory.problems.some((problem) => problem.message.startsWith('cyclic conditions: A -> B -> A'))).toBe(true);
    expect(inventory.resources.map((entry) => entry.id)).toEqual(['Bucket']);
  });

  it('refuses a YAML alias bomb quickly', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 12; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      levels.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const text = `${levels.join('\n')}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *l\n`;
    const started = Date.now();
    const inventory = read(text);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(inventory.problems[0]?.fatal).toBe(true);
    expect(inventory.problems[0]?.message).toMatch(/alias/);
  });

  it('reports a resource without a Type and reads the others', () => {
    const inventory = read(`${HEADER}Resources:\n  Broken:\n    Properties: {}\n  Fine:\n    Type: AWS::S3::Bucket\n`);
    expect(inventory.resources.map((entry) => entry.id)).toEqual(['Fine']);
    expect(inventory.problems[0]).toMatchObject({ line: 3, message: 'resource Broken has no Type', fatal: false });
  });
});
