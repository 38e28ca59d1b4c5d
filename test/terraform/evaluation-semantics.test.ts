import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import { loadPaths } from '../../src/inventory/load-paths.js';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import { Evaluator } from '../../src/inventory/sources/terraform/hcl/evaluate.js';
import { terraformSource } from '../../src/inventory/sources/terraform/index.js';
import { isReference, isUnknown, Unknown, type PropValue } from '../../src/inventory/values.js';
import { scan } from '../../src/scan.js';

/** Writes files into a fresh folder: `{ 'main.tf': '...', 'modules/x/main.tf': '...' }`. */
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'demarc-tf-semantics-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

function byId(inventory: Inventory, id: string): Resource {
  const resource = inventory.resources.find((candidate) => candidate.id === id);
  if (!resource) throw new Error(`no resource ${id} in ${inventory.resources.map((item) => item.id).join(', ')}`);
  return resource;
}

/** Evaluates one expression with `var.*` from `vars` (a missing one is unknown); `looked` records every name resolved. */
function evaluate(text: string, vars: Record<string, PropValue> = {}, looked: string[] = []): PropValue {
  const evaluator = new Evaluator({
    traverse: (root, steps, source) => {
      looked.push(source);
      const [name] = steps;
      if (root === 'var' && typeof name === 'string' && name in vars) return vars[name] ?? null;
      return new Unknown(`${source} is not known in this test`);
    },
  });
  return evaluator.expressionText(text);
}

const statuses = (inventory: Inventory, checkId: string): string[] =>
  evaluateInventory(inventory, { checks: allChecks.filter((check) => check.id === checkId), now: new Date('2026-11-01T00:00:00Z') }).findings.map((finding) => `${finding.resource.id}: ${finding.status}`);

describe('conditionals and null', () => {
  it('gives null only from the branch taken, and an unknown for an unknown condition', () => {
    expect(evaluate('var.prefix ? null : var.name', { prefix: true, name: 'admin' })).toBeNull();
    expect(evaluate('var.prefix ? null : var.name', { prefix: false, name: 'admin' })).toBe('admin');
    expect(evaluate('var.prefix ? "${var.name}-" : null', { prefix: true, name: 'admin' })).toBe('admin-');
    const unknown = evaluate('var.prefix ? null : var.name', { name: 'admin' });
    expect(isUnknown(unknown) && unknown.reason).toContain('var.prefix');
  });

  it('keeps a role named by a prefix attached: an attribute left null is made at apply, not null', async () => {
    const root = folder({
      'main.tf': [
        'variable "use_name_prefix" { default = true }',
        'resource "aws_iam_role" "this" {',
        '  name        = var.use_name_prefix ? null : "ops"',
        '  name_prefix = var.use_name_prefix ? "ops-" : null',
        '  assume_role_policy = "{}"',
        '}',
        'resource "aws_iam_role_policy_attachment" "admin" {',
        '  role       = aws_iam_role.this.name',
        '  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"',
        '}',
      ].join('\n'),
    });
    const inventory = await loadPaths([root]);
    expect(inventory.problems).toEqual([]);
    expect(byId(inventory, 'aws_iam_role.this').properties['ManagedPolicyArns']).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(statuses(inventory, 'iam-policy-no-full-admin')).toEqual(['aws_iam_role.this: fail']);
  });

  it('reads lookup with an explicit null default as that default, and a key holding null as null', () => {
    expect(evaluate('lookup({ a = 1 }, "b", null)')).toBeNull();
    expect(evaluate('lookup({ a = null }, "a", "x")')).toBeNull();
    expect(evaluate('lookup({ a = 1 }, "a", null)')).toBe(1);
    const missing = evaluate('lookup({ a = 1 }, "b")');
    expect(isUnknown(missing) && missing.reason).toBe('lookup: the map has no key b');
  });
});

