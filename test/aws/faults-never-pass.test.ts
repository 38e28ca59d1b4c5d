import { describe, expect, it } from 'vitest';
import * as ec2Sdk from '@aws-sdk/client-ec2';
import * as ecsSdk from '@aws-sdk/client-ecs';
import * as kmsSdk from '@aws-sdk/client-kms';
import * as lambdaSdk from '@aws-sdk/client-lambda';
import { allChecks } from '../../src/checks/index.js';
import type { Finding } from '../../src/engine/result.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { redactInventory } from '../../src/inventory/redact.js';
import type { CollectionGap, Inventory, Resource } from '../../src/inventory/resource.js';
import { isRedacted, isUnknown, Unknown, type PropRecord } from '../../src/inventory/values.js';
import { ACCOUNT, awsError, collectorFor, runCollector, useClientMocks } from './support/harness.js';
import { loopback, type RecordedRequest, type Reply } from './support/loopback.js';
import { isolateAwsEnvironment } from './support/isolated-env.js';

// Missing evidence is never a pass: a denied, failed or absent read stays Unknown, with its reason, all the way from
// the collector to the finding. Each case here was measured passing before it was fixed.

const mock = useClientMocks();
const REGION = 'us-east-1';
const NOW = new Date('2026-11-01T00:00:00Z');
const denied = (code = 'AccessDeniedException'): Error => awsError(code, `User is not authorized to perform this action`, 403);

/** Runs collectors as a live scan does (redaction included) and judges the named checks on the result. */
async function judge(runs: ReadonlyArray<{ resources: Resource[]; gaps: CollectionGap[] }>, checkIds: readonly string[], extra: Resource[] = []) {
  const inventory: Inventory = redactInventory({
    resources: [...runs.flatMap((run) => run.resources), ...extra],
    gaps: runs.flatMap((run) => run.gaps),
    problems: [],
    sources: [{ file: `aws://${ACCOUNT}`, kind: 'aws', resources: 0 }],
  });
  const checks = allChecks.filter((check) => checkIds.includes(check.id));
  expect(checks.map((check) => check.id).sort()).toEqual([...checkIds].sort());
  const result = evaluateInventory(inventory, { checks, now: NOW });
  return { inventory, findings: result.findings, of: (checkId: string): Finding[] => result.findings.filter((finding) => finding.checkId === checkId) };
}

const instanceArn = (id: string): string => `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`;

