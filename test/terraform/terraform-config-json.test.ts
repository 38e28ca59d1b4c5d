import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/inventory/load-paths.js';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import { cloudFormationSource } from '../../src/inventory/sources/cloudformation/index.js';
import { terraformSource } from '../../src/inventory/sources/terraform/index.js';
import { isReference, isUnknown } from '../../src/inventory/values.js';

function byId(inventory: Inventory, id: string): Resource {
  const resource = inventory.resources.find((candidate) => candidate.id === id);
  if (!resource) throw new Error(`no resource ${id} in ${inventory.resources.map((item) => item.id).join(', ')}`);
  return resource;
}

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'demarc-tfjson-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The line of the first line of `text` that contains `needle`. */
const lineWith = (text: string, needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('references into nested blocks of another resource', () => {
  it('resolves values the configuration gives statically: literals, variables, locals and templates of them', async () => {
    const root = folder({
      'main.tf': [
        'variable "namespace" {',
        '  default = "CISBenchmark"',
        '}',
        'locals {',
        '  prefix = "org"',
        '}',
        'resource "aws_cloudwatch_log_group" "trail" {',
        '  name = "${local.prefix}-trail"',
        '}',
        'resource "aws_cloudwatch_log_metric_filter" "changes" {',
        '  name           = "TrailChanges"',
        '  log_group_name = aws_cloudwatch_log_group.trail.name',
        '  pattern        = "{ $.eventName = StopLogging }"',
        '  metric_transformation {',
        '    name      = "${aws_cloudwatch_log_group.trail.name}-changes"',
        '    namespace = var.namespace',
        '    value     = "1"',
        '  }',
        '}',
        'resource "aws_cloudwatch_metric_alarm" "changes" {',
        '  alarm_name          = "changes"',
        '  metric_name         = aws_cloudwatch_log_metric_filter.changes.metric_transformation[0].name',
        '  namespace           = aws_cloudwatch_log_metric_filter.changes.metric_transformation.0.namespace',
        '  statistic           = "Sum"',
        '  period              = 300',
        '  evaluation_periods  = 1',
        '  threshold           = 1',
        '  comparison_operator = "GreaterThanOrEqualToThreshold"',
        '}',
      ].join('\n'),
    });
    const inventory = await loadPaths([root]);
    expect(inventory.problems).toEqual([]);
    const alarm = byId(inventory, 'aws_cloudwatch_metric_alarm.changes');
    expect(alarm.properties).toMatchObject({ MetricName: 'org-trail-changes', Namespace: 'CISBenchmark' });
  });

  it('keeps what is known only after apply unknown, and a reference where the whole value is one', async () => {
    const root = folder({
      'main.tf': [
        'resource "aws_s3_bucket" "logs" {',
        '  bucket_prefix = "lb-logs-"',
        '}',
        'resource "aws_lb" "main" {',
        '  name               = "main"',
        '  load_balancer_type = "application"',
        '  subnets            = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]',
        '  access_logs {',
        '    bucket  = aws_s3_bucket.logs.id',
        '    enabled = true',
        '  }',
        '}',
        'resource "aws_cloudwatch_log_group" "bucket" {',
        '  name = aws_lb.main.access_logs[0].bucket',
        '}',
        'resource "aws_cloudwatch_log_group" "lb" {',
        '  name       = "lb-${aws_lb.main.access_logs[0].prefix}"',
        '  kms_key_id = aws_lb.main.arn',
        '}',
      ].join('\n'),
    });
    const inventory = await loadPaths([root]);
    const group = byId(inventory, 'aws_cloudwatch_log_group.lb');
    // access_logs.prefix is not configured: the provider decides it, so it stays unknown.
    const name = group.properties['LogGroupName'];
    expect(isUnknown(name) && name.reason).toMatch(/access_logs\[0\]\.prefix is known only after apply/);
    const key = group.properties['KmsKeyId'];
    expect(isReference(key) && [key.target, key.attribute]).toEqual(['aws_lb.main', 'arn']);
    // The bucket named by the load balancer is the bucket's id, which Terraform knows only after apply.
    const bucket = byId(inventory, 'aws_cloudwatch_log_group.bucket').properties['LogGroupName'];
    expect(isUnknown(bucket) && bucket.reason).toMatch(/access_logs\[0\]\.bucket is known only after apply/);
  });
});

const CDKTF_STACK = {
  '//': { metadata: { backend: 'local', stackName: 'audit', version: '0.20.8' }, outputs: {} },
  provider: { aws: [{ region: 'eu-west-1' }] },
  terraform: { required_providers: { aws: { source: 'aws', version: '5.62.0' } } },
  variable: { env: { type: 'string', default: 'dev' }, retention: { type: 'number', default: 7 } },
  locals: { prefix: 'acme-${var.env}' },
  resource: {
    aws_s3_bucket: {
      logs: {
        '//': { metadata: { path: 'audit/logs', uniqueId: 'logs' } },
        bucket: '${local.prefix}-logs',
        tags: { Team: 'security' },
      },
    },
    aws_s3_bucket_versioning: {
      logs: { bucket: '${aws_s3_bucket.logs.id}', versioning_configuration: { status: 'Enabled' } },
    },
    aws_s3_bucket_public_access_block: {
      logs: { bucket: '${aws_s3_bucket.logs.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
    },
    aws_cloudwatch_log_group: { trail: { name: '${local.prefix}-trail', retention_in_days: '${var.retention}' } },
    aws_cloudwatch_log_metric_filter: {
      changes: {
        name: 'TrailChanges',
        log_group_name: '${aws_cloudwatch_log_group.trail.name}',
        pattern: '{ ($.eventName = StopLogging) || ($.eventName = DeleteTrail) }',
        metric_transformation: [{ name: 'TrailChanges', namespace: 'CISBenchmark', value: '1' }],
      },
    },
    aws_cloudwatch_metric_alarm: {
      changes: {
        alarm_name: 'trail-changes',
        metric_name: '${aws_cloudwatch_log_metric_filter.changes.metric_transformation[0].name}',
        namespace: '${aws_cloudwatch_log_metric_filter.changes.metric_transformation[0].namespace}',
        statistic: 'Sum',
        period: 300,
        evaluation_periods: 1,
        threshold: 1,
        comparison_operator: 'GreaterThanOrEqualToThreshold',
      },
    },
    aws_security_group: {
      web: {
        name: 'web',
        ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], description: 'ssh', ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }],
      },
    },
  },
  module: { network: { source: './network', cidr: '10.0.0.0/16' } },
  output: { bucket: { value: '${aws_s3_bucket.logs.bucket}' } },
};

