import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/inventory/load-paths.js';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import { terraformSource } from '../../src/inventory/sources/terraform/index.js';
import { isRedacted, isReference, isUnknown, type PropValue } from '../../src/inventory/values.js';

const INPUTS = join(import.meta.dirname, 'inputs');

function byId(inventory: Inventory, id: string): Resource {
  const resource = inventory.resources.find((candidate) => candidate.id === id);
  if (!resource) throw new Error(`no resource ${id} in ${inventory.resources.map((item) => item.id).join(', ')}`);
  return resource;
}

/** Writes files into a fresh folder: `{ 'main.tf': '...', 'modules/x/main.tf': '...' }`. */
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'demarc-tf-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

const readText = async (files: Record<string, string>): Promise<Inventory> =>
  terraformSource.read(Object.entries(files).map(([path, text]) => ({ path: join('/virtual', path), text })));

describe('Terraform plan JSON', () => {
  it('reads root and nested child modules, addressed as Terraform does', async () => {
    const inventory = await loadPaths([join(INPUTS, 'plan-modules.json')]);
    expect(inventory.problems.filter((problem) => problem.fatal)).toEqual([]);
    expect(inventory.sources).toEqual([{ file: join(INPUTS, 'plan-modules.json'), kind: 'terraform-plan', resources: 5 }]);
    const group = byId(inventory, 'module.net.aws_security_group.web');
    expect(group.type).toBe('AWS::EC2::SecurityGroup');
    expect(group.origin.kind).toBe('terraform-plan');
    expect(group.properties['SecurityGroupIngress']).toEqual([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }]);
    // egress is computed and unset in the configuration: the provider's value, not missing evidence.
    expect(group.properties['SecurityGroupEgress']).toBeUndefined();
    const rule = byId(inventory, 'module.net.module.rules["ssh"].aws_vpc_security_group_ingress_rule.this');
    expect(rule.type).toBe('AWS::EC2::SecurityGroupIngress');
    expect(isUnknown(rule.properties['GroupId'])).toBe(true);
    expect(rule.properties['CidrIp']).toBe('0.0.0.0/0');
  });

  it('merges split S3 resources into the bucket through the references of the configuration', async () => {
    const inventory = await loadPaths([join(INPUTS, 'plan-modules.json')]);
    const bucket = byId(inventory, 'aws_s3_bucket.data');
    expect(bucket.name).toBe('acme-data');
    expect(bucket.properties['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    const encryption = bucket.properties['BucketEncryption'];
    expect(JSON.parse(JSON.stringify(encryption))).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { $ref: 'aws_kms_key.data', attribute: 'arn' } }, BucketKeyEnabled: true }],
    });
    expect(inventory.resources.some((resource) => resource.id === 'aws_s3_bucket_versioning.data')).toBe(false);
  });

  it('marks values known only after apply as unknown and never carries sensitive values', async () => {
    const inventory = await loadPaths([join(INPUTS, 'plan-modules.json')]);
    const database = byId(inventory, 'aws_db_instance.main');
    const password = database.properties['MasterUserPassword'];
    expect(isRedacted(password)).toBe(true);
    expect(JSON.stringify(inventory)).not.toContain('s3cr3t-password');
    expect(isUnknown(database.properties['KmsKeyId'])).toBe(false); // computed, unconfigured: the provider's default
    const key = byId(inventory, 'aws_kms_key.data');
    expect(key.properties['EnableKeyRotation']).toBe(true);
    expect(key.properties['KeyPolicy']).toBeUndefined();
  });

  it('turns after_unknown leaves into explicit unknowns', async () => {
    const plan = {
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ address: 'aws_cloudtrail.main', mode: 'managed', type: 'aws_cloudtrail', name: 'main', values: { name: 'main' } }] } },
      resource_changes: [
        { address: 'aws_cloudtrail.main', mode: 'managed', type: 'aws_cloudtrail', name: 'main', change: { actions: ['create'], before: null, after: { name: 'main', is_multi_region_trail: true }, after_unknown: { s3_bucket_name: true, kms_key_id: true }, after_sensitive: {} } },
      ],
      configuration: { root_module: { resources: [{ address: 'aws_cloudtrail.main', mode: 'managed', type: 'aws_cloudtrail', name: 'main', expressions: { name: { constant_value: 'main' }, s3_bucket_name: { references: ['var.bucket'] }, kms_key_id: { references: ['module.keys.arn', 'module.keys'] } } }] } },
    };
    const inventory = await terraformSource.read([{ path: 'plan.json', text: JSON.stringify(plan) }]);
    const trail = byId(inventory, 'aws_cloudtrail.main');
    const bucket = trail.properties['S3BucketName'];
    expect(isUnknown(bucket) && bucket.reason).toBe('known only after apply');
    expect(isUnknown(trail.properties['KMSKeyId'])).toBe(true);
    expect(trail.properties['IsMultiRegionTrail']).toBe(true);
  });

  it('reports an unsupported format version and truncated JSON, and keeps reading the other files', async () => {
    const inventory = await terraformSource.read([
      { path: 'old.json', text: JSON.stringify({ format_version: '2.0', planned_values: {} }) },
      { path: 'cut.json', text: '{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":' },
      { path: 'ok.json', text: JSON.stringify({ format_version: '1.1', planned_values: { root_module: { resources: [{ address: 'aws_sqs_queue.q', mode: 'managed', type: 'aws_sqs_queue', name: 'q', values: { name: 'q' } }] } } }) },
    ]);
    expect(inventory.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'old.json', fatal: true, message: expect.stringContaining('unsupported Terraform JSON format_version "2.0"') }),
        expect.objectContaining({ file: 'cut.json', fatal: true, line: 1, message: expect.stringContaining('truncated') }),
      ]),
    );
    expect(inventory.resources.map((resource) => resource.id)).toEqual(['aws_sqs_queue.q']);
  });
});