function mockInstances(options: { userData: 'denied' | 'absent' | string; volumes: 'denied' | Array<{ VolumeId: string; Encrypted: boolean }> }) {
  const client = mock(ec2Sdk.EC2Client);
  client.on(ec2Sdk.DescribeInstancesCommand).resolves({
    Reservations: [{ Instances: [{ InstanceId: 'i-0faults', State: { Name: 'running' }, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-0root', DeleteOnTermination: true } }] }] }],
  });
  if (options.userData === 'denied') client.on(ec2Sdk.DescribeInstanceAttributeCommand).rejects(denied('UnauthorizedOperation'));
  else client.on(ec2Sdk.DescribeInstanceAttributeCommand).resolves({ InstanceId: 'i-0faults', UserData: options.userData === 'absent' ? {} : { Value: Buffer.from(options.userData).toString('base64') } });
  if (options.volumes === 'denied') client.on(ec2Sdk.DescribeVolumesCommand).rejects(denied('UnauthorizedOperation'));
  else client.on(ec2Sdk.DescribeVolumesCommand).resolves({ Volumes: options.volumes });
  client.on(ec2Sdk.GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
  client.on(ec2Sdk.GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });
  return client;
}

describe('EC2 user data that could not be read', () => {
  it('stays Unknown through redaction, and the secret check says unknown with the denied call', async () => {
    mockInstances({ userData: 'denied', volumes: [{ VolumeId: 'vol-0root', Encrypted: true }] });
    const run = await runCollector(collectorFor('ec2'), { wanted: ['AWS::EC2::Instance'] });
    expect(run.violations).toEqual([]);
    expect(run.gaps).toEqual([
      expect.objectContaining({ resourceTypes: [], call: 'ec2:DescribeInstanceAttribute', operation: 'DescribeInstanceAttribute', httpStatus: 403, resourceId: instanceArn('i-0faults') }),
    ]);
    const { inventory, of } = await judge([run], ['ec2-user-data-no-secrets']);
    const userData = inventory.resources[0]?.properties['UserData'];
    expect(isUnknown(userData)).toBe(true);
    expect(isRedacted(userData)).toBe(false);
    expect(of('ec2-user-data-no-secrets')).toEqual([expect.objectContaining({ status: 'unknown', message: expect.stringContaining('ec2:DescribeInstanceAttribute') })]);
  });

  it('still judges user data that was read', async () => {
    mockInstances({ userData: '#!/bin/sh\nexport DB_PASSWORD=correct-horse-battery\n', volumes: [{ VolumeId: 'vol-0root', Encrypted: true }] });
    const run = await runCollector(collectorFor('ec2'), { wanted: ['AWS::EC2::Instance'] });
    const { of } = await judge([run], ['ec2-user-data-no-secrets']);
    expect(of('ec2-user-data-no-secrets').map((finding) => finding.status)).toEqual(['fail']);
  });

  it('redaction keeps an Unknown unknown unless its known text shows a secret', () => {
    const unread = new Unknown('ec2:DescribeInstanceAttribute: access denied (UnauthorizedOperation)');
    const withTemplate = new Unknown('parameter AppVersion has no value', '#!/bin/sh\nyum install -y app-${AppVersion}\n');
    const withSecret = new Unknown('parameter Host has no value', '#!/bin/sh\nexport DB_PASSWORD=correct-horse-battery ${Host}\n');
    const redacted = redactInventory({
      resources: [unread, withTemplate, withSecret].map((UserData, index): Resource => ({ id: `i-${index}`, scope: 'test', type: 'AWS::EC2::Instance', properties: { UserData }, origin: { kind: 'aws' } })),
      gaps: [],
      problems: [],
      sources: [],
    });
    const [first, second, third] = redacted.resources.map((resource) => resource.properties['UserData']);
    expect(first).toEqual(unread);
    // The template text is dropped (it may hold more than it shows); the reason stays.
    expect(isUnknown(second) && second.template === undefined && second.reason === withTemplate.reason).toBe(true);
    expect(isRedacted(third) && third.secretLike).toBe(true);
    expect(JSON.stringify(redacted)).not.toContain('correct-horse');
  });
});

describe('EBS volumes of an instance', () => {
  it('carry Encrypted from the attached volume: an unencrypted root volume fails even with encryption by default on', async () => {
    mockInstances({ userData: 'absent', volumes: [{ VolumeId: 'vol-0root', Encrypted: false }] });
    const instances = await runCollector(collectorFor('ec2'), { wanted: ['AWS::EC2::Instance'] });
    const defaults = await runCollector(collectorFor('ebs'), { wanted: ['Demarc::EC2::EbsEncryptionDefault'] });
    expect([...instances.violations, ...defaults.violations]).toEqual([]);
    expect(instances.resources[0]?.properties['BlockDeviceMappings']).toEqual([{ DeviceName: '/dev/xvda', VolumeId: 'vol-0root', Ebs: { VolumeId: 'vol-0root', DeleteOnTermination: true, Encrypted: false } }]);
    const { of } = await judge([instances, defaults], ['ec2-block-devices-encrypted']);
    expect(of('ec2-block-devices-encrypted')).toEqual([expect.objectContaining({ status: 'fail', message: expect.stringContaining('/dev/xvda has Encrypted set to false') })]);
  });

  it('are unknown, with a narrow gap per instance, when DescribeVolumes is denied', async () => {
    mockInstances({ userData: 'absent', volumes: 'denied' });
    const instances = await runCollector(collectorFor('ec2'), { wanted: ['AWS::EC2::Instance'] });
    const defaults = await runCollector(collectorFor('ebs'), { wanted: ['Demarc::EC2::EbsEncryptionDefault'] });
    expect(instances.gaps).toEqual([expect.objectContaining({ call: 'ec2:DescribeVolumes', operation: 'DescribeVolumes', resourceId: instanceArn('i-0faults') })]);
    const { of } = await judge([instances, defaults], ['ec2-block-devices-encrypted']);
    expect(of('ec2-block-devices-encrypted')).toEqual([expect.objectContaining({ status: 'unknown', message: expect.stringContaining('ec2:DescribeVolumes') })]);
  });

  it('a volume that says Encrypted false fails whatever the region default is now', async () => {
    const client = mock(ec2Sdk.EC2Client);
    client.on(ec2Sdk.DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: 'vol-0old', Encrypted: false, Size: 8, VolumeType: 'gp3', AvailabilityZone: 'us-east-1a' }] });
    client.on(ec2Sdk.GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
    client.on(ec2Sdk.GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });
    const run = await runCollector(collectorFor('ebs'), { wanted: ['AWS::EC2::Volume', 'Demarc::EC2::EbsEncryptionDefault'] });
    const { of } = await judge([run], ['ebs-volume-encrypted']);
    expect(of('ebs-volume-encrypted').map((finding) => finding.status)).toEqual(['fail']);
  });
});

describe('ECS task definitions that could not be described', () => {
  const arn = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/web:3`;

  it('carry every judged setting as Unknown, and the host-namespace check says unknown', async () => {
    const client = mock(ecsSdk.ECSClient);
    client.on(ecsSdk.ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [arn] });
    client.on(ecsSdk.DescribeTaskDefinitionCommand).rejects(denied());
    const run = await runCollector(collectorFor('ecs'), { wanted: ['AWS::ECS::TaskDefinition'] });
    expect(run.violations).toEqual([]);
    const properties = run.resources[0]?.properties ?? {};
    expect(properties['Family']).toBe('web');
    for (const name of ['NetworkMode', 'PidMode', 'IpcMode', 'RuntimePlatform', 'ContainerDefinitions']) expect(isUnknown(properties[name]), name).toBe(true);
    expect(run.gaps).toEqual([expect.objectContaining({ call: 'ecs:DescribeTaskDefinition', operation: 'DescribeTaskDefinition', resourceId: arn })]);
    const { of } = await judge([run], ['ecs-task-host-namespaces']);
    expect(of('ecs-task-host-namespaces')).toEqual([expect.objectContaining({ status: 'unknown', message: expect.stringContaining('ecs:DescribeTaskDefinition') })]);
  });

  it('keep NetworkMode, PidMode, IpcMode and RuntimePlatform in CloudFormation names when read', async () => {
    const client = mock(ecsSdk.ECSClient);
    client.on(ecsSdk.ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [arn] });
    client.on(ecsSdk.DescribeTaskDefinitionCommand).resolves({
      taskDefinition: { family: 'web', networkMode: 'host', pidMode: 'host', ipcMode: 'task', runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' }, containerDefinitions: [{ name: 'app', image: 'nginx' }] },
    });
    const run = await runCollector(collectorFor('ecs'), { wanted: ['AWS::ECS::TaskDefinition'] });
    expect(run.resources[0]?.properties).toMatchObject({ NetworkMode: 'host', PidMode: 'host', IpcMode: 'task', RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' } });
    const { of } = await judge([run], ['ecs-task-host-namespaces']);
    expect(of('ecs-task-host-namespaces').map((finding) => finding.status)).toEqual(['fail']);
  });

  it('a namespace known to be shared fails even where another one is unknown', async () => {
    const task: Resource = { id: arn, scope: `aws://${ACCOUNT}`, type: 'AWS::ECS::TaskDefinition', account: ACCOUNT, region: REGION, origin: { kind: 'aws' }, properties: { NetworkMode: 'host', PidMode: new Unknown('not read') } };
    const { of } = await judge([], ['ecs-task-host-namespaces'], [task]);
    expect(of('ecs-task-host-namespaces').map((finding) => finding.status)).toEqual(['fail']);
  });
});

