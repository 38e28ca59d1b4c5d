import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scan, scanPaths, ScanInputError, type ScanProgress } from '../../src/index.js';
import { loopback, type RecordedRequest, type Reply } from '../aws/support/loopback.js';
import { isolateAwsEnvironment } from '../aws/support/isolated-env.js';

const FIXTURES = join('test', 'config', 'fixtures');
const BUCKETS = join(FIXTURES, 'buckets.yaml');
const NOW = new Date('2026-11-22T10:00:00Z');
const VERSIONING = { ids: ['s3-bucket-versioning'] };

const UNVERSIONED_BUCKET = `Resources:
  Unversioned:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: unversioned
`;

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-library-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const failing = (findings: ReadonlyArray<{ status: string; suppressed?: unknown; resource: { id: string } }>): string[] =>
  findings.filter((finding) => finding.status === 'fail' && !finding.suppressed).map((finding) => finding.resource.id).sort();

describe('scan() over templates', () => {
  it('honours a configuration file: suppressions apply, and its warnings come back as data', async () => {
    const config = join(folder, 'demarc.config.yaml');
    await writeFile(config, 'suppressions:\n  - check: s3-bucket-versioning\n    resources: [LogsBucket, NoSuchBucket]\n    reason: these buckets hold rebuildable data only\n');
    const outcome = await scan({ paths: [BUCKETS], checks: VERSIONING, config, now: NOW });
    expect(outcome.result.findings.find((finding) => finding.resource.id === 'LogsBucket')?.suppressed?.reason).toBe('these buckets hold rebuildable data only');
    expect(failing(outcome.result.findings)).toEqual(['WebAdminBucket', 'WebBucket']);
    expect(outcome.problems).toContainEqual({ kind: 'config-unused', severity: 'warning', file: config, line: 3, message: 'suppressions[0].resources[1]: "NoSuchBucket" matches no resource in this scan' });
    expect(outcome.exitHints).toEqual({ nothingRead: false, nothingEvaluated: false, hasGaps: false, worstFailure: 'medium' });
  });

  it('lets scanPaths take the configuration too', async () => {
    const config = join(folder, 'all.config.yaml');
    await writeFile(config, 'suppressions:\n  - check: s3-bucket-versioning\n    reason: every bucket here is rebuildable\n');
    const result = await scanPaths([BUCKETS], { config, now: NOW });
    expect(result.findings.filter((finding) => finding.checkId === 's3-bucket-versioning' && finding.status === 'fail').every((finding) => finding.suppressed)).toBe(true);
    expect(failing((await scanPaths([BUCKETS], { now: NOW })).findings).length).toBeGreaterThan(0);
  });

  it('throws a ScanInputError listing every error of a bad configuration, never printing', async () => {
    const config = join(folder, 'bad.config.yaml');
    await writeFile(config, 'suppressions:\n  - check: s3-bucket-versioning\n    reason: short\n    expire: 2027-01-01\n');
    const writes = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write'), vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];
    const error = await scan({ paths: [BUCKETS], checks: VERSIONING, config, now: NOW }).catch((caught: unknown) => caught);
    for (const write of writes) {
      expect(write).not.toHaveBeenCalled();
      write.mockRestore();
    }
    expect(error).toBeInstanceOf(ScanInputError);
    const problems = error instanceof ScanInputError ? error.problems : [];
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([
      expect.objectContaining({ kind: 'config', file: config, line: 3, message: expect.stringMatching(/^suppressions\[0\]\.reason: is too short \(5 characters\)/) }),
      expect.objectContaining({ kind: 'config', file: config, line: 4, message: expect.stringMatching(/^suppressions\[0\]\.expire: unknown key \(did you mean expires\?\)/) }),
    ]);
    await expect(scan({ paths: [BUCKETS], checks: { services: ['s4'] } })).rejects.toThrow(/unknown service s4 \(did you mean s3/);
  });

  it('reports only what is new since a baseline, with the counts as data', async () => {
    const before = await scan({ paths: [BUCKETS], checks: VERSIONING, now: NOW });
    const after = await scan({ paths: [join(FIXTURES, 'buckets-fixed.yaml')], checks: VERSIONING, baseline: before.result, now: NOW });
    expect(after.baseline).toMatchObject({ newTotal: 1, knownTotal: 1, fixedTotal: 2 });
    expect(failing(after.result.findings)).toEqual(['MediaBucket']);
    expect(after.problems).toContainEqual(expect.objectContaining({ kind: 'baseline', severity: 'info' }));
    const saved = join(folder, 'before.json');
    await writeFile(saved, JSON.stringify(before.result));
    const fromFile = await scan({ paths: [join(FIXTURES, 'buckets-fixed.yaml')], checks: VERSIONING, baseline: saved, now: NOW });
    expect(fromFile.baseline?.description).toBe(`baseline ${saved}: 1 new finding reported; 1 already known and not reported (1 fail); 2 fixed since`);
    await expect(scan({ paths: [BUCKETS], baseline: join(folder, 'missing.json') })).rejects.toThrow(ScanInputError);
  });

  it('leaves out excluded files and skipped checks', async () => {
    const project = join(folder, 'project');
    await mkdir(join(project, 'test'), { recursive: true });
    await writeFile(join(project, 'main.yaml'), UNVERSIONED_BUCKET.replace(/Unversioned/g, 'Main').replace('unversioned', 'main'));
    await writeFile(join(project, 'test', 'bad.yaml'), UNVERSIONED_BUCKET);
    const everything = await scan({ paths: [project], checks: { services: ['s3'] }, now: NOW });
    expect(everything.result.sources.map((source) => source.file).sort()).toEqual([join(project, 'main.yaml'), join(project, 'test', 'bad.yaml')]);
    const files: string[] = [];
    const excluded = await scan({ paths: [project], checks: { services: ['s3'] }, exclude: ['test/**'], now: NOW, onProgress: (progress) => { if (progress.kind === 'file') files.push(progress.path); } });
    expect(files).toEqual([join(project, 'main.yaml')]);
    expect(excluded.result.findings.some((finding) => finding.resource.id === 'Unversioned')).toBe(false);
    expect(excluded.result.findings.some((finding) => finding.resource.id === 'Main')).toBe(true);

    const skipped = await scan({ paths: [project], checks: { services: ['s3'], skip: ['s3-bucket-versioning', 's3-*-logging'] }, now: NOW });
    const ran = new Set(skipped.result.findings.map((finding) => finding.checkId));
    expect(ran.has('s3-bucket-versioning')).toBe(false);
    expect([...ran].some((id) => /^s3-.*-logging$/.test(id))).toBe(false);
    expect(ran.size).toBeGreaterThan(0);
    await expect(scan({ paths: [project], checks: { ids: ['s3-bucket-versioning'], skip: ['s3-*'] } })).rejects.toThrow(/every selected check is skipped/);
    await expect(scan({ paths: [project], checks: { skip: ['s3-bucket-versionin'] } })).rejects.toThrow(/no check matches s3-bucket-versionin/);
  });

  it('says when nothing was evaluated, as a problem and an exit hint', async () => {
    const empty = join(folder, 'no-templates');
    await mkdir(empty, { recursive: true });
    await writeFile(join(empty, 'package.json'), '{"name": "not-a-template"}');
    const outcome = await scan({ paths: [empty], now: NOW });
    expect(outcome.exitHints.nothingEvaluated).toBe(true);
    expect(outcome.problems).toContainEqual(expect.objectContaining({ kind: 'nothing-evaluated', severity: 'error' }));
  });
});

const ACCOUNT = '123456789012';
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

function sts(request: RecordedRequest): Reply | undefined {
  if (request.method !== 'POST' || !request.body.includes('Action=GetCallerIdentity')) return undefined;
  return {
    body: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/auditor</Arn><UserId>AIDASAMPLE</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  };
}

const s3Error = (status: number, code: string): Reply => ({ status, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message><RequestId>r</RequestId><HostId>h</HostId></Error>` });

/** Two buckets: `kept` keeps versions, `scratch` does not; every other detail is absent or denied. */
function s3(request: RecordedRequest): Reply {
  if (request.path === '/' && request.query.has('max-buckets')) {
    return {
      body: `<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner><ID>owner</ID></Owner><Buckets>
<Bucket><Name>kept</Name><CreationDate>2023-04-01T10:00:00.000Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket>
<Bucket><Name>scratch</Name><CreationDate>2024-02-11T08:30:00.000Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket>
</Buckets></ListAllMyBucketsResult>`,
    };
  }
  if (request.query.has('versioning')) {
    const kept = request.path.replace(/^\/+|\/+$/g, '') === 'kept';
    return { body: kept ? `<VersioningConfiguration xmlns="${S3_NS}"><Status>Enabled</Status></VersioningConfiguration>` : `<VersioningConfiguration xmlns="${S3_NS}"/>` };
  }
  return s3Error(403, 'AccessDenied');
}


describe('scan() of a live account, against a loopback endpoint', () => {
  isolateAwsEnvironment('AKIDEXAMPLELIBRARY');

  it('collects, evaluates and returns gaps and progress as data', async () => {
    const server = await loopback((request) => sts(request) ?? s3(request));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    // Node's warnings reach the user's terminal: the requests waiting on the scan's one deadline are no listener leak.
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    try {
      const progress: ScanProgress['kind'][] = [];
      const outcome = await scan({ aws: { regions: ['us-east-1'] }, checks: VERSIONING, now: NOW, onProgress: (event) => progress.push(event.kind) });
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
      const versioning = outcome.result.findings.filter((finding) => finding.checkId === 's3-bucket-versioning');
      expect(versioning.map((finding) => [finding.resource.name, finding.status]).sort()).toEqual([
        ['kept', 'pass'],
        ['scratch', 'fail'],
      ]);
      expect(outcome.gaps.length).toBeGreaterThan(0);
      expect(outcome.gaps).toEqual(outcome.result.coverage.gaps);
      expect(outcome.exitHints).toMatchObject({ nothingRead: false, hasGaps: true, worstFailure: 'medium' });
      expect(progress).toContain('aws');
      expect(progress.at(-1)).toBe('aws-collected');
      expect(server.requests.length).toBeGreaterThan(2);
    } finally {
      process.off('warning', onWarning);
      await server.close();
    }
  });

  it('reports an account where every call was denied as nothing read, without throwing', async () => {
    const server = await loopback((request) => sts(request) ?? s3Error(403, 'AccessDenied'));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    try {
      const outcome = await scan({ aws: { regions: ['us-east-1'] }, checks: VERSIONING, now: NOW });
      expect(outcome.exitHints.nothingRead).toBe(true);
      expect(outcome.problems).toContainEqual(expect.objectContaining({ kind: 'aws', severity: 'error', message: expect.stringContaining('nothing could be read') }));
    } finally {
      await server.close();
    }
  });

  it('rejects paths and an AWS target together', async () => {
    await expect(scan({ paths: [BUCKETS], aws: {} })).rejects.toThrow(ScanInputError);
  });
});
