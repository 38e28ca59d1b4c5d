import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const FIXTURES = join('test', 'config', 'fixtures');
const ONLY = ['--check', 's3-bucket-versioning', '--fail-on', 'none'];
const ENV = { DEMARC_NOW: '2026-11-22T10:00:00Z' };

let folder: string;
let oldResult: string;
let newResult: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-baseline-'));
  oldResult = join(folder, 'old.json');
  newResult = join(folder, 'new.json');
  for (const [template, output] of [['buckets.yaml', oldResult], ['buckets-fixed.yaml', newResult]] as const) {
    const run = await runCli(['scan', join(FIXTURES, template), ...ONLY, '--format', 'json', '--output', output], { env: ENV });
    expect(run.code).toBe(0);
  }
});

describe('demarc diff', () => {
  it('prints new, fixed and still-open findings as text', async () => {
    const run = await runCli(['diff', oldResult, newResult]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 new, 2 fixed, 1 still open; 1 matrix cells changed');
    expect(run.stdout).toContain('MEDIUM s3-bucket-versioning on MediaBucket');
  });

  it('prints markdown and JSON, and writes to a file', async () => {
    expect((await runCli(['diff', oldResult, newResult, '--format', 'markdown'])).stdout).toMatch(/^## demarc: changes from/);
    const json = JSON.parse((await runCli(['diff', oldResult, newResult, '-f', 'json'])).stdout) as { findings: { fixed: unknown[] }; matrix: { changed: unknown[] } };
    expect(json.findings.fixed).toHaveLength(2);
    expect(json.matrix.changed).toHaveLength(1);
    const output = join(folder, 'diff.md');
    const written = await runCli(['diff', oldResult, newResult, '-f', 'markdown', '-o', output]);
    expect(written.stderr).toBe(`wrote markdown to ${output}\n`);
    expect(await readFile(output, 'utf8')).toContain('### Fixed findings (2)');
  });

  it('exits 1 with --fail-on when a new customer failure reaches it', async () => {
    expect((await runCli(['diff', oldResult, newResult, '--fail-on', 'medium'])).code).toBe(1);
    expect((await runCli(['diff', oldResult, newResult, '--fail-on', 'high'])).code).toBe(0);
    expect((await runCli(['diff', newResult, oldResult, '--fail-on', 'low'])).code).toBe(1);
    expect((await runCli(['diff', oldResult, oldResult, '--fail-on', 'info'])).code).toBe(0);
  });

  it('exits 2 on a file that is not a result', async () => {
    const bogus = join(folder, 'bogus.json');
    await writeFile(bogus, '{"hello": 1}');
    const run = await runCli(['diff', bogus, newResult]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bogus}: not a demarc JSON result`);
    expect((await runCli(['diff', join(folder, 'missing.json'), newResult])).stderr).toContain('missing.json: cannot read: no such file');
    expect((await runCli(['diff', oldResult, newResult, '--format', 'html'])).code).toBe(2);
  });
});

describe('demarc scan --baseline', () => {
  it('reports and fails only on findings new since the baseline', async () => {
    const run = await runCli(['scan', join(FIXTURES, 'buckets-fixed.yaml'), '--check', 's3-bucket-versioning', '--baseline', oldResult, '--format', 'json'], { env: ENV });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`demarc: baseline ${oldResult}: 1 new finding reported; 1 already known and not reported (1 fail); 2 fixed since\n`);
    const result = JSON.parse(run.stdout) as { findings: Array<{ resource: { id: string }; status: string }> };
    expect(result.findings.filter((finding) => finding.status === 'fail').map((finding) => finding.resource.id)).toEqual(['MediaBucket']);
  });

  it('exits 0 when every failure was already in the baseline', async () => {
    const run = await runCli(['scan', join(FIXTURES, 'buckets.yaml'), '--check', 's3-bucket-versioning', '--baseline', oldResult], { env: ENV });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('0 new findings reported; 3 already known');
    expect(run.stdout).toContain('No failing, unknown or erroring checks.');
  });

  it('exits 2 before scanning when the baseline cannot be read', async () => {
    const run = await runCli(['scan', join(FIXTURES, 'buckets.yaml'), '--baseline', join(folder, 'nothing.json')], { env: ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--baseline');
    expect(run.stdout).toBe('');
  });

  it('combines with suppressions: a new but suppressed failure does not fail the run', async () => {
    const config = join(folder, 'demarc.config.yaml');
    await writeFile(config, 'suppressions:\n  - check: s3-bucket-versioning\n    resources: [media-prod]\n    reason: media is re-encoded from the source archive\n');
    const run = await runCli(['scan', join(FIXTURES, 'buckets-fixed.yaml'), '--check', 's3-bucket-versioning', '--baseline', oldResult, '--config', config], { env: ENV });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('suppressed: media is re-encoded from the source archive');
  });
});