describe('KMS keys whose details could not be read', () => {
  const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const bucket = (): Resource => ({
    id: 'arn:aws:s3:::faults-bucket',
    scope: `aws://${ACCOUNT}`,
    type: 'AWS::S3::Bucket',
    name: 'faults-bucket',
    account: ACCOUNT,
    region: REGION,
    origin: { kind: 'aws' },
    properties: { BucketName: 'faults-bucket', BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }] } },
  });

  it('carry Unknown KeyState and Enabled when DescribeKey is denied: pending deletion and rotation are unknown', async () => {
    const client = mock(kmsSdk.KMSClient);
    client.on(kmsSdk.ListKeysCommand).resolves({ Keys: [{ KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', KeyArn: keyArn }], Truncated: false });
    client.on(kmsSdk.DescribeKeyCommand).rejects(denied());
    client.on(kmsSdk.GetKeyPolicyCommand).resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] }) });
    client.on(kmsSdk.ListAliasesCommand).resolves({ Aliases: [] });
    const run = await runCollector(collectorFor('kms'));
    expect(run.violations).toEqual([]);
    const properties = run.byType('AWS::KMS::Key')[0]?.properties ?? {};
    expect(isUnknown(properties['KeyState'])).toBe(true);
    expect(isUnknown(properties['Enabled'])).toBe(true);
    const { of } = await judge([run], ['kms-key-not-pending-deletion', 'kms-key-rotation']);
    expect(of('kms-key-not-pending-deletion')).toEqual([expect.objectContaining({ status: 'unknown', message: expect.stringContaining('kms:DescribeKey') })]);
    expect(of('kms-key-rotation').map((finding) => finding.status)).toEqual(['unknown']);
  });

  it('a key policy that could not be read is unknown with the call\'s reason, never "no key policy is given"', async () => {
    const client = mock(kmsSdk.KMSClient);
    client.on(kmsSdk.ListKeysCommand).resolves({ Keys: [{ KeyArn: keyArn }], Truncated: false });
    client.on(kmsSdk.DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: 'k', Arn: keyArn, KeyManager: 'CUSTOMER', KeyState: 'PendingDeletion', Enabled: false, KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' } });
    client.on(kmsSdk.GetKeyPolicyCommand).rejects(denied());
    client.on(kmsSdk.ListAliasesCommand).resolves({ Aliases: [] });
    const run = await runCollector(collectorFor('kms'));
    // Read for a key pending deletion too: every key has a policy.
    expect(run.calls.map((call) => call.action)).toContain('kms:GetKeyPolicy');
    const { of } = await judge([run], ['kms-key-policy-not-public', 'kms-key-not-pending-deletion']);
    const policy = of('kms-key-policy-not-public');
    expect(policy).toEqual([expect.objectContaining({ status: 'unknown', message: expect.stringContaining('kms:GetKeyPolicy: access denied (AccessDeniedException)') })]);
    expect(policy[0]?.message).not.toContain('no key policy is given');
    expect(of('kms-key-not-pending-deletion').map((finding) => finding.status)).toEqual(['fail']);
  });

  it('a live key without a KeyPolicy property is unknown, a template key without one keeps the default-policy pass', async () => {
    const live: Resource = { id: keyArn, scope: `aws://${ACCOUNT}`, type: 'AWS::KMS::Key', account: ACCOUNT, region: REGION, origin: { kind: 'aws' }, properties: { KeyState: 'Enabled', KeyManager: 'CUSTOMER' } };
    const template: Resource = { id: 'Key', scope: 'template.yaml', type: 'AWS::KMS::Key', origin: { kind: 'cloudformation' }, properties: {} };
    const { of } = await judge([], ['kms-key-policy-not-public'], [live, template]);
    expect(of('kms-key-policy-not-public').map((finding) => [finding.resource.id, finding.status])).toEqual([
      [keyArn, 'unknown'],
      ['Key', 'pass'],
    ]);
  });

  it('a bucket encrypted under a key is unknown when the keys could not be listed', async () => {
    const client = mock(kmsSdk.KMSClient);
    client.on(kmsSdk.ListKeysCommand).rejects(denied());
    client.on(kmsSdk.ListAliasesCommand).resolves({ Aliases: [] });
    const run = await runCollector(collectorFor('kms'));
    const { of } = await judge([run], ['s3-bucket-default-encryption', 'kms-key-not-pending-deletion'], [bucket()]);
    expect(of('s3-bucket-default-encryption').filter((finding) => finding.resource.id === 'arn:aws:s3:::faults-bucket').map((finding) => finding.status)).toEqual(['unknown']);
    expect(of('kms-key-not-pending-deletion').map((finding) => finding.status)).toEqual(['unknown']);
  });
});

