import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/inventory/load-paths.js';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import { EXTRA_EVALUATION_VALUES, MAX_BUILT_STRING_LENGTH, MAX_EVALUATION_DEPTH } from '../../src/inventory/sources/cloudformation/intrinsics.js';
import { MAX_TEMPLATE_DEPTH } from '../../src/inventory/sources/cloudformation/parse-yaml.js';
import { readCloudFormationTemplate } from '../../src/inventory/sources/cloudformation/read-template.js';
import { isUnknown } from '../../src/inventory/values.js';

// Hostile templates, generated here. Each test has a 10 s timeout: before the limits, the first ones ran out of memory
// after 40 s, hung, or overflowed the stack and failed every other template of the scan.
const TIMEOUT = 10_000;
const HEADER = "AWSTemplateFormatVersion: '2010-09-09'\n";
const GOOD = `${HEADER}Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n`;

const read = (text: string, file = 'template.yaml'): Inventory => readCloudFormationTemplate(file, text);

function resource(inventory: Inventory, id: string): Resource {
  const found = inventory.resources.find((entry) => entry.id === id);
  if (!found) throw new Error(`no resource ${id}`);
  return found;
}

/** `levels` mappings, each value built from two lookups of the one before: 2^levels if the lookups were evaluated. */
function doublingTemplate(levels: number, value: (lookup: string) => string): string {
  let text = `${HEADER}Mappings:\n  M0:\n    k:\n      v: xx\n`;
  for (let level = 1; level <= levels; level += 1) {
    text += `  M${level}:\n    k:\n      v: ${value(`!FindInMap [M${level - 1}, k, v]`)}\n`;
  }
  return `${text}Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !FindInMap [M${levels}, k, v]\n`;
}

