// Hostile Terraform, generated here: every input is bounded by a limit (docs/limits-terraform.md) that ends in an
// unknown or a problem naming the file and line, never a hang or an abort, and never costs the other files' results.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory, Resource, SourceProblem } from '../../src/inventory/resource.js';
import { readConfiguration } from '../../src/inventory/sources/terraform/config.js';
import { isFullyKnown } from '../../src/inventory/sources/terraform/hcl/evaluate.js';
import { hclNestingExcess } from '../../src/inventory/sources/terraform/hcl/parse-hcl.js';
import { terraformSource } from '../../src/inventory/sources/terraform/index.js';
import { describeJsonError, locateJsonError } from '../../src/inventory/sources/terraform/json-error.js';
import { LIMITS } from '../../src/inventory/sources/terraform/limits.js';
import { isUnknown, type PropValue } from '../../src/inventory/values.js';

const ROOT = '/virtual-bounded';
const files = (entries: Record<string, string>): Array<{ path: string; text: string }> => Object.entries(entries).map(([path, text]) => ({ path: join(ROOT, path), text }));
const read = async (entries: Record<string, string>): Promise<Inventory> => terraformSource.read(files(entries));

const ids = (inventory: Inventory): string[] => inventory.resources.map((resource) => resource.id).sort();
const byId = (inventory: Inventory, id: string): Resource => {
  const found = inventory.resources.find((resource) => resource.id === id);
  if (!found) throw new Error(`no ${id} in ${ids(inventory).join(', ')}`);
  return found;
};
const problemsOf = (inventory: Inventory, file: string): SourceProblem[] => inventory.problems.filter((problem) => problem.file === join(ROOT, file));

/** A root module that holds nothing hostile: it must come through every case untouched. */
const GOOD = { 'good/main.tf': 'resource "aws_s3_bucket" "good" {\n  bucket = "good-bucket"\n}\n' };
const GOOD_PLAN = {
  'good-plan.json': JSON.stringify({
    format_version: '1.2',
    planned_values: { root_module: { resources: [{ address: 'aws_sqs_queue.q', mode: 'managed', type: 'aws_sqs_queue', name: 'q', values: { name: 'q' } }] } },
  }),
};
const expectGoodKept = (inventory: Inventory): void => {
  expect(byId(inventory, 'aws_s3_bucket.good').name).toBe('good-bucket');
  expect(byId(inventory, 'aws_sqs_queue.q').scope).toBe(join(ROOT, 'good-plan.json'));
  expect(problemsOf(inventory, 'good/main.tf')).toEqual([]);
  expect(problemsOf(inventory, 'good-plan.json')).toEqual([]);
};

/** Runs a scan and fails the test if it takes longer than the budget given (a hang shows as a failure, not a timeout). */
async function timed<T>(seconds: number, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  expect((performance.now() - started) / 1000).toBeLessThan(seconds);
  return result;
}

const doubling = (first: string, step: (previous: string) => string): string => {
  let text = `locals {\n  l0 = ${first}\n`;
  for (let index = 1; index <= 40; index += 1) text += `  l${index} = ${step(`local.l${index - 1}`)}\n`;
  return `${text}}\n`;
};

