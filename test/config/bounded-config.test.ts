import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { MAX_CONFIG_DEPTH, MAX_CONFIG_VALUES } from '../../src/config/yaml-size.js';
import { runCli } from '../support/cli.js';
import { NOW } from './support.js';

const BUCKET = 'test/cli/fixtures/unversioned-bucket.yaml';
const onPosix = process.platform !== 'win32';

/** `levels` anchors, each a list of `width` aliases of the one before: width^levels values from a few hundred bytes. */
function aliasBomb(levels: number, width = 10): string {
  const lines = ['suppressions: []', `b0: &b0 [${Array.from({ length: width }, () => 'x').join(', ')}]`];
  for (let level = 1; level <= levels; level += 1) lines.push(`b${level}: &b${level} [${Array.from({ length: width }, () => `*b${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-config-bounds-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('a configuration that stands for too much', () => {
  it('an alias bomb is an error naming the key where it passes the limit, fast', () => {
    const started = Date.now();
    const load = parseConfig(aliasBomb(30), 'bomb.yaml', { now: NOW });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(load.config).toBeUndefined();
    // The first level whose list stands for more values than the limit is where the expansion passes it.
    let level = 0;
    for (let size = 11; size <= MAX_CONFIG_VALUES; size = 1 + 10 * size) level += 1;
    expect(load.errors).toEqual([
      { file: 'bomb.yaml', key: `b${level}`, line: level + 2, message: `stands for more than ${MAX_CONFIG_VALUES} values once its YAML aliases are expanded (an alias bomb?)` },
    ]);
  });

  it('aliases that stay within the limit are read as written', () => {
    const shared = `suppressions:\n  - check: s3-bucket-versioning\n    resources: [A]\n    reason: &r reviewed by the security team\n  - check: s3-bucket-versioning\n    resources: [B]\n    reason: *r\n`;
    const load = parseConfig(shared, 'shared.yaml', { now: NOW });
    expect(load.errors).toEqual([]);
    expect(load.config?.suppressions.map((rule) => rule.reason)).toEqual(['reviewed by the security team', 'reviewed by the security team']);
  });

  it('nesting deeper than the limit, written or through aliases, names the key', () => {
    const deep = `scope:\n  tags: ${'['.repeat(MAX_CONFIG_DEPTH + 5)}${']'.repeat(MAX_CONFIG_DEPTH + 5)}\n`;
    const written = parseConfig(deep, 'deep.yaml', { now: NOW });
    expect(written.errors).toHaveLength(1);
    expect(written.errors[0]).toMatchObject({ file: 'deep.yaml', message: `nests deeper than ${MAX_CONFIG_DEPTH} levels once its YAML aliases are expanded` });
    expect(written.errors[0]?.key).toMatch(/^scope\.tags(\[0\])+$/);
    const lines = ['a0: &a0 [x]'];
    for (let level = 1; level <= MAX_CONFIG_DEPTH + 2; level += 1) lines.push(`a${level}: &a${level} [*a${level - 1}]`);
    const aliased = parseConfig(`${lines.join('\n')}\n`, 'chain.yaml', { now: NOW });
    expect(aliased.errors).toHaveLength(1);
    expect(aliased.errors[0]?.message).toContain(`nests deeper than ${MAX_CONFIG_DEPTH} levels`);
  });

  it('a document too deep for the YAML parser itself says so', () => {
    const load = parseConfig(`a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 'parser.yaml', { now: NOW });
    expect(load.errors).toHaveLength(1);
    expect(load.errors[0]).toMatchObject({ file: 'parser.yaml', message: 'not valid YAML: the document nests too deeply to parse' });
  });

  it('scan --config with an alias bomb exits 2 naming the file and the key, never "internal error"', async () => {
    const bomb = join(folder, 'bomb.yaml');
    await writeFile(bomb, aliasBomb(40));
    const run = await runCli(['scan', BUCKET, '--config', bomb, '--fail-on', 'none', '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toContain(`demarc: error: ${bomb}:7: b5: stands for more than ${MAX_CONFIG_VALUES} values once its YAML aliases are expanded (an alias bomb?)`);
    expect(run.stdout).toBe('');
  });

  it('attest refuses to add to a configuration that is an alias bomb', async () => {
    const bomb = join(folder, 'attest-bomb.yaml');
    await writeFile(bomb, aliasBomb(40));
    const run = await runCli(['attest', 'train-staff', '--by', 'Security', '--evidence', 'https://example.com/training', '--expires', '2099-01-01', '--config', bomb]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toBe(`demarc: ${bomb}: b5 stands for more than ${MAX_CONFIG_VALUES} values once its YAML aliases are expanded (an alias bomb?)\n`);
  });
});

describe.runIf(onPosix)('a configuration that is not a regular file', () => {
  const fifos: string[] = [];
  afterEach(() => {
    // Were the FIFO opened blocking after all, a writer that comes and goes releases the reader.
    for (const fifo of fifos.splice(0)) closeSync(openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK));
  });

  it('scan --config FIFO exits 2 at once, naming the file', async () => {
    const fifo = join(folder, 'config-fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    fifos.push(fifo);
    const run = await runCli(['scan', BUCKET, '--config', fifo, '--fail-on', 'none', '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${fifo}: cannot read the configuration: a named pipe (FIFO), not a regular file`);
    expect(run.stderr).not.toContain('internal error');
  });

  it('attest --config FIFO exits 2 at once, naming the file', async () => {
    const fifo = join(folder, 'attest-fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    fifos.push(fifo);
    const run = await runCli(['attest', 'train-staff', '--by', 'Security', '--evidence', 'https://example.com/training', '--expires', '2099-01-01', '--config', fifo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: cannot read ${fifo}: a named pipe (FIFO), not a regular file\n`);
  });

  it('a folder given as --config is refused the same way', async () => {
    const run = await runCli(['scan', BUCKET, '--config', folder, '--fail-on', 'none', '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${folder}: cannot read the configuration: a folder, not a regular file`);
  });
});
