import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/inventory/load-paths.js';
import type { Inventory } from '../../src/inventory/resource.js';
import type { FileSource } from '../../src/inventory/sources/file-source.js';

// Hostile file systems, built at run time. Each test has a 10 s timeout: before, a FIFO named on the command line hung
// the scan for good, and a symbolic link to /dev/zero among the templates was one read away from filling memory.
const TIMEOUT = 10_000;
const template = (id: string): string => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ${id}:\n    Type: AWS::S3::Bucket\n`;

function mkfifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path]);
    return true;
  } catch {
    return false;
  }
}

let base: string;
let scan: string;
let outside: string;
let fifos = false;
const hasDevZero = existsSync('/dev/zero') && statSync('/dev/zero').isCharacterDevice();

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'demarc-safe-read-'));
  scan = join(base, 'scan');
  outside = join(base, 'outside');
  mkdirSync(join(scan, 'folder.yaml'), { recursive: true });
  mkdirSync(join(scan, 'x.tf'), { recursive: true });
  mkdirSync(join(scan, '.hidden'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(scan, 'good.yaml'), template('Good'));
  writeFileSync(join(scan, 'folder.yaml', 'inner.yaml'), template('Inner'));
  writeFileSync(join(scan, '.hidden', 'only.yaml'), template('OnlyThroughLink'));
  writeFileSync(join(outside, 'secret.yaml'), template('Outside'));
  // Inside the tree: to a template read where it is, to one only a link reaches (twice), to a folder.
  symlinkSync(join(scan, 'good.yaml'), join(scan, 'link-to-good.yaml'));
  symlinkSync(join(scan, '.hidden', 'only.yaml'), join(scan, 'link-to-hidden.yaml'));
  symlinkSync(join(scan, '.hidden', 'only.yaml'), join(scan, 'second-link-to-hidden.yaml'));
  symlinkSync(join(scan, 'folder.yaml'), join(scan, 'link-to-folder'));
  // Out of the tree: a template, a folder, a device that never ends.
  symlinkSync(join(outside, 'secret.yaml'), join(scan, 'outside.yaml'));
  symlinkSync(outside, join(scan, 'outside-folder'));
  if (hasDevZero) symlinkSync('/dev/zero', join(scan, 'zero.yaml'));
  symlinkSync(join(scan, 'missing.yaml'), join(scan, 'broken.yaml'));
  fifos = mkfifo(join(scan, 'pipe.yaml')) && mkfifo(join(base, 'lone-pipe.yaml'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const problemsOf = (inventory: Inventory, file: string) => inventory.problems.filter((problem) => problem.file === join(scan, file));

describe('reading a folder', () => {
  it('reads regular files and real folders only, and judges each symbolic link', async () => {
    const inventory = await loadPaths([scan]);
    expect(inventory.resources.map((resource) => resource.id)).toEqual(['Inner', 'Good', 'OnlyThroughLink']);
    expect(inventory.sources.map((source) => source.file)).toEqual([
      join(scan, 'folder.yaml', 'inner.yaml'),
      join(scan, 'good.yaml'),
      join(scan, 'link-to-hidden.yaml'),
    ]);
    expect(inventory.problems.filter((problem) => problem.fatal)).toEqual([]);
    const outsideWarning = { message: 'skipped symlink to outside the scanned folder', fatal: false };
    expect(problemsOf(inventory, 'outside.yaml')).toEqual([{ file: join(scan, 'outside.yaml'), ...outsideWarning }]);
    expect(problemsOf(inventory, 'outside-folder')).toEqual([{ file: join(scan, 'outside-folder'), ...outsideWarning }]);
    if (hasDevZero) expect(problemsOf(inventory, 'zero.yaml')).toEqual([{ file: join(scan, 'zero.yaml'), ...outsideWarning }]);
    expect(problemsOf(inventory, 'link-to-good.yaml')).toEqual([
      { file: join(scan, 'link-to-good.yaml'), message: 'skipped symlink: its target good.yaml is read once, where it is', fatal: false },
    ]);
    expect(problemsOf(inventory, 'link-to-hidden.yaml')).toEqual([]);
    expect(problemsOf(inventory, 'second-link-to-hidden.yaml')).toEqual([
      { file: join(scan, 'second-link-to-hidden.yaml'), message: `skipped symlink: its target ${join('.hidden', 'only.yaml')} is read once, where it is`, fatal: false },
    ]);
    expect(problemsOf(inventory, 'link-to-folder')[0]).toMatchObject({ message: expect.stringMatching(/^skipped symlink to a folder/), fatal: false });
    expect(problemsOf(inventory, 'broken.yaml')).toEqual([{ file: join(scan, 'broken.yaml'), message: 'skipped broken symlink', fatal: false }]);
    if (fifos) {
      expect(problemsOf(inventory, 'pipe.yaml')).toEqual([{ file: join(scan, 'pipe.yaml'), message: 'skipped: a named pipe (FIFO), not a regular file', fatal: false }]);
    }
  }, TIMEOUT);

  it('walks a folder named like a file (x.yaml, x.tf), named or found', async () => {
    const named = await loadPaths([join(scan, 'folder.yaml')]);
    expect(named.resources.map((resource) => resource.id)).toEqual(['Inner']);
    expect(named.problems).toEqual([]);
    const empty = await loadPaths([join(scan, 'x.tf')]);
    expect(empty.problems).toEqual([{ file: join(scan, 'x.tf'), message: 'the folder holds no template, plan, state or .tf file', fatal: true }]);
  }, TIMEOUT);
});

describe('reading a path named on the command line', () => {
  it('refuses a FIFO with a clear problem instead of waiting for a writer', async () => {
    if (!fifos) return;
    const inventory = await loadPaths([join(base, 'lone-pipe.yaml'), join(scan, 'good.yaml')]);
    expect(inventory.problems).toEqual([
      { file: join(base, 'lone-pipe.yaml'), message: 'cannot read: a named pipe (FIFO), not a regular file', fatal: true },
    ]);
    expect(inventory.resources.map((resource) => resource.id)).toEqual(['Good']);
  }, TIMEOUT);

  it('refuses a symbolic link to /dev/zero without reading it', async () => {
    if (!hasDevZero) return;
    const inventory = await loadPaths([join(scan, 'zero.yaml')]);
    expect(inventory.problems).toEqual([{ file: join(scan, 'zero.yaml'), message: 'cannot read: a character device, not a regular file', fatal: true }]);
  }, TIMEOUT);

  it('follows a symbolic link the user named, to a template outside the folder', async () => {
    const inventory = await loadPaths([join(scan, 'outside.yaml')]);
    expect(inventory.resources.map((resource) => resource.id)).toEqual(['Outside']);
  }, TIMEOUT);
});

/** A source that claims every .json file and makes one resource of it, or throws for a file named `throws.json`. */
function fakeSource(options: { maxBytes?: number; grouped: boolean }): FileSource & { reads: number } {
  const source = {
    id: 'fake',
    maxBytes: options.maxBytes ?? 1024,
    reads: 0,
    claims: (path: string) => path.endsWith('.json'),
    read(files: readonly { path: string; text: string }[]): Inventory {
      source.reads += 1;
      if (files.some((file) => file.path.endsWith('throws.json'))) throw new RangeError('Maximum call stack size exceeded');
      return {
        resources: files.map((file) => ({ id: file.text.trim(), scope: file.path, type: 'AWS::S3::Bucket', properties: {}, origin: { kind: 'cloudformation' as const, file: file.path } })),
        gaps: [],
        problems: [],
        sources: files.map((file) => ({ file: file.path, kind: 'cloudformation' as const, resources: 1 })),
      };
    },
    ...(options.grouped ? { groupOf: (path: string) => path } : {}),
  };
  return source;
}

describe('size limits and failures, per file', () => {
  let folder: string;
  beforeAll(() => {
    folder = join(base, 'fake');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a-limit.json'), 'A'.padEnd(100, ' '));
    writeFileSync(join(folder, 'b-over.json'), 'B'.padEnd(101, ' '));
    writeFileSync(join(folder, 'c-throws.json'), 'C');
    for (let index = 0; index < 300; index += 1) writeFileSync(join(folder, `d-${String(index).padStart(3, '0')}.json`), `D${index}`);
  });

  it('reads a file of exactly the limit, refuses one byte more, and isolates a source that throws for one file', async () => {
    const source = fakeSource({ maxBytes: 100, grouped: true });
    const inventory = await loadPaths([folder], { sources: [source] });
    expect(inventory.resources.map((resource) => resource.id)).toEqual(['A', ...Array.from({ length: 300 }, (_, index) => `D${index}`)]);
    expect(inventory.problems).toEqual([
      { file: join(folder, 'b-over.json'), message: 'file is 101 bytes; the fake source reads files up to 100 bytes', fatal: true },
      { file: join(folder, 'c-throws.json'), message: 'the fake source failed: Maximum call stack size exceeded', fatal: true },
    ]);
  }, TIMEOUT);

  it('hands a source without groups all its files at once', async () => {
    const source = fakeSource({ grouped: false });
    const inventory = await loadPaths([folder], { sources: [source] });
    expect(source.reads).toBe(1);
    expect(inventory.resources).toEqual([]);
    expect(inventory.problems).toHaveLength(303);
  }, TIMEOUT);
});

describe('scale', () => {
  // A spread passes every element as an argument on the stack: about 120,000 of them overflow it (a folder of 130,000
  // files did). The files that read untrusted input must use loops; this keeps them so.
  it('spreads no list into a call in the code that reads files and templates', () => {
    const root = fileURLToPath(new URL('../../src/inventory/', import.meta.url));
    const files = ['load-paths.ts', 'sources/file-source.ts', 'sources/registry.ts', ...['index.ts', 'intrinsics.ts', 'parse-yaml.ts', 'read-template.ts'].map((file) => `sources/cloudformation/${file}`)];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text.match(/\.(push|unshift|splice)\(\.\.\.|Math\.(max|min)\(\.\.\.|\.apply\(/g), file).toBeNull();
    }
  });
});