describe('Terraform state', () => {
  it('reads instances with their index keys and module prefix, and merges attachments and inline policies', async () => {
    const inventory = await loadPaths([join(INPUTS, 'terraform.tfstate')]);
    expect(inventory.sources[0]).toMatchObject({ kind: 'terraform-state', resources: 4 });
    const logs = byId(inventory, 'module.storage.aws_s3_bucket.this["logs"]');
    expect(logs.arn).toBe('arn:aws:s3:::acme-logs');
    // The provider v3 versioning block in state: versioning off, so MFA delete is not in effect either.
    expect(logs.properties['VersioningConfiguration']).toEqual({ MfaDelete: 'Disabled' });
    expect(logs.properties['BucketEncryption']).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: '' }, BucketKeyEnabled: false }] });
    const data = byId(inventory, 'module.storage.aws_s3_bucket.this["data"]');
    expect(data.properties['VersioningConfiguration']).toEqual({ Status: 'Enabled', MfaDelete: 'Disabled' });
    expect(data.properties['PublicAccessBlockConfiguration']).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    const role = byId(inventory, 'aws_iam_role.app');
    expect(role.properties['ManagedPolicyArns']).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(role.properties['Policies']).toEqual([{ PolicyName: 'all', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }]);
  });

  it('redacts sensitive attributes', async () => {
    const inventory = await loadPaths([join(INPUTS, 'terraform.tfstate')]);
    const fn = byId(inventory, 'aws_lambda_function.fn');
    expect(JSON.stringify(fn)).not.toContain('hunter2');
    expect(fn.properties['ReservedConcurrentExecutions']).toBeUndefined();
  });

  it('refuses other state versions', async () => {
    const inventory = await terraformSource.read([{ path: 'old.tfstate', text: JSON.stringify({ version: 3, terraform_version: '0.11.14', modules: [] }) }]);
    expect(inventory.problems[0]).toMatchObject({ file: 'old.tfstate', fatal: true, message: expect.stringContaining('unsupported Terraform state version 3') });
  });
});

