import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, open, readFile, readdir, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeOutput } from '../../src/cli/io.js';
import { runCli } from '../support/cli.js';

const TEMPLATE = 'test/cli/fixtures/versioned-bucket.yaml';
const SCAN = ['scan', TEMPLATE, '--fail-on', 'none'];

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-safe-output-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

/**
 * A character device to write to. As root, a null device made for the test in its own folder: were the refusal
 * ever to break, the test would replace that node, not the system's /dev/null. Others cannot replace /dev/null.
 */
async function characterDevice(): Promise<string> {
  if (!isRoot) return '/dev/null';
  const path = join(folder, 'null-device');
  execFileSync('mknod', [path, 'c', '1', '3']);
  return path;
}

const temporaries = async (where: string): Promise<string[]> => (await readdir(where)).filter((name) => name.startsWith('.demarc-tmp-'));

describe('--output refuses anything but a regular file or a new path', () => {
  it('refuses a character device and leaves it a device', async () => {
    const device = await characterDevice();
    const run = await runCli([...SCAN, '-f', 'json', '-o', device]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: cannot write ${device}: it is not a regular file\n`);
    expect((await lstat(device)).isCharacterDevice()).toBe(true);
    expect((await lstat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('refuses a FIFO, and does so before scanning', async () => {
    const fifo = join(folder, 'results.fifo');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli(['scan', 'no/such/template.yaml', '-f', 'json', '-o', fifo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: cannot write ${fifo}: it is not a regular file\n`);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('refuses a symbolic link to /proc/self/fd/1 or to a device, and leaves the link', async () => {
    for (const [name, target] of [['stdout-link.json', '/proc/self/fd/1'], ['dev-stdout.json', '/dev/stdout'], ['null-link.json', '/dev/null']] as const) {
      const link = join(folder, name);
      await symlink(target, link);
      const run = await runCli([...SCAN, '-o', link]);
      expect(run.code, name).toBe(2);
      expect(run.stderr, name).toBe(`demarc: cannot write ${link}: it is not a regular file\n`);
      expect((await lstat(link)).isSymbolicLink(), name).toBe(true);
      expect(await readlink(link), name).toBe(target);
    }
  });

  it('refuses a folder', async () => {
    const run = await runCli([...SCAN, '-f', 'json', '-o', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: cannot write ${folder}: it is not a regular file\n`);
  });
});

describe('--output writes atomically', () => {
  it('replaces a regular file, keeping its permissions, and leaves no temporary file', async () => {
    const target = join(folder, 'kept-mode.json');
    await writeFile(target, 'old report');
    await chmod(target, 0o640);
    const run = await runCli([...SCAN, '-o', target]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`wrote json to ${target}\n`);
    expect(JSON.parse(await readFile(target, 'utf8')).summary.resources).toBe(1);
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await temporaries(folder)).toEqual([]);
  });

  it('writes through a symbolic link to a regular file, keeping the link', async () => {
    const real = join(folder, 'real-result.json');
    const link = join(folder, 'linked-result.json');
    await writeFile(real, '{}');
    await symlink(real, link);
    expect((await runCli([...SCAN, '-o', link])).code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(real, 'utf8')).summary.resources).toBe(1);
  });

  it('creates a missing folder, and says clearly when a folder cannot be created', async () => {
    const deep = join(folder, 'reports', 'nightly', 'result.sarif');
    const run = await runCli([...SCAN, '-o', deep]);
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(deep, 'utf8')).version).toBe('2.1.0');

    const file = join(folder, 'plain-file');
    await writeFile(file, 'not a folder');
    const blocked = join(file, 'sub', 'result.json');
    const refused = await runCli([...SCAN, '-o', blocked]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`^demarc: cannot write ${blocked.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot create the folder .+: .+\n$`));
    expect(refused.stderr).not.toContain('internal error');
    expect(refused.stderr).not.toContain('.demarc-tmp-');
  });

  it('removes the temporary file and keeps the old report when writing fails part-way', async () => {
    const target = join(folder, 'failing.json');
    await writeFile(target, 'the previous report');
    async function* failing(): AsyncGenerator<string> {
      yield '{"partial": ';
      throw new Error('the renderer broke');
    }
    await expect(writeOutput(target, failing())).rejects.toThrow(`cannot write ${target}: the renderer broke`);
    expect(await readFile(target, 'utf8')).toBe('the previous report');
    expect(await temporaries(folder)).toEqual([]);
  });

  it('removes the temporary file on SIGTERM and SIGINT, then dies of the signal', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const where = await mkdtemp(join(folder, `signal-${signal}-`));
      const target = join(where, 'interrupted.json');
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => { release = resolve; });
      let started: () => void = () => undefined;
      const writing = new Promise<void>((resolve) => { started = resolve; });
      async function* slow(): AsyncGenerator<string> {
        yield '{"first": 1,';
        started();
        await gate;
        yield '"second": 2}';
      }
      // Other listeners (the test runner's) are set aside, so that only demarc's handler sees the signal.
      const others = process.listeners(signal);
      for (const listener of others) process.off(signal, listener);
      const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
      try {
        const outcome = writeOutput(target, slow()).then(() => 'written', (error: unknown) => String(error));
        await writing;
        expect(await temporaries(where)).toHaveLength(1);
        process.emit(signal, signal);
        expect(await temporaries(where)).toEqual([]);
        expect(kill).toHaveBeenCalledWith(process.pid, signal);
        release();
        expect(await outcome).toContain(`cannot write ${target}: interrupted`);
        expect(await readdir(where)).toEqual([]);
      } finally {
        kill.mockRestore();
        for (const listener of others) process.on(signal, listener);
      }
      expect(process.listeners(signal)).toEqual(others);
    }
  });
});

/** The last `bytes` of a file, without reading the whole of it. */
async function tail(path: string, bytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(bytes, size));
    await handle.read(buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Counts the lines of a file that start with `prefix`, streaming it. */
async function countLines(path: string, prefix: string): Promise<number> {
  let count = 0;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    const lines = (rest + String(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith(prefix)) count += 1;
  }
  return count;
}

// V8 caps a string at 2^29 - 24 UTF-16 units: one JSON.stringify of the whole result cannot exceed that.
const V8_MAX_STRING = 2 ** 29 - 24;

describe('large results stream to their files', () => {
  it('writes JSON, SARIF, CSV and JUnit of a scan whose JSON is longer than V8\'s longest string', async () => {
    // S3 buckets are the resource with the most checks: each adds about 9 kB of JSON.
    const buckets = 68_000;
    const big = await mkdtemp(join(folder, 'big-'));
    const template = join(big, 'many-buckets.yaml');
    const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:'];
    for (let index = 0; index < buckets; index += 1) lines.push(`  Bucket${index}:`, '    Type: AWS::S3::Bucket');
    await writeFile(template, `${lines.join('\n')}\n`);
    const outputs = ['result.json', 'result.sarif', 'findings.csv', 'junit.xml'].map((name) => join(big, name));
    const run = await runCli(['scan', template, '--fail-on', 'none', '--quiet', ...outputs.flatMap((path) => ['-o', path])]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    const [json = '', sarif = '', csv = '', junit = ''] = outputs;

    expect((await stat(json)).size).toBeGreaterThan(V8_MAX_STRING);
    const head = await open(json, 'r');
    const start = Buffer.alloc(64);
    await head.read(start, 0, 64, 0);
    await head.close();
    expect(start.toString('utf8')).toMatch(/^\{\n {2}"schemaVersion": "1\.0",\n {2}"tool": \{\n/);
    const jsonTail = await tail(json, 4000);
    expect(jsonTail).toMatch(/"summary": \{\n {4}"resources": 68000,[\s\S]*\n {2}\}\n\}\n$/);
    expect(await countLines(json, '      "checkId": ')).toBeGreaterThan(buckets);

    expect(await tail(sarif, 200)).toMatch(/"gaps": 0\n {8}\}\n {6}\}\n {4}\}\n {2}\]\n\}\n$/);
    expect(await countLines(csv, 'fail,')).toBeGreaterThan(buckets);
    expect(await tail(junit, 40)).toMatch(/\n<\/testsuites>\n$/);
    expect(await temporaries(big)).toEqual([]);
    await rm(big, { recursive: true, force: true });
  }, 900_000);

  it('writes small results byte for byte as JSON.stringify would', async () => {
    const json = join(folder, 'small.json');
    const sarif = join(folder, 'small.sarif');
    expect((await runCli(['scan', 'examples/three-tier-app.yaml', '--fail-on', 'none', '-o', json, '-o', sarif])).code).toBe(0);
    for (const path of [json, sarif]) {
      const text = await readFile(path, 'utf8');
      expect(text, path).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
    const toStdout = await runCli(['scan', 'examples/three-tier-app.yaml', '--fail-on', 'none', '-f', 'json'], { env: { DEMARC_NOW: '2025-06-01T12:00:00Z' } });
    const written = join(folder, 'same.json');
    await runCli(['scan', 'examples/three-tier-app.yaml', '--fail-on', 'none', '-o', written], { env: { DEMARC_NOW: '2025-06-01T12:00:00Z' } });
    expect(await readFile(written, 'utf8')).toBe(toStdout.stdout);
  });
});

describe('the folder of an output', () => {
  it('is created with its parents', async () => {
    const nested = join(folder, 'a', 'b', 'c');
    await mkdir(join(folder, 'a'), { recursive: true });
    const run = await runCli([...SCAN, '-o', join(nested, 'report.md')]);
    expect(run.code).toBe(0);
    expect(await readFile(join(nested, 'report.md'), 'utf8')).toMatch(/^## demarc/);
  });
});