/** The line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line with ${needle}`);
  return index + 1;
}

describe('Mappings are literal', () => {
  it('does not evaluate a 40-level doubling of lists through Mappings: the lookup is Unknown, each intrinsic a warning with its line', () => {
    const text = doublingTemplate(40, (lookup) => `[${lookup}, ${lookup}]`);
    const inventory = read(text);
    expect(isUnknown(resource(inventory, 'Topic').properties['TopicName'])).toBe(true);
    expect(inventory.problems.every((problem) => !problem.fatal)).toBe(true);
    expect(inventory.problems[0]).toEqual({
      file: 'template.yaml',
      line: lineOf(text, 'M1:') + 2,
      message: 'Mappings M1.k.v.0 holds Fn::FindInMap: mapping values are literal strings and lists, so it is not evaluated and its lookups are Unknown',
      fatal: false,
    });
    expect(inventory.problems).toHaveLength(80);
  }, TIMEOUT);

  it('does not evaluate a 40-level doubling of strings (Fn::Join) through Mappings', () => {
    const text = doublingTemplate(40, (lookup) => `!Join ['', [${lookup}, ${lookup}]]`);
    const inventory = read(text);
    expect(isUnknown(resource(inventory, 'Topic').properties['TopicName'])).toBe(true);
    expect(inventory.problems).toHaveLength(40);
    expect(inventory.problems.some((problem) => problem.message.startsWith('Mappings M40.k.v holds Fn::Join:'))).toBe(true);
  }, TIMEOUT);

  it('reads a mapping value that looks itself up as Unknown, and the other templates of the scan as usual', async () => {
    const text = `${HEADER}Mappings:\n  M:\n    k:\n      v: !FindInMap [M, k, v]\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !FindInMap [M, k, v]\n`;
    const inventory = read(text);
    expect(isUnknown(resource(inventory, 'Topic').properties['TopicName'])).toBe(true);
    expect(inventory.problems).toEqual([
      { file: 'template.yaml', line: 5, message: expect.stringMatching(/^Mappings M\.k\.v holds Fn::FindInMap/), fatal: false },
    ]);

    const folder = await mkdtemp(join(tmpdir(), 'demarc-self-map-'));
    try {
      await writeFile(join(folder, 'a-good.yaml'), GOOD);
      await writeFile(join(folder, 'b-self.yaml'), text);
      const scanned = await loadPaths([folder]);
      expect(scanned.resources.map((entry) => entry.id)).toEqual(['Bucket', 'Topic']);
      expect(scanned.problems.filter((problem) => problem.fatal)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, TIMEOUT);

  it('still resolves literal mapping values, lists included', () => {
    const text = `${HEADER}Mappings:\n  Net:\n    prod: { Cidrs: [10.0.0.0/16, 10.1.0.0/16], Port: 443 }\nResources:\n  Group:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: !Join [',', !FindInMap [Net, prod, Cidrs]]\n      Tags: [{ Key: port, Value: !FindInMap [Net, prod, Port] }]\n`;
    const inventory = read(text);
    expect(resource(inventory, 'Group').properties).toEqual({ GroupDescription: '10.0.0.0/16,10.1.0.0/16', Tags: [{ Key: 'port', Value: 443 }] });
    expect(inventory.problems).toEqual([]);
  });
});

describe('evaluation budgets', () => {
  it(`stops after ${EXTRA_EVALUATION_VALUES} values beyond the template's own, naming the function and its line; what is left keeps its keys, Unknown`, () => {
    const items = Array.from({ length: 20_000 }, (_, index) => `x${index}`).join(', ');
    let text = `${HEADER}Mappings:\n  Big:\n    k:\n      v: [${items}]\nResources:\n`;
    for (let index = 0; index < 60; index += 1) {
      text += `  Topic${index}:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !FindInMap [Big, k, v]\n      TopicName: name-${index}\n`;
    }
    const inventory = read(text);
    expect(resource(inventory, 'Topic0').properties['DisplayName']).toHaveLength(20_000);
    const stopped = inventory.problems.filter((problem) => problem.message.startsWith('evaluation stopped at Fn::FindInMap'));
    expect(stopped).toHaveLength(1);
    expect(stopped[0]?.fatal).toBe(false);
    expect(text.split('\n')[(stopped[0]?.line ?? 0) - 1]).toContain('DisplayName: !FindInMap [Big, k, v]');
    const last = resource(inventory, 'Topic59').properties;
    // Unknown, not absent: an absent property would be judged as the AWS default.
    expect(Object.keys(last)).toEqual(['DisplayName', 'TopicName']);
    expect(isUnknown(last['DisplayName']) && isUnknown(last['TopicName'])).toBe(true);
  }, TIMEOUT);

  it(`makes a value nested more than ${MAX_EVALUATION_DEPTH} levels deep Unknown, naming the function and its line`, () => {
    const levels = 55;
    const value = `${'!Select [0, ['.repeat(levels)}deep${']]'.repeat(levels)}`;
    const text = `${HEADER}Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: ${value}\n      DisplayName: shallow\n`;
    const inventory = read(text);
    const properties = resource(inventory, 'Topic').properties;
    expect(isUnknown(properties['TopicName'])).toBe(true);
    expect(properties['DisplayName']).toBe('shallow');
    expect(inventory.problems).toEqual([
      { file: 'template.yaml', line: 6, message: `Fn::Select nests values, intrinsic functions and conditions more than ${MAX_EVALUATION_DEPTH} levels deep; that value is Unknown`, fatal: false },
    ]);
    // The same nesting, shallower, resolves.
    expect(resource(read(text.replace(value, `${'!Select [0, ['.repeat(10)}deep${']]'.repeat(10)}`)), 'Topic').properties['TopicName']).toBe('deep');
  }, TIMEOUT);

  it('follows a chain of 10,000 conditions without overflowing the stack: the condition is Unknown, the resource kept', () => {
    let text = `${HEADER}Parameters:\n  Stage: { Type: String }\nConditions:\n  C0: !Equals [!Ref Stage, prod]\n`;
    for (let index = 1; index < 10_000; index += 1) text += `  C${index}: !Not [!Condition C${index - 1}]\n`;
    text += 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Condition: C9999\n';
    const inventory = read(text);
    expect(inventory.resources.map((entry) => entry.id)).toEqual(['Topic']);
    expect(inventory.problems).toHaveLength(1);
    expect(inventory.problems[0]?.message).toMatch(/^condition C\d+ nests values, intrinsic functions and conditions more than 100 levels deep/);
    expect(inventory.problems[0]?.line).toBeGreaterThan(10_000 - MAX_EVALUATION_DEPTH);
  }, TIMEOUT);

  it(`makes a string built longer than ${MAX_BUILT_STRING_LENGTH} characters Unknown (Fn::Sub, Fn::Join, Fn::ToJsonString)`, () => {
    const big = 'p'.repeat(100_000);
    const text = `${HEADER}Parameters:\n  P: { Type: String, Default: ${big} }\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub '${'${P}'.repeat(200_000)}'\n      DisplayName: !Join ['', [${Array(20).fill('!Ref P').join(', ')}]]\n      KmsMasterKeyId: !ToJsonString [${Array(20).fill('!Ref P').join(', ')}]\n      Short: !Sub '\${P}-\${P}'\n`;
    const inventory = read(text);
    const properties = resource(inventory, 'Topic').properties;
    expect(isUnknown(properties['TopicName']) && isUnknown(properties['DisplayName']) && isUnknown(properties['KmsMasterKeyId'])).toBe(true);
    expect(properties['Short']).toBe(`${big}-${big}`);
    expect(inventory.problems).toEqual([
      { file: 'template.yaml', line: 8, message: `Fn::Sub builds a string longer than ${MAX_BUILT_STRING_LENGTH} characters; that value is Unknown`, fatal: false },
    ]);
  }, TIMEOUT);
});

describe('YAML aliases', () => {
  it('reads 999 aliases of a 600 KB template in linear time, each alias the anchored value', () => {
    let text = `${HEADER}Resources:\n  Base:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: &tags\n`;
    for (let index = 0; index < 5; index += 1) text += `        - { Key: k${index}, Value: v${index} }\n`;
    for (let index = 0; index < 999; index += 1) {
      text += `  T${index}:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: topic-${index}\n      Tags: *tags\n      DisplayName: ${'d'.repeat(500)}\n`;
    }
    expect(text.length).toBeGreaterThan(600_000);
    const inventory = read(text);
    expect(inventory.problems).toEqual([]);
    expect(inventory.resources).toHaveLength(1000);
    const last = resource(inventory, 'T998');
    expect(last.properties['Tags']).toEqual(Array.from({ length: 5 }, (_, index) => ({ Key: `k${index}`, Value: `v${index}` })));
    // Each resource has its own copy of the resolved value, and the finding points at the alias.
    expect(last.properties['Tags']).not.toBe(resource(inventory, 'T997').properties['Tags']);
    expect(last.origin.propertyLines?.['Tags']).toBe(lineOf(text, 'TopicName: topic-998') + 1);
  }, TIMEOUT);

  it('refuses a billion laughs by what it expands to', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 10; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      levels.push(`${current}: &${current} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const inventory = read(`${levels.join('\n')}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *j\n`);
    expect(inventory.problems).toEqual([
      { file: 'template.yaml', line: 7, message: 'cannot parse template: the document stands for more than 5000000 values once its YAML aliases are expanded (an alias bomb?)', fatal: true },
    ]);
  }, TIMEOUT);

  it(`refuses an alias chain deeper than ${MAX_TEMPLATE_DEPTH} levels, an alias inside its own anchor, and an alias without one`, () => {
    let chain = `${HEADER}Mappings:\n  Chain:\n    c0: &a0 [x]\n`;
    for (let index = 1; index < 999; index += 1) chain += `    c${index}: &a${index} [*a${index - 1}]\n`;
    chain += 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n';
    const deep = read(chain).problems;
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatchObject({ fatal: true, message: `cannot parse template: the document nests deeper than ${MAX_TEMPLATE_DEPTH} levels once its YAML aliases are expanded` });
    // c125 holds an alias that stands for 125 levels, at the fourth level of the document (root, Mappings, Chain, c125).
    expect(deep[0]?.line).toBe(lineOf(chain, `    c${MAX_TEMPLATE_DEPTH - 3}:`));

    expect(read(`${HEADER}Loop: &loop [a, *loop]\nResources:\n  T:\n    Type: AWS::SNS::Topic\n`).problems).toEqual([
      { file: 'template.yaml', line: 2, message: 'cannot parse template: alias *loop is inside the value it stands for', fatal: true },
    ]);
    expect(read(`${HEADER}Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: *nothing\n`).problems).toEqual([
      { file: 'template.yaml', line: 5, message: 'cannot parse template: alias *nothing has no anchor &nothing before it', fatal: true },
    ]);
  }, TIMEOUT);
});

describe('document shape', () => {
  it('warns about duplicate keys, in YAML and in JSON, and reads the last one', () => {
    const yaml = read(`${HEADER}Resources:\n  B:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::SNS::Topic\n`);
    expect(yaml.resources.map((entry) => entry.type)).toEqual(['AWS::SNS::Topic']);
    expect(yaml.problems).toEqual([
      { file: 'template.yaml', line: 5, message: 'duplicate key B (also at line 3): the last one is read, and CloudFormation may refuse the template', fatal: false },
    ]);
    const json = read('{\n"Resources": {\n  "B": {"Type": "AWS::S3::Bucket"},\n  "B": {"Type": "AWS::SNS::Topic"}\n}\n}\n', 't.json');
    expect(json.resources.map((entry) => entry.type)).toEqual(['AWS::SNS::Topic']);
    expect(json.problems).toEqual([
      { file: 't.json', line: 4, message: 'duplicate key B (also at line 3): the last one is read, and CloudFormation may refuse the template', fatal: false },
    ]);
  });

  it('reads a key named __proto__ as a key', () => {
    const inventory = read(`${HEADER}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{ __proto__: { polluted: true }, Key: a, Value: b }]\n`);
    const tags = resource(inventory, 'B').properties['Tags'];
    expect(Array.isArray(tags) && Object.keys(tags[0] ?? {})).toEqual(['__proto__', 'Key', 'Value']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it(`refuses a document nested deeper than ${MAX_TEMPLATE_DEPTH} levels, or too deep for the parser, with its line`, () => {
    const nested = (levels: number): string => `${HEADER}Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
    expect(read(nested(200)).problems).toEqual([
      { file: 'template.yaml', line: 6, message: `cannot parse template: the document nests deeper than ${MAX_TEMPLATE_DEPTH} levels`, fatal: true },
    ]);
    const tooDeep = read(nested(50_000)).problems;
    expect(tooDeep).toHaveLength(1);
    expect(tooDeep[0]).toMatchObject({ line: 6, fatal: true });
    expect(tooDeep[0]?.message).toMatch(/^cannot parse template: the document nests (too deeply to parse|deeper than)/);
    const json = read(`{"Resources":{"T":{"Type":"AWS::SNS::Topic","Properties":{"Tags":\n${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}}}`, 't.json').problems;
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ line: 2, fatal: true });
  }, TIMEOUT);
});

describe('one hostile template among others', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'demarc-hostile-'));
    let chain = `${HEADER}Mappings:\n  Chain:\n    c0: &a0 [x]\n`;
    for (let index = 1; index < 999; index += 1) chain += `    c${index}: &a${index} [*a${index - 1}]\n`;
    await writeFile(join(folder, 'a-good.yaml'), GOOD);
    await writeFile(join(folder, 'b-alias-chain.yaml'), `${chain}Resources:\n  T:\n    Type: AWS::SNS::Topic\n`);
    await writeFile(join(folder, 'c-deep.json'), `{"Resources":{"T":{"Type":"AWS::SNS::Topic","Properties":{"Tags":${'['.repeat(50_000)}${']'.repeat(50_000)}}}}}`);
    await writeFile(join(folder, 'd-doubling.yaml'), doublingTemplate(40, (lookup) => `[${lookup}, ${lookup}]`));
    await writeFile(join(folder, 'e-good.json'), JSON.stringify({ Resources: { Table: { Type: 'AWS::DynamoDB::Table' } } }));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('costs only that template: each gets its problem with file and line, the others their resources', async () => {
    const inventory = await loadPaths([folder]);
    expect(inventory.resources.map((entry) => entry.id)).toEqual(['Bucket', 'Topic', 'Table']);
    const fatal = inventory.problems.filter((problem) => problem.fatal);
    expect(fatal.map((problem) => problem.file)).toEqual([join(folder, 'b-alias-chain.yaml'), join(folder, 'c-deep.json')]);
    expect(fatal.every((problem) => typeof problem.line === 'number' && problem.line > 0)).toBe(true);
    expect(inventory.sources.map((source) => source.file)).toEqual([join(folder, 'a-good.yaml'), join(folder, 'd-doubling.yaml'), join(folder, 'e-good.json')]);
  }, TIMEOUT);
});