describe('functions', () => {
  it.each([
    ['basename("modules/vpc/main.tf")', 'main.tf'],
    ['basename("modules/vpc/")', 'vpc'],
    ['basename("")', '.'],
    ['dirname("modules/vpc/main.tf")', 'modules/vpc'],
    ['dirname("main.tf")', '.'],
    ['dirname("/etc/")', '/etc'],
    ['regexall("[a-z]+", "ab 12 cd")', ['ab', 'cd']],
    ['length(regexall("^arn:aws:iam::", "arn:aws:iam::1:role/x")) > 0', true],
    ['regexall("(\\\\d+)-(\\\\d+)", "1-2 3-4")', [['1', '2'], ['3', '4']]],
    ['regex("(?P<account>\\\\d+):role", "arn:aws:iam::123:role/x")', { account: '123' }],
    ['trimprefix("arn:aws:s3:::logs", "arn:aws:s3:::")', 'logs'],
    ['trimsuffix("logs.example.com", ".example.com")', 'logs'],
    ['startswith("arn:aws:iam", "arn:")', true],
    ['endswith("bucket-logs", "-data")', false],
    ['alltrue([true, "true"])', true],
    ['alltrue([])', true],
    ['anytrue([false, false])', false],
    ['one([])', null],
    ['one(["x"])', 'x'],
    ['sum([1, 2, 3.5])', 6.5],
    ['slice(["a", "b", "c", "d"], 1, 3)', ['b', 'c']],
    ['try(var.missing.attr, "fallback")', 'fallback'],
    ['can(var.missing.attr)', new Unknown('can(...) is not known statically')],
    ['can(jsondecode("{}"))', true],
    ['cidrsubnet("10.0.0.0/16", 8, 2)', '10.0.2.0/24'],
    ['cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)', ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']],
    ['cidrhost("10.12.112.0/20", 16)', '10.12.112.16'],
    ['cidrhost("10.12.112.0/20", -1)', '10.12.127.255'],
  ])('%s', (text, expected) => {
    expect(evaluate(text)).toEqual(expected);
  });

  it('leaves errors and risky patterns unknown rather than guessed', () => {
    for (const text of ['one(["a", "b"])', 'slice(["a"], 0, 2)', 'regex("x", "abc")', 'regexall("(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")', 'regexall("(a|aa)*$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")', 'regexall("a*a*a*a*b", "aaaa")', 'regexall("(?=a)", "a")', 'regexall("(?i)a", "A")', 'startswith(1, "a")', 'sum([])']) {
      expect(isUnknown(evaluate(text)), text).toBe(true);
    }
  });

  it('counts the keys of a map whose values are known only after apply', () => {
    const arns = { a: new Unknown('known only after apply'), b: new Unknown('known only after apply') };
    expect(evaluate('length(var.arns)', { arns })).toBe(2);
    expect(evaluate('keys(var.arns)', { arns })).toEqual(['a', 'b']);
    expect(evaluate('length(var.items)', { items: [new Unknown('later')] })).toBe(1);
    expect(isUnknown(evaluate('values(var.arns)[0]', { arns }))).toBe(true);
  });

  it('names a function it does not evaluate, before and without evaluating its arguments', () => {
    const looked: string[] = [];
    const value = evaluate('nosuchfunction(var.undeclared, local.other)', {}, looked);
    expect(isUnknown(value) && value.reason).toBe('function nosuchfunction is not evaluated statically');
    expect(looked).toEqual([]);
    const nested = evaluate('length(nosuchfunction(var.undeclared))', {}, looked);
    expect(isUnknown(nested) && nested.reason).toBe('function nosuchfunction is not evaluated statically');
    expect(looked).toEqual([]);
  });
});

describe('splat expressions', () => {
  it('applies the steps after a splat to each element; null is empty, a single value a list of one', () => {
    const objs = [{ n: 'x', tags: { a: '1' } }, { n: 'y', tags: { a: '2' } }];
    expect(evaluate('var.objs[*].n', { objs })).toEqual(['x', 'y']);
    expect(evaluate('var.objs[*].tags.a', { objs })).toEqual(['1', '2']);
    expect(evaluate('var.objs.*.n', { objs })).toEqual(['x', 'y']);
    expect(evaluate('var.objs.*.n[1]', { objs })).toBe('y');
    expect(evaluate('var.one[*].n', { one: { n: 'z' } })).toEqual(['z']);
    expect(evaluate('var.none[*].n', { none: null })).toEqual([]);
    const unknown = evaluate('var.missing[*].n');
    expect(isUnknown(unknown) && unknown.reason).toContain('var.missing');
  });

  it('renders every instance of a counted policy document named through a splat', async () => {
    const root = folder({
      'main.tf': [
        'data "aws_iam_policy_document" "p" {',
        '  count = 2',
        '  statement {',
        '    actions   = [count.index == 1 ? "*" : "s3:GetObject"]',
        '    resources = ["*"]',
        '  }',
        '}',
        'resource "aws_iam_policy" "first" { policy = element(data.aws_iam_policy_document.p[*].json, 0) }',
        'resource "aws_iam_policy" "second" { policy = element(data.aws_iam_policy_document.p[*].json, 1) }',
      ].join('\n'),
    });
    const inventory = await loadPaths([root]);
    expect(statuses(inventory, 'iam-policy-no-full-admin').sort()).toEqual(['aws_iam_policy.first: pass', 'aws_iam_policy.second: fail']);
  });
});

describe('resources iterating over resources', () => {
  it('binds each instance of a split resource to the bucket instance it iterates over', async () => {
    const root = folder({
      'main.tf': [
        'resource "aws_s3_bucket" "data" {',
        '  for_each = toset(["raw", "curated"])',
        '  bucket   = "acme-${each.key}"',
        '}',
        'resource "aws_s3_bucket_versioning" "data" {',
        '  for_each = aws_s3_bucket.data',
        '  bucket   = each.value.id',
        '  versioning_configuration { status = each.key == "raw" ? "Enabled" : "Suspended" }',
        '}',
        'resource "aws_sqs_queue" "per_bucket" {',
        '  count = length(aws_s3_bucket.data)',
        '  name  = "q-${count.index}"',
        '}',
      ].join('\n'),
    });
    const inventory = await loadPaths([root]);
    expect(inventory.problems).toEqual([]);
    expect(byId(inventory, 'aws_s3_bucket.data["raw"]').properties['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    expect(byId(inventory, 'aws_s3_bucket.data["curated"]').properties['VersioningConfiguration']).toEqual({ Status: 'Suspended' });
    expect(inventory.resources.filter((resource) => resource.type === 'AWS::SQS::Queue').map((resource) => resource.id)).toEqual(['aws_sqs_queue.per_bucket[0]', 'aws_sqs_queue.per_bucket[1]']);
    expect(statuses(inventory, 's3-bucket-versioning').sort()).toEqual(['aws_s3_bucket.data["curated"]: fail', 'aws_s3_bucket.data["raw"]: pass']);
  });
});

describe('undeclared variables', () => {
  it('makes the value unknown with a reason, and reports where the variable is used', async () => {
    const root = folder({
      'main.tf': ['resource "aws_instance" "web" {', '  ami              = "ami-0123456789abcdef0"', '  instance_type    = "t3.micro"', '  user_data_base64 = var.init', '}'].join('\n'),
    });
    const inventory = await loadPaths([root]);
    const userData = byId(inventory, 'aws_instance.web').properties['UserData'];
    expect(isUnknown(userData) && userData.reason).toBe(`var.init is used but no variable "init" is declared in ${root}`);
    expect(inventory.problems).toEqual([{ file: join(root, 'main.tf'), line: 4, fatal: false, message: expect.stringMatching(/^var\.init is used but no variable "init" is declared in .*: Terraform refuses this configuration/) }]);
    expect(statuses(inventory, 'ec2-user-data-no-secrets')).toEqual(['aws_instance.web: unknown']);
  });
});

describe('modules downloaded by terraform init', () => {
  const manifest = (modules: Array<{ Key: string; Source: string; Dir: string }>): string => JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, ...modules] });

  it('reads registry modules, and the modules they call, from .terraform/modules', async () => {
    const root = folder({
      'main.tf': 'module "storage" {\n  source  = "acme/storage/aws"\n  version = "1.0.0"\n  name    = "logs"\n}\n',
      '.terraform/modules/modules.json': manifest([
        { Key: 'storage', Source: 'registry.terraform.io/acme/storage/aws', Dir: '.terraform/modules/storage' },
        { Key: 'storage.queue', Source: 'git::https://example.com/queue.git?ref=v1', Dir: '.terraform/modules/storage.queue' },
      ]),
      '.terraform/modules/storage/main.tf': [
        'variable "name" {}',
        'resource "aws_s3_bucket" "this" { bucket = "acme-${var.name}" }',
        'module "queue" {',
        '  source = "git::https://example.com/queue.git?ref=v1"',
        '  name   = var.name',
        '}',
        'module "topic" { source = "./modules/topic" }',
      ].join('\n'),
      '.terraform/modules/storage/modules/topic/main.tf': 'resource "aws_sns_topic" "this" { name = "t" }\n',
      '.terraform/modules/storage.queue/main.tf': 'variable "name" {}\nresource "aws_sqs_queue" "this" { name = "q-${var.name}" }\n',
    });
    const inventory = await loadPaths([root]);
    expect(inventory.problems).toEqual([]);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources.map((resource) => resource.id).sort()).toEqual(['module.storage.aws_s3_bucket.this', 'module.storage.module.queue.aws_sqs_queue.this', 'module.storage.module.topic.aws_sns_topic.this']);
    expect(byId(inventory, 'module.storage.module.queue.aws_sqs_queue.this').properties['QueueName']).toBe('q-logs');
  });

  it('counts a registry module that was not downloaded as a gap, in the summary and for --fail-on-gaps', async () => {
    const root = folder({
      'main.tf': 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\nmodule "moved" {\n  source = "acme/new/aws"\n}\nresource "aws_sqs_queue" "q" { name = "q" }\n',
      '.terraform/modules/modules.json': manifest([{ Key: 'moved', Source: 'registry.terraform.io/acme/old/aws', Dir: '.terraform/modules/moved' }]),
      '.terraform/modules/moved/main.tf': 'resource "aws_sns_topic" "old" { name = "old" }\n',
    });
    const outcome = await scan({ paths: [root], now: new Date('2026-11-01T00:00:00Z') });
    expect(outcome.result.coverage.gaps).toHaveLength(2);
    expect(outcome.result.coverage.gaps).toEqual(
      expect.arrayContaining([
        { resourceTypes: [], reason: expect.stringMatching(/^module vpc \(source terraform-aws-modules\/vpc\/aws\) is not downloaded: no entry in .*modules\.json.*main\.tf:1\)$/) },
        { resourceTypes: [], reason: expect.stringMatching(/^module moved was downloaded from registry\.terraform\.io\/acme\/old\/aws but now names acme\/new\/aws.*main\.tf:5\)$/) },
      ]),
    );
    expect(outcome.result.summary.gaps).toBe(2);
    expect(outcome.exitHints.hasGaps).toBe(true);
    expect(outcome.result.sources.map((source) => source.resources)).toEqual([1]);
  });
});

