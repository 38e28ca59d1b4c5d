import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const TEMPLATE = join('test', 'config', 'fixtures', 'buckets.yaml');
const ONLY = ['--check', 's3-bucket-versioning', '--fail-on', 'none'];
const onPosix = process.platform !== 'win32';

let folder: string;
let good: string;
let saved: Record<string, unknown>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-baseline-bounds-'));
  good = join(folder, 'good.json');
  const run = await runCli(['scan', TEMPLATE, ...ONLY, '--format', 'json', '--output', good]);
  expect(run.code).toBe(0);
  saved = JSON.parse(await readFile(good, 'utf8')) as Record<string, unknown>;
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The parts of a saved result the cases change, loosely typed: they write wrong types on purpose. */
interface Loose {
  findings: Array<Record<string, unknown>>;
  matrix: Array<Record<string, unknown>>;
  coverage: Record<string, unknown>;
}

/** The saved result with `change` applied to a copy, written to a file of its own. */
async function variant(name: string, change: (result: Loose) => void): Promise<string> {
  const copy = structuredClone(saved) as unknown as Loose;
  change(copy);
  const path = join(folder, `${name}.json`);
  await writeFile(path, JSON.stringify(copy));
  return path;
}

describe('a result with a wrong-typed field', () => {
  const cases: Array<[string, Parameters<typeof variant>[1], string]> = [
    ['gap-types', (result) => { result.coverage['gaps'] = [{ resourceTypes: 5, reason: 'AccessDenied' }]; }, 'coverage.gaps[0].resourceTypes must be array (found a number)'],
    ['gap-reason', (result) => { result.coverage['gaps'] = [{ resourceTypes: [], reason: { text: 'x' } }]; }, 'coverage.gaps[0].reason must be string (found an object)'],
    ['problem-line', (result) => { result.coverage['problems'] = [{ file: 'a.yaml', line: '12', message: 'x', fatal: false }]; }, 'coverage.problems[0].line must be integer (found a string)'],
    ['uncovered-id', (result) => { result.coverage['uncovered'] = [{ id: ['x'], type: 'AWS::Foo::Bar' }]; }, 'coverage.uncovered[0].id must be string (found a list)'],
    ['scope', (result) => { (result.findings[0]!['resource'] as Record<string, unknown>)['scope'] = 7; }, 'findings[0].resource.scope must be string (found a number)'],
    ['cell-note', (result) => { ((result.matrix[0]!['cells'] as Array<Record<string, unknown>>)[0]!)['note'] = {}; }, 'matrix[0].cells[0].note must be string (found an object)'],
  ];

  it.each(cases)('diff refuses it (%s) naming the file and the field', async (name, change, field) => {
    const bad = await variant(name, change);
    for (const args of [[good, bad], [bad, good]]) {
      const run = await runCli(['diff', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`demarc: ${bad}: not a demarc JSON result: ${field}\n`);
      expect(run.stdout).toBe('');
    }
  });

  it('scan --baseline refuses it the same way', async () => {
    const bad = await variant('baseline-gap', cases[0]![1]);
    const run = await runCli(['scan', TEMPLATE, ...ONLY, '--baseline', bad, '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: --baseline ${bad}: not a demarc JSON result: ${cases[0]![2]}\n`);
  });

  it('the same fields with their right types are read and shown', async () => {
    const fine = await variant('fine', (result) => {
      result.coverage['gaps'] = [{ resourceTypes: ['AWS::S3::Bucket'], reason: 'AccessDenied', account: '123456789012', call: 's3:ListBuckets' }];
      result.coverage['problems'] = [{ file: 'a.yaml', line: 12, message: 'broken', fatal: true }];
    });
    const run = await runCli(['diff', good, fine]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('123456789012 s3:ListBuckets: AccessDenied');
    expect(run.stdout).toContain('a.yaml:12: broken');
  });
});

describe.runIf(onPosix)('a saved result that is not a regular file', () => {
  const fifos: string[] = [];
  afterEach(() => {
    // Were the FIFO opened blocking after all, a writer that comes and goes releases the reader.
    for (const fifo of fifos.splice(0)) closeSync(openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK));
  });

  const fifo = (name: string): string => {
    const path = join(folder, name);
    execFileSync('mkfifo', [path]);
    fifos.push(path);
    return path;
  };

  it('diff with a FIFO as either side exits 2 at once, naming it', async () => {
    const pipe = fifo('diff-fifo.json');
    for (const args of [[pipe, good], [good, pipe]]) {
      const run = await runCli(['diff', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`demarc: ${pipe}: cannot read: a named pipe (FIFO), not a regular file\n`);
    }
  });

  it('scan --baseline FIFO exits 2 at once, naming it', async () => {
    const pipe = fifo('baseline-fifo.json');
    const run = await runCli(['scan', TEMPLATE, ...ONLY, '--baseline', pipe, '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: --baseline ${pipe}: cannot read: a named pipe (FIFO), not a regular file\n`);
  });

  it('report with a FIFO exits 2 at once, naming it', async () => {
    const pipe = fifo('report-fifo.json');
    const run = await runCli(['report', pipe]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: cannot read ${pipe}: a named pipe (FIFO), not a regular file\n`);
  });
});