describe('evaluation budgets of a root module', () => {
  it('stops a nested for expression over range(10000) at the values limit, naming the local, and keeps the resource', async () => {
    const inventory = await timed(15, () =>
      read({
        'hostile/main.tf': 'locals {\n  x = [for i in range(10000) : [for j in range(10000) : j]]\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags   = { n = length(local.x) }\n}\n',
        ...GOOD,
        ...GOOD_PLAN,
      }),
    );
    expectGoodKept(inventory);
    expect(problemsOf(inventory, 'hostile/main.tf')).toEqual([expect.objectContaining({ line: 2, fatal: false, message: expect.stringMatching(/^local\.x: the evaluation limit of 1,000,000 values per root module was reached/) })]);
    const bucket = byId(inventory, 'aws_s3_bucket.b');
    expect(bucket.name).toBe('b');
    expect(isUnknown(bucket.properties['Tags'])).toBe(true);
  });

  it('stops forty locals that each double a string at the string limit', async () => {
    const inventory = await timed(10, () => read({ 'hostile/main.tf': `${doubling('"abcdefgh"', (previous) => `"\${${previous}}\${${previous}}"`)}resource "aws_s3_bucket" "b" {\n  bucket = local.l40\n}\n`, ...GOOD, ...GOOD_PLAN }));
    expectGoodKept(inventory);
    // 8 × 2^17 characters is the first string over 1 MB: local.l18, on line 20.
    expect(problemsOf(inventory, 'hostile/main.tf')).toEqual([expect.objectContaining({ line: 20, message: expect.stringContaining('local.l18: the string would be longer than 1,048,576 characters') })]);
    const name = byId(inventory, 'aws_s3_bucket.b').properties['BucketName'];
    expect(isUnknown(name) && name.reason).toMatch(/longer than 1,048,576 characters/);
  });

  it('stops forty locals that each double a list, and forty that each nest the previous one twice', async () => {
    const lists = await timed(10, () => read({ 'hostile/main.tf': `${doubling('[1, 2]', (previous) => `concat(${previous}, ${previous})`)}resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags   = { n = length(local.l40) }\n}\n`, ...GOOD, ...GOOD_PLAN }));
    expectGoodKept(lists);
    expect(problemsOf(lists, 'hostile/main.tf')).toEqual([expect.objectContaining({ line: 20, message: expect.stringContaining('local.l18: the evaluation limit of 1,000,000 values') })]);
    // [l, l] forty times over is 41 objects standing for 2^41 values: it is measured by identity, never walked.
    const shared = await timed(10, () => read({ 'hostile/main.tf': `${doubling('{ a = "x" }', (previous) => `[${previous}, ${previous}]`)}resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags   = { n = jsonencode(local.l40) == "" ? "a" : "b" }\n}\n`, ...GOOD, ...GOOD_PLAN }));
    expectGoodKept(shared);
    expect(problemsOf(shared, 'hostile/main.tf')).toEqual([expect.objectContaining({ line: 21, message: expect.stringContaining('local.l19: the value would hold more than 1,000,000 values') })]);
    expect(JSON.stringify(byId(shared, 'aws_s3_bucket.b').properties['Tags'])).toContain('the value would hold more than 1,000,000 values');
  });

  it('answers isFullyKnown on a value shared 2^60 times over in linear time', () => {
    let value: PropValue = { a: 'x' };
    for (let level = 0; level < 60; level += 1) value = [value, value, { k: value }];
    const started = performance.now();
    expect(isFullyKnown(value)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('holds the instance limit across all module levels: three levels of count = 1000 do not multiply', async () => {
    const modules = {
      'nested/main.tf': 'module "a" {\n  source = "./a"\n  count  = 1000\n}\n',
      'nested/a/main.tf': 'module "b" {\n  source = "../b"\n  count  = 1000\n}\n',
      'nested/b/main.tf': 'module "c" {\n  source = "../c"\n  count  = 1000\n}\n',
      'nested/c/main.tf': 'resource "aws_s3_bucket" "deep" {\n  bucket = "deep"\n}\n',
    };
    // With a smaller limit for speed: the same code path as the 100,000 of a real scan.
    const limits = { ...LIMITS, instancesPerRoot: 5_000 };
    const result = await timed(10, () => readConfiguration(files({ ...modules, ...GOOD }), limits));
    const deep = result.items.filter((item) => item.type === 'aws_s3_bucket' && item.address.startsWith('module.a'));
    // Every instance counts, of modules as of resources: c's buckets plus the module instances stay within the limit.
    expect(deep.length).toBeGreaterThan(2_000);
    expect(deep.length).toBeLessThan(limits.instancesPerRoot);
    expect(result.items.some((item) => item.address === 'aws_s3_bucket.good')).toBe(true);
    const limited = result.problems.filter((problem) => problem.message.includes('resource and module instances per root module'));
    // Reported once, on the call whose instances reached it (here module c's call in b: c's count is cut short).
    expect(limited).toEqual([{ file: join(ROOT, 'nested/b/main.tf'), line: 1, fatal: false, message: expect.stringMatching(/^module\.a\[0\]\.module\.b\[\d+\]\.module\.c: the limit of 5,000 resource and module instances per root module \(across all module levels\) was reached; the instances beyond the limit are not scanned$/) }]);
  });

  it('scans three levels of count = 1000 with the real limit in seconds, and keeps the other roots', async () => {
    const inventory = await timed(20, () =>
      read({
        'nested/main.tf': 'module "a" {\n  source = "./a"\n  count  = 1000\n}\n',
        'nested/a/main.tf': 'module "b" {\n  source = "../b"\n  count  = 1000\n}\n',
        'nested/b/main.tf': 'module "c" {\n  source = "../c"\n  count  = 1000\n}\n',
        'nested/c/main.tf': 'resource "aws_sqs_queue" "deep" {\n  name = "deep"\n}\n',
        ...GOOD,
        ...GOOD_PLAN,
      }),
    );
    expectGoodKept(inventory);
    const deep = inventory.resources.filter((resource) => resource.id.startsWith('module.a['));
    expect(deep.length).toBeGreaterThan(LIMITS.instancesPerRoot / 3);
    expect(deep.length).toBeLessThan(LIMITS.instancesPerRoot);
    expect(inventory.problems.filter((problem) => problem.message.includes('100,000 resource and module instances'))).toHaveLength(1);
  });

  it('refuses a module that calls its own folder at the first call', async () => {
    const inventory = await read({ 'self/main.tf': 'module "me" {\n  source = "./"\n}\n\nresource "aws_s3_bucket" "self" {\n  bucket = "self"\n}\n', ...GOOD });
    expect(ids(inventory)).toEqual(['aws_s3_bucket.good', 'aws_s3_bucket.self']);
    expect(problemsOf(inventory, 'self/main.tf')).toEqual([expect.objectContaining({ line: 1, message: `module me not scanned: module me calls the folder that calls it (${join(ROOT, 'self')})` })]);
  });

  it('stops evaluation that nests deeper than the evaluation depth limit: a chain of 1,000 locals', async () => {
    let text = 'locals {\n  l0 = 1\n';
    for (let index = 1; index <= 1000; index += 1) text += `  l${index} = local.l${index - 1} + 1\n`;
    text += '}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b-${local.l1000}"\n}\n';
    const inventory = await timed(10, () => read({ 'chain/main.tf': text, ...GOOD }));
    const name = byId(inventory, 'aws_s3_bucket.b').properties['BucketName'];
    expect(isUnknown(name) && name.reason).toContain(`nest deeper than ${LIMITS.evaluationDepth} levels`);
    expect(problemsOf(inventory, 'chain/main.tf')).toEqual([expect.objectContaining({ fatal: false, message: expect.stringContaining(`nest deeper than ${LIMITS.evaluationDepth} levels`) })]);
    expect(byId(inventory, 'aws_s3_bucket.good').name).toBe('good-bucket');
  });

  it('keeps what the limits allow: a for expression of 10,000 items and a count of 2,000 are read whole', async () => {
    const inventory = await timed(15, () =>
      read({ 'big/main.tf': 'locals {\n  names = [for i in range(10000) : "q-${i}"]\n}\n\nresource "aws_sqs_queue" "q" {\n  count = 2000\n  name  = local.names[count.index]\n}\n' }),
    );
    expect(inventory.problems).toEqual([]);
    expect(inventory.resources).toHaveLength(2000);
    expect(byId(inventory, 'aws_sqs_queue.q[1999]').name).toBe('q-1999');
  });
});

describe('one bad input never costs the others', () => {
  it('refuses HCL nested 10,000 deep (parentheses, tuples, objects, blocks) per file, with the line, before the parser sees it', async () => {
    const deep = 10_000;
    const inventory = await timed(20, () =>
      read({
        'paren/main.tf': `locals {\n  x = ${'('.repeat(deep)}1${')'.repeat(deep)}\n}\n`,
        'tuple/main.tf': `locals {\n  x = ${'['.repeat(deep)}1${']'.repeat(deep)}\n}\n`,
        'object/main.tf': `locals {\n  x = ${'{ a = '.repeat(deep)}1${' }'.repeat(deep)}\n}\n`,
        'blocks/main.tf': `resource "aws_s3_bucket" "b" {\n${'  c {\n'.repeat(deep)}${'  }\n'.repeat(deep)}}\n`,
        ...GOOD,
        ...GOOD_PLAN,
      }),
    );
    expectGoodKept(inventory);
    for (const [file, line] of [['paren/main.tf', 2], ['tuple/main.tf', 2], ['object/main.tf', 2], ['blocks/main.tf', 257]] as const) {
      expect(problemsOf(inventory, file)).toEqual([{ file: join(ROOT, file), line, fatal: true, message: 'the file nests brackets, blocks and string interpolations more than 256 levels deep; it is not parsed' }]);
    }
  });

  it('turns an expression nested deeper than the parser limit into an unknown: 10,000 negations', async () => {
    const inventory = await timed(10, () => read({ 'not/main.tf': `locals {\n  x = ${'!'.repeat(10_000)}true\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags = { x = local.x }\n}\n`, ...GOOD }));
    const tags = byId(inventory, 'aws_s3_bucket.b').properties['Tags'];
    expect(JSON.stringify(tags)).toContain(`the expression nests deeper than ${LIMITS.expressionNesting} levels`);
    expect(byId(inventory, 'aws_s3_bucket.good').name).toBe('good-bucket');
  });

  it('reads a .tf.json nested 100,000 deep with the deep value unknown', async () => {
    const deep = 100_000;
    const inventory = await timed(10, () =>
      read({ 'json/main.tf.json': `{"locals":{"x":${'['.repeat(deep)}${']'.repeat(deep)}},"resource":{"aws_s3_bucket":{"j":{"bucket":"j","tags":{"n":"\${length(local.x)}"}}}}}`, ...GOOD, ...GOOD_PLAN }),
    );
    expectGoodKept(inventory);
    expect(byId(inventory, 'aws_s3_bucket.j').name).toBe('j');
    expect(problemsOf(inventory, 'json/main.tf.json')).toEqual([expect.objectContaining({ line: 1, fatal: false, message: expect.stringContaining('local.x: the value nests lists and objects deeper than 100 levels') })]);
  });

  it('reads a plan value nested 100,000 deep and a 2 MB string as unknown, with a problem, and keeps the rest', async () => {
    const deep = 100_000;
    const value = `${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`;
    const plan = `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.deep","mode":"managed","type":"aws_s3_bucket","name":"deep","values":{"bucket":"deep","tags":${value},"policy":"${'x'.repeat(2 * 1024 * 1024)}"}}]}}}`;
    const inventory = await timed(10, () => read({ 'deep-plan.json': plan, ...GOOD, ...GOOD_PLAN }));
    expectGoodKept(inventory);
    const bucket = byId(inventory, 'aws_s3_bucket.deep');
    expect(bucket.name).toBe('deep');
    expect(JSON.stringify(bucket.properties['Tags'])).toContain('deeper than 100 levels');
    expect(problemsOf(inventory, 'deep-plan.json').map((problem) => problem.message)).toEqual([
      'aws_s3_bucket.deep: values nested more than 100 levels deep are not read; they are unknown (later resources of this file may have more)',
      'aws_s3_bucket.deep: strings longer than 1,048,576 characters are not read; they are unknown (later resources of this file may have more)',
    ]);
  });

  it('fails only the root module whose evaluation overflows the stack, naming the construct', async () => {
    // Limits lifted so that the stack really runs out: the last defence holds a root's failure to that root.
    const lifted = { ...LIMITS, evaluationDepth: Number.MAX_SAFE_INTEGER };
    let text = 'locals {\n  l0 = 1\n';
    for (let index = 1; index <= 20_000; index += 1) text += `  l${index} = local.l${index - 1}\n`;
    text += '}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b-${local.l20000}"\n}\n';
    const result = await timed(20, () => readConfiguration(files({ 'overflow/main.tf': text, 'overflow/other.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n', ...GOOD }), lifted));
    expect(result.items.map((item) => item.address)).toEqual(['aws_s3_bucket.good']);
    const [failure, other, ...rest] = result.problems;
    expect(rest).toEqual([]);
    expect(failure).toEqual(expect.objectContaining({ file: join(ROOT, 'overflow/main.tf'), fatal: true, message: expect.stringMatching(/^root module .*overflow could not be evaluated \(at local\.l\d+\): the input nests too deeply to be read \(the call stack ran out\); none of its resources are scanned$/) }));
    expect(failure?.line).toBeGreaterThan(1);
    expect(other).toEqual(expect.objectContaining({ file: join(ROOT, 'overflow/other.tf'), fatal: true, message: expect.stringContaining('not scanned: the evaluation of root module') }));
  });
});

describe('plan reading', () => {
  it('reports JSON syntax errors by line and column, never quoting the text', async () => {
    const secret = 'hunter2SECRET';
    const inventory = await read({
      'token.json': `{"format_version":"1.2",\n  "planned_values": {"password": ${secret}}}`,
      'trailing.json': `{"format_version":"1.2",\n"planned_values": {"password": "${secret}"}}}`,
      'cut.json': `{"format_version":"1.2",\n"planned_values": {"password": "${secret}`,
      ...GOOD_PLAN,
    });
    expect(problemsOf(inventory, 'token.json')).toEqual([{ file: join(ROOT, 'token.json'), line: 2, fatal: true, message: 'the JSON is not valid at line 2, column 34: expected a value' }]);
    expect(problemsOf(inventory, 'trailing.json')).toEqual([{ file: join(ROOT, 'trailing.json'), line: 2, fatal: true, message: 'the JSON is not valid at line 2, column 49: expected the end of the document after its value' }]);
    expect(problemsOf(inventory, 'cut.json')).toEqual([{ file: join(ROOT, 'cut.json'), line: 2, fatal: true, message: 'the JSON is truncated: it ends at line 2, column 46, where the end of a string was expected' }]);
    expect(JSON.stringify(inventory.problems)).not.toContain('hunter2');
    expect(ids(inventory)).toEqual(['aws_sqs_queue.q']);
  });

  it('warns about plan modules nested deeper than the reader follows', async () => {
    let module: Record<string, unknown> = { address: 'module.m', resources: [{ address: 'aws_sqs_queue.leaf', mode: 'managed', type: 'aws_sqs_queue', name: 'leaf', values: { name: 'leaf' } }] };
    for (let level = 0; level < 150; level += 1) module = { address: 'module.m', child_modules: [module] };
    const inventory = await read({ 'modules.json': JSON.stringify({ format_version: '1.2', planned_values: { root_module: { child_modules: [module] } } }) });
    expect(inventory.problems).toEqual([{ file: join(ROOT, 'modules.json'), fatal: false, message: `module.m is nested more than ${LIMITS.planModuleDepth} modules deep: its resources, and those of the modules below it, are not read` }]);
  });

  it('reads a plan of 150,000 resources', async () => {
    const count = 150_000;
    const resources: string[] = [];
    const changes: string[] = [];
    for (let index = 0; index < count; index += 1) {
      resources.push(`{"address":"aws_sqs_queue.q${index}","mode":"managed","type":"aws_sqs_queue","name":"q${index}","values":{"name":"q${index}"}}`);
      changes.push(`{"address":"aws_sqs_queue.q${index}","change":{"actions":["create"],"after":{"name":"q${index}"},"after_unknown":{"arn":true},"after_sensitive":{}}}`);
    }
    const text = `{"format_version":"1.2","planned_values":{"root_module":{"resources":[${resources.join(',')}]}},"resource_changes":[${changes.join(',')}]}`;
    const inventory = await timed(20, () => read({ 'plan150k.json': text }));
    expect(inventory.problems).toEqual([]);
    expect(inventory.resources).toHaveLength(count);
    expect(inventory.sources).toEqual([{ file: join(ROOT, 'plan150k.json'), kind: 'terraform-plan', resources: count }]);
  });
});

describe('helpers', () => {
  it('locates JSON errors without quoting the text', () => {
    expect(locateJsonError('{"a": [1, 2, {"b": null}], "c": "d\\n\\u00e9"}')).toBeUndefined();
    expect(locateJsonError('{"a": }')).toEqual({ line: 1, column: 7, truncated: false, expected: 'a value' });
    expect(locateJsonError('[1,]')).toEqual({ line: 1, column: 4, truncated: false, expected: 'a value' });
    expect(locateJsonError('{"a":1,}')).toEqual({ line: 1, column: 8, truncated: false, expected: 'a double-quoted property name' });
    expect(locateJsonError('{\n"a" 1}')).toEqual({ line: 2, column: 5, truncated: false, expected: '":" after a property name' });
    expect(locateJsonError('{"a": "x\ty"}')).toEqual({ line: 1, column: 9, truncated: false, expected: 'an escape sequence in place of a raw control character' });
    expect(locateJsonError('{"a": 01}')).toEqual({ line: 1, column: 8, truncated: false, expected: '"," or "}" after a property value' });
    expect(locateJsonError(`${'['.repeat(200_000)}`)).toEqual({ line: 1, column: 200_001, truncated: true, expected: 'a value' });
    expect(describeJsonError('{"secret": nope}').message).toBe('the JSON is not valid at line 1, column 12: expected a value');
  });

  it('counts HCL nesting outside strings and comments, through interpolations and heredocs', () => {
    expect(hclNestingExcess(`x = "${'('.repeat(500)}"\n# ${'['.repeat(500)}\n/* ${'{'.repeat(500)} */\n`, 10)).toBeUndefined();
    expect(hclNestingExcess(`x = <<EOT\n${'('.repeat(500)}\nEOT\ny = 1\n`, 10)).toBeUndefined();
    // A string, an interpolation and a call's parentheses are three levels each time: eight in all.
    expect(hclNestingExcess('x = "${a("${b("${c}")}")}"\n', 7)).toBe(1);
    expect(hclNestingExcess('x = "${a("${b("${c}")}")}"\n', 8)).toBeUndefined();
    expect(hclNestingExcess(`x = <<EOT\n\${${'['.repeat(20)}\nEOT\n`, 10)).toBe(2);
  });
});