describe('Lambda per-function failures', () => {
  const fnArn = (name: string): string => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

  it('are narrow gaps for that function, one unknown finding each, never account-wide duplicates', async () => {
    const client = mock(lambdaSdk.LambdaClient);
    client.on(lambdaSdk.ListFunctionsCommand).resolves({ Functions: ['denied-fn', 'open-fn', 'quiet-fn'].map((name) => ({ FunctionName: name, FunctionArn: fnArn(name), Runtime: 'nodejs20.x' })) });
    client.on(lambdaSdk.GetPolicyCommand, { FunctionName: fnArn('denied-fn') }).rejects(denied());
    client.on(lambdaSdk.GetPolicyCommand, { FunctionName: fnArn('open-fn') }).resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'svc', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: fnArn('open-fn'), Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } } }] }) });
    client.on(lambdaSdk.GetPolicyCommand, { FunctionName: fnArn('quiet-fn') }).rejects(awsError('ResourceNotFoundException', 'The resource you requested does not exist.', 404));
    client.on(lambdaSdk.ListFunctionUrlConfigsCommand, { FunctionName: fnArn('denied-fn') }).rejects(denied());
    client.on(lambdaSdk.ListFunctionUrlConfigsCommand, { FunctionName: fnArn('open-fn') }).resolves({ FunctionUrlConfigs: [] });
    client.on(lambdaSdk.ListFunctionUrlConfigsCommand, { FunctionName: fnArn('quiet-fn') }).resolves({ FunctionUrlConfigs: [] });
    const run = await runCollector(collectorFor('lambda'));
    expect(run.violations).toEqual([]);
    expect(run.gaps.filter((gap) => gap.resourceId === undefined)).toEqual([]);
    expect(run.gaps.map((gap) => [gap.call, gap.operation, gap.resourceId]).sort()).toEqual([
      ['lambda:GetPolicy', 'GetPolicy', fnArn('denied-fn')],
      ['lambda:ListFunctionUrlConfigs', 'ListFunctionUrlConfigs', fnArn('denied-fn')],
    ]);
    const { of } = await judge([run], ['lambda-permission-not-public', 'lambda-url-requires-auth']);
    const permissions = of('lambda-permission-not-public');
    expect(permissions.filter((finding) => finding.status === 'unknown')).toEqual([expect.objectContaining({ message: expect.stringContaining('lambda:GetPolicy: access denied') })]);
    expect(permissions.filter((finding) => finding.status === 'unknown')[0]?.resource.id).toContain('denied-fn');
    expect(permissions.filter((finding) => finding.status !== 'unknown').map((finding) => finding.status)).toEqual(['pass']);
    expect(of('lambda-url-requires-auth')).toEqual([expect.objectContaining({ status: 'unknown', message: expect.stringContaining('lambda:ListFunctionUrlConfigs') })]);
  });
});

