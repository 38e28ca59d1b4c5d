import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';

const BUCKET = 'test/cli/fixtures/unversioned-bucket.yaml';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-exit-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('nothing evaluated is exit 2, with the reason', () => {
  it('a folder with no template in it (package.json, workflow files)', async () => {
    const app = join(folder, 'app');
    await mkdir(join(app, '.github', 'workflows'), { recursive: true });
    await writeFile(join(app, 'package.json'), '{"name": "app", "version": "1.0.0"}\n');
    await writeFile(join(app, '.github', 'workflows', 'ci.yml'), 'on: push\njobs: {}\n');
    const run = await runCli(['scan', app, '--fail-on', 'none']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`demarc: error: nothing was evaluated: ${app} holds 1 file (${join(app, 'package.json')}), none of them a template; demarc reads a CloudFormation template`);
  });

  it('a template that defines no resources', async () => {
    const empty = join(folder, 'parameters-only.yaml');
    await writeFile(empty, "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Stage:\n    Type: String\nResources: {}\n");
    const run = await runCli(['scan', empty, '--fail-on', 'none']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`demarc: error: nothing was evaluated: ${empty} defines no resources`);
  });

  it('an empty folder keeps its one-line message', async () => {
    const nothing = join(folder, 'nothing');
    await mkdir(nothing);
    const run = await runCli(['scan', nothing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: error: ${nothing}: the folder holds no template, plan, state or .tf file\n`);
  });
});

describe('selections that would silently run nothing', () => {
  it('--service with an unknown or mis-cased id is a usage error with a suggestion', async () => {
    const typo = await runCli(['scan', BUCKET, '--service', 's4']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^demarc: unknown service s4 \(did you mean s3\b.*\?\)/);
    const cased = await runCli(['scan', BUCKET, '--service', 'S3']);
    expect(cased.code).toBe(2);
    expect(cased.stderr).toContain('unknown service S3 (did you mean s3? service ids are lower case)');
    expect((await runCli(['scan', BUCKET, '--service', 's3', '--fail-on', 'none'])).code).toBe(0);
  });

  it('--check on input with none of its resource types says so on stderr', async () => {
    const run = await runCli(['scan', BUCKET, '--check', 'rds-backup-retention', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('demarc: warning: check rds-backup-retention evaluated nothing: no AWS::RDS::DBInstance or AWS::RDS::DBCluster in the scanned input\n');
    const glob = await runCli(['scan', BUCKET, '--check', 'rds-*', '--fail-on', 'none']);
    expect(glob.stderr).toMatch(/^demarc: warning: --check rds-\* \(\d+ checks\) evaluated nothing: no AWS::RDS::/);
    expect((await runCli(['scan', BUCKET, '--check', 's3-bucket-versioning', '--fail-on', 'none'])).stderr).toBe('');
  });

  it('--profile (or another live-scan option) without --aws is a usage error', async () => {
    const run = await runCli(['scan', BUCKET, '--profile', 'prod']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('demarc: --profile goes with --aws (a live scan); templates and folders are scanned without it\n');
    expect((await runCli(['scan', BUCKET, '--region', 'eu-west-1', '--all-regions'])).stderr).toContain('--region, --all-regions go with --aws');
  });
});

describe('help', () => {
  it('shows no `(default: [])` for repeatable options', async () => {
    for (const command of ['scan', 'report', 'demo', 'checks', 'matrix', 'diff']) {
      const run = await runCli([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).not.toContain('(default: [])');
    }
    expect((await runCli(['scan', '--help'])).stdout).toContain('(default: "low")');
  });
});

const readers: Array<{ kill(): void }> = [];
afterAll(() => {
  for (const reader of readers) reader.kill();
});

/**
 * A pipe whose reader has closed its end, as `head -1` does once it has its line: the child closes its stdin and
 * says so, and stays alive, so that writes fail with EPIPE as they do for `demarc scan … | head -1`.
 */
async function closedPipe(): Promise<Writable> {
  const child = spawn(process.execPath, ['-e', "require('node:fs').closeSync(0); process.stdout.write('closed'); setTimeout(() => {}, 60000)"], { stdio: ['pipe', 'pipe', 'ignore'] });
  readers.push(child);
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  if (!child.stdin) throw new Error('no pipe to the child');
  return child.stdin;
}

describe('a closed stdout pipe (`demarc scan … | head -1`)', () => {
  it('ends the run quietly with exit 0: no EPIPE, no stack trace', async () => {
    let stderr = '';
    const capture = new Writable({ write(chunk: Buffer, _encoding, done) { stderr += chunk.toString('utf8'); done(); } });
    const io = processIo({ stdout: await closedPipe(), stderr: capture });
    // The scan fails checks (exit 1 on a terminal); with the reader gone, the run ends quietly.
    const code = await main(['node', 'demarc', 'scan', BUCKET], io);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('still writes the files, and still reports a usage error', async () => {
    let stderr = '';
    const capture = new Writable({ write(chunk: Buffer, _encoding, done) { stderr += chunk.toString('utf8'); done(); } });
    const output = join(folder, 'written-anyway.sarif');
    const code = await main(['node', 'demarc', 'scan', BUCKET, '-f', 'text', '-o', output], processIo({ stdout: await closedPipe(), stderr: capture }));
    expect(code).toBe(0);
    expect(stderr).toBe(`wrote sarif to ${output}\n`);
    const usage = await main(['node', 'demarc', 'scan', BUCKET, '-f', 'pdf'], processIo({ stdout: await closedPipe(), stderr: capture }));
    expect(usage).toBe(2);
  });
});