describe('Terraform configuration', () => {
  it('resolves variables from tfvars, locals, interpolation and references, with file and line', async () => {
    const root = folder({
      'variables.tf': 'variable "env" {\n  type = string\n}\nvariable "retention" {\n  default = 7\n}\n',
      'terraform.tfvars': 'env = "prod"\n',
      'prod.auto.tfvars': 'retention = 35\n',
      'main.tf': [
        'locals {',
        '  prefix = "acme-${var.env}"',
        '}',
        '',
        'resource "aws_s3_bucket" "logs" {',
        '  bucket = "${local.prefix}-logs"',
        '}',
        '',
        'resource "aws_s3_bucket_logging" "logs" {',
        '  bucket        = aws_s3_bucket.logs.id',
        '  target_bucket = aws_s3_bucket.logs.bucket',
        '  target_prefix = "self/"',
        '}',
        '',
        'resource "aws_db_instance" "db" {',
        '  identifier              = "${local.prefix}-db"',
        '  backup_retention_period = var.retention',
        '  kms_key_id              = aws_kms_key.db.arn',
        '  storage_encrypted       = true',
        '}',
        '',
        'resource "aws_kms_key" "db" {',
        '  enable_key_rotation = true',
        '}',
      ].join('\n'),
    });
    const inventory = await loadPaths([root]);
    expect(inventory.problems).toEqual([]);
    const bucket = byId(inventory, 'aws_s3_bucket.logs');
    expect(bucket).toMatchObject({ name: 'acme-prod-logs', origin: { kind: 'terraform-config', file: join(root, 'main.tf'), line: 5 } });
    expect(bucket.properties['LoggingConfiguration']).toEqual({ DestinationBucketName: 'acme-prod-logs', LogFilePrefix: 'self/' });
    expect(bucket.origin.propertyLines?.['LoggingConfiguration']).toBe(9);
    const database = byId(inventory, 'aws_db_instance.db');
    expect(database.properties['BackupRetentionPeriod']).toBe(35);
    const key = database.properties['KmsKeyId'];
    expect(isReference(key) && key.target).toBe('aws_kms_key.db');
    expect(database.origin.propertyLines?.['BackupRetentionPeriod']).toBe(17);
  });

  it('expands count and for_each, follows local modules with their inputs, and reports remote ones', async () => {
    const root = folder({
      'main.tf': [
        'module "queues" {',
        '  source = "./modules/queues"',
        '  names  = ["orders", "invoices"]',
        '  kms    = "alias/aws/sqs"',
        '}',
        'module "vpc" {',
        '  source  = "terraform-aws-modules/vpc/aws"',
        '  version = "5.0.0"',
        '}',
        'resource "aws_sns_topic" "alerts" {',
        '  count = 2',
        '  name  = "alerts-${count.index}"',
        '}',
        'output "first" { value = module.queues.first }',
      ].join('\n'),
      'modules/queues/main.tf': [
        'variable "names" { type = list(string) }',
        'variable "kms" {}',
        'resource "aws_sqs_queue" "this" {',
        '  for_each          = toset(var.names)',
        '  name              = "q-${each.key}"',
        '  kms_master_key_id = var.kms',
        '}',
        'output "first" { value = aws_sqs_queue.this["orders"].name }',
      ].join('\n'),
    });
    const inventory = await loadPaths([root]);
    expect(inventory.resources.map((resource) => resource.id).sort()).toEqual([
      'aws_sns_topic.alerts[0]',
      'aws_sns_topic.alerts[1]',
      'module.queues.aws_sqs_queue.this["invoices"]',
      'module.queues.aws_sqs_queue.this["orders"]',
    ]);
    expect(byId(inventory, 'module.queues.aws_sqs_queue.this["orders"]').properties).toEqual({ QueueName: 'q-orders', KmsMasterKeyId: 'alias/aws/sqs' });
    expect(byId(inventory, 'aws_sns_topic.alerts[1]').name).toBe('alerts-1');
    expect(inventory.problems).toEqual([
      { file: join(root, 'main.tf'), line: 6, message: expect.stringMatching(/^module vpc \(source .*\) is not downloaded: .*counted as a collection gap$/), fatal: false },
    ]);
    expect(inventory.gaps).toEqual([{ resourceTypes: [], reason: expect.stringContaining('module vpc (source') }]);
  });

  it('follows local modules outside the scanned folder, through nested calls, and reports their syntax errors', async () => {
    const root = folder({
      'live/main.tf': 'module "app" {\n  source = "../modules/app"\n  name   = "orders"\n}\n',
      'modules/app/main.tf': 'variable "name" {}\nmodule "queue" {\n  source = "../queue"\n  name   = "${var.name}-q"\n}\n',
      'modules/queue/main.tf': 'variable "name" {}\nresource "aws_sqs_queue" "this" {\n  name = var.name\n}\n',
      'modules/queue/broken.tf': 'locals {\n  x = \n}\n',
    });
    const inventory = await loadPaths([join(root, 'live')]);
    expect(inventory.resources.map((resource) => [resource.id, resource.name])).toEqual([['module.app.module.queue.aws_sqs_queue.this', 'orders-q']]);
    expect(inventory.problems).toEqual([expect.objectContaining({ file: join(root, 'modules/queue/broken.tf'), line: 2, fatal: true, message: expect.stringContaining('HCL syntax error') })]);
  });

  it('reads a trail\'s "<log group arn>:*" as the log group, with its module address, and decodes base64 user data', async () => {
    const root = folder({
      'main.tf': 'module "audit" {\n  source = "./audit"\n}\n',
      'audit/main.tf': [
        'resource "aws_cloudwatch_log_group" "trail" {',
        '  name = "trail"',
        '}',
        'resource "aws_cloudtrail" "main" {',
        '  name                       = "main"',
        '  s3_bucket_name             = "acme-trail"',
        '  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"',
        '}',
        'resource "aws_launch_configuration" "worker" {',
        '  image_id         = "ami-0abcdef1234567890"',
        '  instance_type    = "t3.micro"',
        '  user_data_base64 = base64encode("#!/bin/bash\\nexport DB_PASSWORD=Sup3rS3cretValue\\n")',
        '}',
      ].join('\n'),
    });
    const inventory = await loadPaths([root]);
    // Kept as written, with the module address of the log group: the metric filter checks read the group from it.
    const group = byId(inventory, 'module.audit.aws_cloudtrail.main').properties['CloudWatchLogsLogGroupArn'];
    expect(isUnknown(group) && group.template).toBe('${module.audit.aws_cloudwatch_log_group.trail.arn}:*');
    const userData = byId(inventory, 'module.audit.aws_launch_configuration.worker').properties['UserData'];
    // User data is redacted whole; what survives is whether the decoded text looks like a secret (base64 does not).
    expect(isRedacted(userData) && userData.secretLike).toBe(true);
  });

  it('reads one .tf file alone when it is named explicitly', async () => {
    const root = folder({ 'a.tf': 'resource "aws_sqs_queue" "a" { name = "a" }\n', 'b.tf': 'resource "aws_sqs_queue" "b" { name = "b" }\n' });
    const inventory = await loadPaths([join(root, 'a.tf')]);
    expect(inventory.resources.map((resource) => resource.id)).toEqual(['aws_sqs_queue.a']);
  });

  it('renders aws_iam_policy_document data sources and jsonencode into IAM policy documents', async () => {
    const inventory = await readText({
      'main.tf': [
        'data "aws_iam_policy_document" "trust" {',
        '  statement {',
        '    actions = ["sts:AssumeRole"]',
        '    principals {',
        '      type        = "AWS"',
        '      identifiers = ["*"]',
        '    }',
        '    condition {',
        '      test     = "StringEquals"',
        '      variable = "sts:ExternalId"',
        '      values   = ["abc"]',
        '    }',
        '  }',
        '}',
        'resource "aws_iam_role" "r" {',
        '  name               = "r"',
        '  assume_role_policy = data.aws_iam_policy_document.trust.json',
        '}',
        'resource "aws_iam_policy" "p" {',
        '  name   = "p"',
        '  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }] })',
        '}',
      ].join('\n'),
    });
    expect(byId(inventory, 'aws_iam_role.r').properties['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '*' }, Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }],
    });
    expect(byId(inventory, 'aws_iam_policy.p').properties['PolicyDocument']).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] });
  });

  it('expands dynamic blocks over known collections and leaves the others unknown', async () => {
    const inventory = await readText({
      'main.tf': [
        'variable "ports" { default = [80, 443] }',
        'variable "extra" {}',
        'resource "aws_security_group" "known" {',
        '  dynamic "ingress" {',
        '    for_each = var.ports',
        '    content {',
        '      from_port   = ingress.value',
        '      to_port     = ingress.value',
        '      protocol    = "tcp"',
        '      cidr_blocks = ["0.0.0.0/0"]',
        '    }',
        '  }',
        '}',
        'resource "aws_security_group" "unknown" {',
        '  dynamic "ingress" {',
        '    for_each = var.extra',
        '    content {',
        '      from_port = ingress.value',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    });
    expect(byId(inventory, 'aws_security_group.known').properties['SecurityGroupIngress']).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
    ]);
    const unknown: PropValue | undefined = byId(inventory, 'aws_security_group.unknown').properties['SecurityGroupIngress'];
    expect(isUnknown(unknown) && unknown.reason).toContain('dynamic block ingress');
  });

  it('marks unresolved variables, cycles in locals and unknown functions as unknown with a reason', async () => {
    const inventory = await readText({
      'main.tf': [
        'variable "bucket" {}',
        'locals {',
        '  a = local.b',
        '  b = local.a',
        '}',
        'resource "aws_s3_bucket" "b" {',
        '  bucket = var.bucket',
        '  tags   = { a = local.a, t = timestamp() }',
        '}',
      ].join('\n'),
    });
    const bucket = byId(inventory, 'aws_s3_bucket.b');
    const name = bucket.properties['BucketName'];
    expect(isUnknown(name) && name.reason).toContain('variable bucket has no value');
    expect(JSON.stringify(bucket.properties['Tags'])).toContain('cycle in locals');
    expect(inventory.problems).toEqual([expect.objectContaining({ file: '/virtual/main.tf', line: 3, message: expect.stringContaining('cycle in locals: local.a → local.b → local.a') })]);
  });

  it('reports HCL syntax errors with file and line and still reads the other files', async () => {
    const inventory = await readText({
      'broken.tf': 'resource "aws_sqs_queue" "x" {\n  name = \n}\n',
      'ok.tf': 'resource "aws_sqs_queue" "y" {\n  name = "y"\n}\n',
    });
    expect(inventory.problems).toEqual([expect.objectContaining({ file: '/virtual/broken.tf', line: 2, fatal: true, message: expect.stringContaining('HCL syntax error') })]);
    expect(inventory.resources.map((resource) => resource.id)).toEqual(['aws_sqs_queue.y']);
  });

  it('lists resources of other providers and unmapped AWS types as skipped, not as errors', async () => {
    const inventory = await readText({ 'main.tf': 'resource "google_storage_bucket" "g" {\n  name = "g"\n}\nresource "aws_gamelift_alias" "a" {\n  name = "a"\n}\n' });
    expect(inventory.resources).toEqual([]);
    expect(inventory.problems.map((problem) => [problem.fatal, problem.message])).toEqual(expect.arrayContaining([
      [false, expect.stringContaining('providers other than AWS were skipped: google_storage_bucket')],
      [false, expect.stringContaining('AWS types demarc does not map yet were not checked: aws_gamelift_alias')],
    ]));
  });
});

describe('detection', () => {
  it('claims plans, state, .tf and .tfvars files but not CloudFormation templates', () => {
    expect(terraformSource.claims('plan.json', '{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{')).toBe(true);
    expect(terraformSource.claims('state.json', '{\n  "version": 4,\n  "terraform_version": "1.9.5",\n  "serial": 3,')).toBe(true);
    expect(terraformSource.claims('x.tfstate', '{}')).toBe(true);
    expect(terraformSource.claims('main.tf', '')).toBe(true);
    expect(terraformSource.claims('prod.tfvars', '')).toBe(true);
    expect(terraformSource.claims('template.json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}')).toBe(false);
    expect(terraformSource.claims('package.json', '{"name":"x","version":"4"}')).toBe(false);
  });
});
