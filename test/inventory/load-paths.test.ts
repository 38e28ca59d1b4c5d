import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/inventory/load-paths.js';

let folder: string;
const BUCKET = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-load-'));
  await mkdir(join(folder, 'stack', 'nested'), { recursive: true });
  await mkdir(join(folder, 'stack', 'node_modules'), { recursive: true });
  await writeFile(join(folder, 'stack', 'good.yaml'), BUCKET);
  await writeFile(join(folder, 'stack', 'nested', 'also-good.json'), JSON.stringify({ Resources: { Table: { Type: 'AWS::DynamoDB::Table' } } }));
  await writeFile(join(folder, 'stack', 'broken.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B: [\n");
  await writeFile(join(folder, 'stack', 'package.json'), JSON.stringify({ name: 'not-a-template' }));
  await writeFile(join(folder, 'stack', 'node_modules', 'ignored.yaml'), BUCKET);
  await writeFile(join(folder, 'notes.yaml'), 'title: meeting notes\n');
  // 50 MB of otherwise valid template: refused by size before it is parsed.
  const filler = `#${'x'.repeat(1023)}\n`.repeat(50 * 1024);
  await writeFile(join(folder, 'huge.yaml'), `${BUCKET}${filler}`);
});

afterAll(() => undefined);

describe('loadPaths', () => {
  it('reads every template below a folder, skips other files, and keeps going past a broken one', async () => {
    const inventory = await loadPaths([join(folder, 'stack')]);
    expect(inventory.resources.map((resource) => resource.id).sort()).toEqual(['Bucket', 'Table']);
    expect(inventory.problems).toHaveLength(1);
    expect(inventory.problems[0]).toMatchObject({ file: join(folder, 'stack', 'broken.yaml'), fatal: true });
    expect(inventory.sources.map((source) => source.file).sort()).toEqual([
      join(folder, 'stack', 'good.yaml'),
      join(folder, 'stack', 'nested', 'also-good.json'),
    ]);
  });

  it('says so when a file named explicitly is not a template', async () => {
    const inventory = await loadPaths([join(folder, 'notes.yaml')]);
    expect(inventory.problems).toEqual([
      { file: join(folder, 'notes.yaml'), message: 'not a CloudFormation template, Terraform plan, state or configuration file', fatal: true },
    ]);
  });

  it('refuses a 50 MB template by its size, naming the file and the limit', async () => {
    const started = Date.now();
    const inventory = await loadPaths([join(folder, 'huge.yaml'), join(folder, 'stack', 'good.yaml')]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(inventory.problems[0]?.message).toBe('file is 50.0 MB; the cloudformation source reads files up to 5.0 MB');
    expect(inventory.resources.map((resource) => resource.id)).toEqual(['Bucket']);
  });

  it('reports a missing path and still reads the others', async () => {
    const inventory = await loadPaths([join(folder, 'nope.yaml'), join(folder, 'stack', 'good.yaml')]);
    expect(inventory.problems).toEqual([{ file: join(folder, 'nope.yaml'), message: 'cannot read: no such file or folder', fatal: true }]);
    expect(inventory.resources).toHaveLength(1);
  });
});
