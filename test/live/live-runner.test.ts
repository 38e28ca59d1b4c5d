import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import type { CheckFixture } from '../support/fixtures.js';
import { readLiveFixture } from '../support/live-fixture-file.js';
import { runLiveFixture, startEmulator, type Emulator } from '../support/live-fixtures.js';
import { resolveInput } from '../support/live-seed.js';
import { callOf, exactPattern, globMatches } from '../support/live-wire.js';

const folder = mkdtempSync(join(tmpdir(), 'demarc-live-runner-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function fixtureFile(name: string, text: string): CheckFixture {
  const path = join(folder, name);
  writeFileSync(path, text);
  return { path, name, expected: name.startsWith('pass') ? 'pass' : 'unknown' };
}

const signed = (service: string) => ({ authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0` });

describe('call names, as the emulator logs them', () => {
  it('reads the service from the credential scope and the action from the target, the form, the query or the path', () => {
    expect(callOf({ method: 'POST', target: '/', headers: { ...signed('kms'), 'x-amz-target': 'TrentService.GetKeyPolicy' }, body: '{}' })).toEqual({ service: 'kms', action: 'GetKeyPolicy' });
    expect(callOf({ method: 'POST', target: '/', headers: { ...signed('ec2'), 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: 'Action=DescribeVpcs&Version=2016-11-15' })).toEqual({ service: 'ec2', action: 'DescribeVpcs' });
    expect(callOf({ method: 'GET', target: '/?Action=GetCallerIdentity', headers: signed('sts'), body: '' })).toEqual({ service: 'sts', action: 'GetCallerIdentity' });
    expect(callOf({ method: 'GET', target: '/?x-id=ListBuckets', headers: signed('s3'), body: '' })).toEqual({ service: 's3', action: 'GET ListBuckets' });
    expect(callOf({ method: 'GET', target: '/open-bucket?policy', headers: signed('s3'), body: '' })).toEqual({ service: 's3', action: 'GET bucket?policy' });
    expect(callOf({ method: 'HEAD', target: '/open-bucket', headers: signed('s3'), body: '' })).toEqual({ service: 's3', action: 'HEAD bucket?' });
    expect(callOf({ method: 'GET', target: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af/policy', headers: signed('lambda'), body: '' })).toEqual({ service: 'lambda', action: 'GET /2015-03-31/functions/{id}/policy' });
    expect(callOf({ method: 'GET', target: '/restapis/a1b2c3d4e5/stages', headers: signed('apigateway'), body: '' })).toEqual({ service: 'apigateway', action: 'GET /restapis/{id}/stages' });
    expect(callOf({ method: 'GET', target: '/', headers: {}, body: '' })).toEqual({ service: '?', action: 'GET /' });
  });

  it('matches globs as fnmatch does, and quotes a call exactly', () => {
    expect(globMatches('ec2:Describe*', 'ec2:DescribeVpcs')).toBe(true);
    expect(globMatches('ec2:Describe*', 'iam:DescribeVpcs')).toBe(false);
    expect(globMatches('s3:GET bucket?policy', 's3:GET bucket?policy')).toBe(true);
    expect(globMatches('s3:GET bucket[!?]policy', 's3:GET bucket?policy')).toBe(false);
    expect(globMatches('kms:[GL]*', 'kms:ListKeys')).toBe(true);
    expect(globMatches('a.b', 'aXb')).toBe(false);
    expect(globMatches(exactPattern('s3:GET bucket?'), 's3:GET bucket?')).toBe(true);
    expect(globMatches(exactPattern('s3:GET bucket?'), 's3:GET bucketX')).toBe(false);
  });
});

describe('live fixture files', () => {
  it('resolves $json, $base64 and saved outputs, and refuses a missing one', () => {
    const saved = new Map<string, unknown>([['vpc', { Vpc: { VpcId: 'vpc-1' } }], ['ids', { List: ['a', 'b'] }]]);
    expect(resolveInput({ Policy: { $json: { Resource: '{{vpc.Vpc.VpcId}}/*' } }, Ids: '{{ids.List}}', Zip: { $base64: 'UEs=' } }, saved)).toEqual({
      Policy: '{"Resource":"vpc-1/*"}',
      Ids: ['a', 'b'],
      Zip: new Uint8Array([0x50, 0x4b]),
    });
    expect(() => resolveInput('{{vpc.Vpc.SubnetId}}', saved)).toThrow(/SubnetId/);
    expect(() => resolveInput('{{nothing.At}}', saved)).toThrow(/no earlier step saved "nothing"/);
  });

  it('refuses keys it does not know', () => {
    expect(() => readLiveFixture(fixtureFile('pass-typo.live.yaml', 'seed: []\ndenny: []\n').path)).toThrow(/unknown keys denny/);
    expect(() => readLiveFixture(fixtureFile('pass-call.live.yaml', 'seed: [ { call: s3:CreateBucket } ]\n').path)).toThrow(/service\.Operation/);
    expect(readLiveFixture(fixtureFile('pass-empty.live.yaml', '# nothing\nseed: []\n').path)).toEqual({ seed: [], replies: [], deny: [], region: 'us-east-1' });
  });
});

describe('recorded replies and denials', () => {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
  }, 600_000);
  afterAll(async () => {
    await emulator?.stop();
  });
  const versioning = allChecks.find((check) => check.id === 's3-bucket-versioning');

  it('answers a matching call from the fixture, and lets a denial of that call reach the emulator', async () => {
    if (emulator === undefined || versioning === undefined) throw new Error('no emulator or no s3-bucket-versioning check');
    const fixture = fixtureFile(
      'pass-replied.live.yaml',
      `seed:
  - call: s3.CreateBucket
    input: { Bucket: replied-bucket }
replies:
  - call: s3:GET bucket?versioning
    match: replied-bucket
    status: 200
    body: '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status></VersioningConfiguration>'
`,
    );
    const replied = await runLiveFixture(emulator, versioning, fixture);
    expect(replied.findings.map((finding) => finding.status)).toEqual(['pass']);
    expect(replied.calls).toContainEqual(expect.objectContaining({ service: 's3', action: 'GET bucket?versioning', replied: true }));
    expect(replied.calls.filter((call) => call.replied)).toHaveLength(1);

    const denied = await runLiveFixture(emulator, versioning, fixture, [exactPattern('s3:GET bucket?versioning')]);
    expect(denied.findings.map((finding) => finding.status)).toEqual(['unknown']);
    expect(denied.calls).toContainEqual(expect.objectContaining({ action: 'GET bucket?versioning', denied: true, replied: false }));
    expect(await readFaults(emulator)).toBe('');
  }, 120_000);
});

async function readFaults(emulator: Emulator): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(join(emulator.stateDir, 'faults.txt'), 'utf8');
}