describe('demarc scan --aws where nothing at all could be read', () => {
  isolateAwsEnvironment('AKIDEXAMPLEFAULTS');

  const sts = (request: RecordedRequest): Reply | undefined =>
    request.body.includes('Action=GetCallerIdentity')
      ? { body: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/auditor</Arn><UserId>AIDAFAULTS</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>` }
      : undefined;
  const json = (status: number, body: PropRecord): Reply => ({ status, body: JSON.stringify(body), contentType: 'application/x-amz-json-1.1' });
  const io = (): CliIo & { out: string[]; err: string[] } => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), stdoutIsTty: false, stderrIsTty: false, columns: 100, env: process.env, cwd: process.cwd() };
  };

  it('exits 2 with a hint to run demarc policy, instead of 0 with every check unknown', async () => {
    const server = await loopback((request) => sts(request) ?? json(400, { __type: 'AccessDeniedException', message: 'User is not authorized to perform: ecs:ListTaskDefinitions' }));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    try {
      const cli = io();
      const code = await main(['node', 'demarc', 'scan', '--aws', '--region', REGION, '--check', 'ecs-task-host-namespaces', '--format', 'json', '--fail-on', 'none'], cli);
      const stderr = cli.err.join('');
      expect(code).toBe(2);
      expect(stderr).toContain('nothing could be read');
      expect(stderr).toContain('demarc policy');
      expect(stderr).toContain('ecs ListTaskDefinitions (400): access denied (AccessDeniedException)');
      expect(cli.out.join('')).toBe('');
    } finally {
      await server.close();
    }
  });

  it('an account that answers with nothing to find is not "nothing read"', async () => {
    const server = await loopback((request) => sts(request) ?? json(200, { taskDefinitionArns: [] }));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    try {
      const cli = io();
      expect(await main(['node', 'demarc', 'scan', '--aws', '--quiet', '--region', REGION, '--check', 'ecs-task-host-namespaces', '--format', 'json', '--fail-on', 'none'], cli)).toBe(0);
      expect(cli.err.join('')).not.toContain('nothing could be read');
    } finally {
      await server.close();
    }
  });
});