describe('Terraform JSON configuration (.tf.json)', () => {
  it('reads resources, variables from .tfvars.json, locals and local modules, with the line of each key', async () => {
    const text = json(CDKTF_STACK);
    const root = folder({
      'cdk.tf.json': text,
      'terraform.tfvars.json': json({ env: 'prod' }),
      'network/main.tf.json': json({
        variable: { cidr: {} },
        resource: { aws_vpc: { main: { cidr_block: '${var.cidr}', enable_dns_support: true } } },
      }),
    });
    const inventory = await loadPaths([root]);
    expect(inventory.problems).toEqual([]);
    expect(inventory.sources).toContainEqual({ file: join(root, 'cdk.tf.json'), kind: 'terraform-config', resources: expect.any(Number) as number });

    const bucket = byId(inventory, 'aws_s3_bucket.logs');
    expect(bucket).toMatchObject({ type: 'AWS::S3::Bucket', name: 'acme-prod-logs', origin: { kind: 'terraform-config', file: join(root, 'cdk.tf.json') } });
    expect(bucket.origin.line).toBe(lineWith(text, '"logs": {'));
    expect(bucket.properties['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    expect(bucket.properties['PublicAccessBlockConfiguration']).toMatchObject({ BlockPublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.properties['Tags']).toEqual([{ Key: 'Team', Value: 'security' }]);
    expect(bucket.origin.propertyLines?.['Tags']).toBe(lineWith(text, '"tags": {'));

    expect(byId(inventory, 'aws_cloudwatch_log_group.trail').properties).toMatchObject({ LogGroupName: 'acme-prod-trail', RetentionInDays: 7 });
    expect(byId(inventory, 'aws_cloudwatch_metric_alarm.changes').properties).toMatchObject({ MetricName: 'TrailChanges', Namespace: 'CISBenchmark' });
    const group = byId(inventory, 'aws_security_group.web');
    expect(group.properties['SecurityGroupIngress']).toMatchObject([{ CidrIp: '0.0.0.0/0', FromPort: 22, ToPort: 22, IpProtocol: 'tcp' }]);
    expect(group.origin.line).toBe(lineWith(text, '"web": {'));

    const vpc = byId(inventory, 'module.network.aws_vpc.main');
    expect(vpc.properties).toMatchObject({ CidrBlock: '10.0.0.0/16' });
    expect(vpc.origin).toMatchObject({ file: join(root, 'network', 'main.tf.json'), line: 7 });
  });

  it('reads a .tf.json file named explicitly, and reads single nested blocks given as objects', async () => {
    const root = folder({
      'trail.tf.json': json({
        resource: {
          aws_cloudtrail: {
            main: {
              name: 'main',
              s3_bucket_name: 'acme-trail',
              is_multi_region_trail: true,
              event_selector: { read_write_type: 'All', include_management_events: true },
            },
          },
        },
      }),
    });
    const inventory = await loadPaths([join(root, 'trail.tf.json')]);
    expect(inventory.problems).toEqual([]);
    const trail = byId(inventory, 'aws_cloudtrail.main');
    expect(trail.properties).toMatchObject({ TrailName: 'main', IsMultiRegionTrail: true, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
    expect(trail.origin.line).toBe(4);
  });

  it('reports JSON syntax errors with file and line and still reads the other files', async () => {
    const root = folder({
      'broken.tf.json': '{\n  "resource": {\n    "aws_s3_bucket": {\n      "a": { "bucket": "x", }\n    }\n  }\n}\n',
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
    });
    const inventory = await loadPaths([root]);
    expect(byId(inventory, 'aws_s3_bucket.b').name).toBe('b');
    expect(inventory.problems).toEqual([expect.objectContaining({ file: join(root, 'broken.tf.json'), line: 4, fatal: true, message: expect.stringMatching(/^JSON syntax error/) as string })]);
  });

  it('is claimed by the Terraform source, never by the CloudFormation one', () => {
    const head = json(CDKTF_STACK);
    expect(terraformSource.claims('stack/cdk.tf.json', head)).toBe(true);
    expect(terraformSource.claims('terraform.tfvars.json', '{"env":"prod"}')).toBe(true);
    expect(cloudFormationSource.claims('stack/cdk.tf.json', head)).toBe(false);
    expect(terraformSource.claims('template.json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}')).toBe(false);
  });
});
