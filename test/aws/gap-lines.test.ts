import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as stsSdk from '@aws-sdk/client-sts';
import * as apigwSdk from '@aws-sdk/client-api-gateway';
import * as apigwV2Sdk from '@aws-sdk/client-apigatewayv2';
import * as ecsSdk from '@aws-sdk/client-ecs';
import { isSdkNodeVersionWarning, main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import type { CollectionGap } from '../../src/inventory/resource.js';
import { defineCollector, type Collector, type CollectorContext } from '../../src/inventory/sources/aws/collector.js';
import { AwsCallError, AwsCredentialsError } from '../../src/inventory/sources/aws/errors.js';
import { collectForChecks, gapLine } from '../../src/inventory/sources/aws/run.js';
import { scanAws, type ScanEvent } from '../../src/inventory/sources/aws/scan.js';
import { ACCOUNT, awsError, collectorFor, fakeCredentials, runCollector, useClientMocks } from './support/harness.js';
import { loopback } from './support/loopback.js';

// Every gap line says where, which service and SDK operation, the HTTP status, the resource when the gap is that
// narrow, and a short reason: one line each, never the SDK's internals.

const mock = useClientMocks();

function mockSts(): void {
  mock(stsSdk.STSClient).on(stsSdk.GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/auditor`, UserId: 'AIDA' });
}

const base = { credentials: fakeCredentials, env: {}, settings: { maxAttempts: 1, callTimeoutMs: 2_000, requestTimeoutMs: 2_000 } };
const oneLine = (line: string): void => {
  expect(line).not.toContain('\n');
  expect(line).not.toMatch(/\$response|hidden field|Deserialization error/);
};

describe('gap lines', () => {
  it('name the scope, the service and operation, the HTTP status, the resource and a short reason', () => {
    const gap: CollectionGap = {
      resourceTypes: [],
      reason: 'access denied (AccessDenied)',
      account: ACCOUNT,
      region: 'us-east-1',
      service: 's3',
      call: 's3:GetBucketPolicy',
      operation: 'GetBucketPolicy',
      httpStatus: 403,
      resourceId: 'arn:aws:s3:::b',
    };
    expect(gapLine(gap)).toBe(`${ACCOUNT}/us-east-1 s3 GetBucketPolicy (403) arn:aws:s3:::b: access denied (AccessDenied)`);
    // A gap that was no API answer (an account that could not be assumed) still makes one line.
    expect(gapLine({ resourceTypes: ['AWS::S3::Bucket'], reason: 'cannot assume arn:aws:iam::1:role/Audit: access denied (AccessDenied)\n    at stack', account: '1' })).toBe(
      '1: cannot assume arn:aws:iam::1:role/Audit: access denied (AccessDenied)',
    );
  });

  it('tell REST APIs from HTTP APIs although both need apigateway:GET', async () => {
    const v1 = mock(apigwSdk.APIGatewayClient);
    v1.onAnyCommand().resolves({});
    v1.on(apigwSdk.GetRestApisCommand).rejects(awsError('AccessDeniedException', 'User is not authorized to access this resource', 403));
    const v2 = mock(apigwV2Sdk.ApiGatewayV2Client);
    v2.onAnyCommand().resolves({});
    v2.on(apigwV2Sdk.GetApisCommand).rejects(awsError('AccessDeniedException', 'User is not authorized to access this resource', 403));
    const rest = await runCollector(collectorFor('apigateway'), { wanted: ['AWS::ApiGateway::Stage'] });
    const http = await runCollector(collectorFor('apigatewayv2'), { wanted: ['AWS::ApiGatewayV2::Stage'] });
    const [restGap] = rest.gaps;
    const [httpGap] = http.gaps;
    expect(restGap).toMatchObject({ call: 'apigateway:GET', operation: 'GetRestApis', httpStatus: 403 });
    expect(httpGap).toMatchObject({ call: 'apigateway:GET', operation: 'GetApis', httpStatus: 403 });
    if (!restGap || !httpGap) throw new Error('expected a gap from each collector');
    expect(gapLine(restGap)).toBe(`${ACCOUNT}/us-east-1 apigateway GetRestApis (403): access denied (AccessDeniedException)`);
    expect(gapLine(httpGap)).toBe(`${ACCOUNT}/us-east-1 apigateway GetApis (403): access denied (AccessDeniedException)`);
  });

  it('never carry the SDK\'s hints about its own internals, nor a second line', async () => {
    const unparsable = Object.assign(new SyntaxError('Unexpected token \'<\', "<html>" is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'), {
      $metadata: { httpStatusCode: 502 },
    });
    mock(ecsSdk.ECSClient).on(ecsSdk.ListTaskDefinitionsCommand).rejects(unparsable);
    const run = await runCollector(collectorFor('ecs'), { wanted: ['AWS::ECS::TaskDefinition'] });
    const [gap] = run.gaps;
    if (!gap) throw new Error('expected a gap');
    oneLine(gap.reason);
    const line = gapLine(gap);
    oneLine(line);
    expect(line).toBe(`${ACCOUNT}/us-east-1 ecs ListTaskDefinitions (502): failed (SyntaxError: the answer could not be read: Unexpected token '<', "<html>" is not valid JSON)`);
  });
});

/** A collector that emits `resources` resources and records `gaps` gaps, yielding between each so that tasks interleave. */
function fakeCollector(service: string, type: string, resources: number, gaps: number, narrow = false): Collector {
  return defineCollector({
    service,
    global: false,
    resourceTypes: [type],
    calls: [],
    async collect(ctx: CollectorContext) {
      // One answered call, as a real collector's listing is: the scan did read something.
      await ctx.call(ctx.client(stsSdk.STSClient), 'sts:GetCallerIdentity', new stsSdk.GetCallerIdentityCommand({}));
      for (let index = 0; index < Math.max(resources, gaps); index += 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (index < resources) ctx.emit({ type, id: `${service}-${index}`, properties: {} });
        if (index < gaps) {
          const operation = narrow ? 'DescribeThing' : 'ListThings';
          const error = new AwsCallError(`${service}:${operation}`, awsError('AccessDeniedException', 'User is not authorized', 403), operation);
          if (narrow) ctx.gap([], error, error.action, `arn:aws:${service}:us-east-1:${ACCOUNT}:thing/${index}`);
          else ctx.gap([type], error, error.action);
        }
      }
    },
  });
}

describe('progress per collector', () => {
  it('counts each collector run\'s own resources and gaps while the runs overlap', async () => {
    mockSts();
    const events: Array<Extract<ScanEvent, { kind: 'collected' }>> = [];
    await scanAws({
      ...base,
      resourceTypes: ['AWS::ECS::TaskDefinition', 'AWS::EC2::Volume'],
      regions: ['us-east-1', 'eu-west-1'],
      collectors: [fakeCollector('alpha', 'AWS::ECS::TaskDefinition', 4, 0), fakeCollector('beta', 'AWS::EC2::Volume', 1, 3)],
      onEvent: (event) => {
        if (event.kind === 'collected') events.push(event);
      },
    });
    expect(events.map((event) => `${event.service}/${event.region}: ${event.resources} resources, ${event.gaps} gaps`).sort()).toEqual([
      'alpha/eu-west-1: 4 resources, 0 gaps',
      'alpha/us-east-1: 4 resources, 0 gaps',
      'beta/eu-west-1: 1 resources, 3 gaps',
      'beta/us-east-1: 1 resources, 3 gaps',
    ]);
  });
});

describe('collectForChecks on standard error', () => {
  it('prints one line per gap, narrow ones with their resource', async () => {
    mockSts();
    const err: string[] = [];
    await collectForChecks(
      [{ resourceTypes: ['AWS::ECS::TaskDefinition', 'AWS::EC2::Volume'] }],
      { region: ['us-east-1'] },
      { stderr: (text) => err.push(text), stderrIsTty: false, env: {} },
      { ...base, collectors: [fakeCollector('alpha', 'AWS::ECS::TaskDefinition', 1, 1), fakeCollector('beta', 'AWS::EC2::Volume', 1, 2, true)] },
    );
    const lines = err.join('').split('\n').filter((line) => line.startsWith('demarc: gap: '));
    expect(lines).toEqual([
      `demarc: gap: ${ACCOUNT}/us-east-1 alpha ListThings (403): access denied (AccessDeniedException)`,
      `demarc: gap: ${ACCOUNT}/us-east-1 beta DescribeThing (403) arn:aws:beta:us-east-1:${ACCOUNT}:thing/0: access denied (AccessDeniedException)`,
      `demarc: gap: ${ACCOUNT}/us-east-1 beta DescribeThing (403) arn:aws:beta:us-east-1:${ACCOUNT}:thing/1: access denied (AccessDeniedException)`,
    ]);
    expect(err.join('')).toContain('1 collection gap(s), 2 resource detail(s) unread');
  });
});

describe('STS answering a server error', () => {
  it.each([
    ['ServiceUnavailable', 'Service Unavailable'],
    ['Unknown', 'UnknownError'],
  ])('says the service was unavailable (%s), not that the credentials are unusable', async (code, message) => {
    mock(stsSdk.STSClient).on(stsSdk.GetCallerIdentityCommand).rejects(awsError(code, message, 503));
    const scan = scanAws({ ...base, resourceTypes: ['AWS::ECS::TaskDefinition'], regions: ['us-east-1'] });
    await expect(scan).rejects.toThrow(AwsCredentialsError);
    await expect(scanAws({ ...base, resourceTypes: ['AWS::ECS::TaskDefinition'], regions: ['us-east-1'] })).rejects.toThrow(/HTTP 503 \(service unavailable/);
    await expect(scanAws({ ...base, resourceTypes: ['AWS::ECS::TaskDefinition'], regions: ['us-east-1'] })).rejects.not.toThrow(/no usable AWS credentials/);
  });
});

describe('S3 Control with AWS_ENDPOINT_URL', () => {
  const ENV_KEYS = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED'];
  const saved = new Map<string, string | undefined>();
  beforeEach(() => {
    for (const key of ENV_KEYS) saved.set(key, process.env[key]);
    process.env['AWS_ACCESS_KEY_ID'] = 'AKIDEXAMPLEGAPLINES';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'gap-lines-secret-not-real';
    process.env['AWS_CONFIG_FILE'] = '/nonexistent/demarc-test-config';
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = '/nonexistent/demarc-test-credentials';
    process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
    delete process.env['AWS_SESSION_TOKEN'];
    delete process.env['AWS_PROFILE'];
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('stays on the endpoint as given (no account id in front of the host), and the SDK prints nothing', async () => {
    const server = await loopback((request) => {
      if (request.body.includes('Action=GetCallerIdentity')) {
        return { body: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/auditor</Arn><UserId>AIDA</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>` };
      }
      if (request.path === '/v20180820/configuration/publicAccessBlock') {
        return {
          body: `<?xml version="1.0" encoding="UTF-8"?>\n<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>`,
        };
      }
      return { status: 400, body: `<Error><Code>InvalidRequest</Code><Message>unexpected ${request.method} ${request.path}</Message></Error>` };
    });
    process.env['AWS_ENDPOINT_URL'] = server.url;
    const consoleError = vi.spyOn(console, 'error');
    const consoleWarn = vi.spyOn(console, 'warn');
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), stdoutIsTty: false, stderrIsTty: false, columns: 100, env: process.env, cwd: process.cwd() };
      const code = await main(['node', 'demarc', 'scan', '--aws', '--region', 'us-east-1', '--check', 's3-account-public-access-block', '--format', 'json', '--fail-on', 'none'], io);
      expect(code).toBe(0);
      const control = server.requests.find((request) => request.path === '/v20180820/configuration/publicAccessBlock');
      expect(control?.headers.host).toBe(new URL(server.url).host);
      expect(control?.headers['x-amz-account-id']).toBe(ACCOUNT);
      const result = JSON.parse(out.join('')) as { findings: Array<{ checkId: string; status: string }>; coverage: { gaps: unknown[] } };
      expect(result.coverage.gaps).toEqual([]);
      expect(result.findings.filter((finding) => finding.checkId === 's3-account-public-access-block').map((finding) => finding.status)).toEqual(['pass']);
      expect(err.join('')).not.toMatch(/Failed to construct URL|TypeError|\n\s+at /);
      expect(consoleError).not.toHaveBeenCalled();
      expect(consoleWarn).not.toHaveBeenCalled();
    } finally {
      await server.close();
    }
  });
});

describe('the AWS SDK\'s Node.js version warning', () => {
  const sdkText = `NodeVersionSupportWarning: The AWS SDK for JavaScript (v3)\nversions published after the first week of January 2027\nwill require node >=22. You are running node v20.19.0.`;

  it('is recognised by its name, and no other warning is', () => {
    expect(isSdkNodeVersionWarning(sdkText)).toBe(true);
    expect(isSdkNodeVersionWarning(Object.assign(new Error('The AWS SDK for JavaScript (v3) ...'), { name: 'NodeVersionSupportWarning' }))).toBe(true);
    expect(isSdkNodeVersionWarning('whatever', 'NodeVersionSupportWarning')).toBe(true);
    expect(isSdkNodeVersionWarning('whatever', { type: 'NodeVersionSupportWarning' })).toBe(true);
    expect(isSdkNodeVersionWarning('The punycode module is deprecated', 'DeprecationWarning')).toBe(false);
    expect(isSdkNodeVersionWarning('a warning that mentions NodeVersionSupportWarning later')).toBe(false);
    expect(isSdkNodeVersionWarning(new Error('ExperimentalWarning'))).toBe(false);
  });
});