describe('plans of format 0.x (Terraform 0.12 to 1.0)', () => {
  it('reads planned values, unknowns and references as in format 1.x', async () => {
    const plan = {
      format_version: '0.1',
      terraform_version: '0.12.31',
      planned_values: {
        root_module: {
          resources: [{ address: 'aws_s3_bucket.logs', mode: 'managed', type: 'aws_s3_bucket', name: 'logs', provider_name: 'aws', schema_version: 0, values: { bucket: 'acme-logs', acl: 'private' } }],
          child_modules: [
            {
              address: 'module.app',
              resources: [{ address: 'module.app.aws_s3_bucket_policy.this', mode: 'managed', type: 'aws_s3_bucket_policy', name: 'this', provider_name: 'aws', schema_version: 0, values: { policy: '{"Version":"2012-10-17","Statement":[]}' } }],
            },
          ],
        },
      },
      resource_changes: [
        { address: 'aws_s3_bucket.logs', mode: 'managed', type: 'aws_s3_bucket', name: 'logs', provider_name: 'aws', change: { actions: ['create'], before: null, after: { bucket: 'acme-logs', acl: 'private' }, after_unknown: { id: true, arn: true } } },
        { address: 'module.app.aws_s3_bucket_policy.this', module_address: 'module.app', mode: 'managed', type: 'aws_s3_bucket_policy', name: 'this', provider_name: 'aws', change: { actions: ['create'], before: null, after: { policy: '{"Version":"2012-10-17","Statement":[]}' }, after_unknown: { bucket: true, id: true } } },
      ],
      configuration: {
        root_module: {
          resources: [{ address: 'aws_s3_bucket.logs', mode: 'managed', type: 'aws_s3_bucket', name: 'logs', provider_config_key: 'aws', expressions: { bucket: { constant_value: 'acme-logs' } }, schema_version: 0 }],
          module_calls: {
            app: { source: './app', module: { resources: [{ address: 'aws_s3_bucket_policy.this', mode: 'managed', type: 'aws_s3_bucket_policy', name: 'this', expressions: { bucket: { references: ['var.bucket'] }, policy: { constant_value: '{}' } } }] } },
          },
        },
      },
    };
    const inventory = await terraformSource.read([{ path: 'old-plan.json', text: JSON.stringify(plan) }]);
    expect(inventory.problems.filter((problem) => problem.fatal)).toEqual([]);
    expect(inventory.sources).toEqual([{ file: 'old-plan.json', kind: 'terraform-plan', resources: 2 }]);
    const bucket = byId(inventory, 'aws_s3_bucket.logs');
    expect(bucket.properties['BucketName']).toBe('acme-logs');
    const policy = byId(inventory, 'module.app.aws_s3_bucket_policy.this');
    expect(isUnknown(policy.properties['Bucket']) || isReference(policy.properties['Bucket'])).toBe(true);
  });
});
