// Terraform resources read as the AWS provider reads them: its defaults where they differ from CloudFormation's,
// inline arguments that hold the same state as split resources, and split resources bound to their parent.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import { terraformSource } from '../../src/inventory/sources/terraform/index.js';
import { isUnknown } from '../../src/inventory/values.js';

const ROOT = '/virtual-provider-semantics';
const read = async (text: string, file = 'main/main.tf'): Promise<Inventory> => terraformSource.read([{ path: join(ROOT, file), text }]);
const plan = async (resources: Array<{ address: string; type: string; values: Record<string, unknown> }>): Promise<Inventory> =>
  terraformSource.read([
    {
      path: join(ROOT, 'plan.json'),
      text: JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: resources.map((entry) => ({ ...entry, mode: 'managed', name: entry.address.split('.')[1] })) } } }),
    },
  ]);
const byId = (inventory: Inventory, id: string): Resource => {
  const found = inventory.resources.find((resource) => resource.id === id);
  if (!found) throw new Error(`no ${id} in ${inventory.resources.map((resource) => resource.id).join(', ')}`);
  return found;
};
const ofType = (inventory: Inventory, type: string): Resource[] => inventory.resources.filter((resource) => resource.type === type);

describe('provider defaults', () => {
  it('reads an unset publicly_accessible as false in configuration, and keeps what a plan says', async () => {
    const configured = await read('resource "aws_db_instance" "db" {\n  identifier = "db"\n  engine     = "postgres"\n}\n');
    expect(byId(configured, 'aws_db_instance.db').properties['PubliclyAccessible']).toBe(false);
    const planned = await plan([{ address: 'aws_db_instance.db', type: 'aws_db_instance', values: { identifier: 'db', publicly_accessible: true } }]);
    expect(byId(planned, 'aws_db_instance.db').properties['PubliclyAccessible']).toBe(true);
  });

  it('makes a listener without protocol HTTP on an application load balancer only', async () => {
    const inventory = await read(
      [
        'resource "aws_lb" "alb" {\n  name = "alb"\n}',
        'resource "aws_lb" "nlb" {\n  name               = "nlb"\n  load_balancer_type = "network"\n}',
        'resource "aws_lb_listener" "web" {\n  load_balancer_arn = aws_lb.alb.arn\n  port = 80\n}',
        'resource "aws_lb_listener" "tcp" {\n  load_balancer_arn = aws_lb.nlb.arn\n  port = 80\n}',
        'resource "aws_lb_listener" "elsewhere" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/x/1"\n  port = 80\n}',
      ].join('\n'),
    );
    expect(byId(inventory, 'aws_lb_listener.web').properties['Protocol']).toBe('HTTP');
    expect(byId(inventory, 'aws_lb_listener.tcp').properties['Protocol']).toBeUndefined();
    expect(byId(inventory, 'aws_lb_listener.elsewhere').properties['Protocol']).toBeUndefined();
  });

  it('starts a configuration recorder only through a recorder status that enables it', async () => {
    const inventory = await read(
      [
        'resource "aws_config_configuration_recorder" "on" {\n  name = "on"\n  role_arn = "arn:aws:iam::111122223333:role/config"\n}',
        'resource "aws_config_configuration_recorder" "off" {\n  name = "off"\n  role_arn = "arn:aws:iam::111122223333:role/config"\n}',
        'resource "aws_config_configuration_recorder_status" "on" {\n  name       = aws_config_configuration_recorder.on.name\n  is_enabled = true\n}',
      ].join('\n'),
    );
    expect(byId(inventory, 'aws_config_configuration_recorder.on').properties['Recording']).toBe(true);
    expect(byId(inventory, 'aws_config_configuration_recorder.off').properties['Recording']).toBe(false);
  });
});

describe('inline arguments', () => {
  it('reads a heredoc queue policy with interpolations, keeping the open principal and the unknown parts', async () => {
    const inventory = await read(
      'variable "arn" {}\nresource "aws_sqs_queue" "q" {\n  name   = "q"\n  policy = <<EOF\n{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"${var.arn}"}]}\nEOF\n}\n',
    );
    const [policy] = ofType(inventory, 'AWS::SQS::QueuePolicy');
    const statement = (policy?.properties['PolicyDocument'] as { Statement: Array<Record<string, unknown>> }).Statement[0];
    expect(statement?.['Principal']).toBe('*');
    expect(isUnknown(statement?.['Resource'])).toBe(true);
  });

  it('turns ACL grants to the public groups into the canned ACL that exposes the same, and leaves other grants out', async () => {
    const grant = (uri: string, permissions: string): string => `  grant {\n    type        = "Group"\n    uri         = "${uri}"\n    permissions = [${permissions}]\n  }\n`;
    const inventory = await read(
      [
        `resource "aws_s3_bucket" "write" {\n  bucket = "w"\n${grant('http://acs.amazonaws.com/groups/global/AllUsers', '"READ", "WRITE"')}}`,
        `resource "aws_s3_bucket" "auth" {\n  bucket = "a"\n${grant('http://acs.amazonaws.com/groups/global/AuthenticatedUsers', '"READ"')}}`,
        `resource "aws_s3_bucket" "logs" {\n  bucket = "l"\n${grant('http://acs.amazonaws.com/groups/s3/LogDelivery', '"WRITE"')}}`,
      ].join('\n'),
    );
    expect(byId(inventory, 'aws_s3_bucket.write').properties['AccessControl']).toBe('PublicReadWrite');
    expect(byId(inventory, 'aws_s3_bucket.auth').properties['AccessControl']).toBe('AuthenticatedRead');
    expect(byId(inventory, 'aws_s3_bucket.logs').properties['AccessControl']).toBeUndefined();
  });

  it('attaches an AWS managed policy whose ARN is built from the partition as one entry, not as the whole list', async () => {
    const inventory = await read(
      'data "aws_partition" "p" {}\nresource "aws_iam_user" "u" {\n  name = "u"\n}\nresource "aws_iam_user_policy_attachment" "a" {\n  user       = aws_iam_user.u.name\n  policy_arn = "arn:${data.aws_partition.p.partition}:iam::aws:policy/AdministratorAccess"\n}\n',
    );
    const arns = byId(inventory, 'aws_iam_user.u').properties['ManagedPolicyArns'];
    expect(Array.isArray(arns) && arns.length === 1 && isUnknown(arns[0])).toBe(true);
  });
});

describe('split resources', () => {
  it('binds a split resource to the parent named by the same unknown expression, and only to a single one', async () => {
    const versioning = (name: string, value: string): string => `resource "aws_s3_bucket_versioning" "${name}" {\n  bucket = ${value}\n  versioning_configuration {\n    status = "Enabled"\n  }\n}`;
    const inventory = await read(
      [
        'variable "name" {}\nvariable "other" {}\nvariable "shared" {}',
        'resource "aws_s3_bucket" "b" {\n  bucket = var.name\n}',
        versioning('b', 'var.name'),
        versioning('stray', 'var.other'),
        'resource "aws_s3_bucket" "s1" {\n  bucket = var.shared\n}\nresource "aws_s3_bucket" "s2" {\n  bucket = var.shared\n}',
        versioning('shared', 'var.shared'),
      ].join('\n'),
    );
    expect(byId(inventory, 'aws_s3_bucket.b').properties['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    expect(byId(inventory, 'aws_s3_bucket.s1').properties['VersioningConfiguration']).toBeUndefined();
    expect(byId(inventory, 'aws_s3_bucket.s2').properties['VersioningConfiguration']).toBeUndefined();
    const unbound = inventory.problems.map((problem) => problem.message).filter((message) => message.includes('not in this scan'));
    expect(unbound.some((message) => message.startsWith('aws_s3_bucket_versioning.stray'))).toBe(true);
    expect(unbound.some((message) => message.startsWith('aws_s3_bucket_versioning.shared'))).toBe(true);
  });

  it('judges every source of a rule on a group outside the scan, IPv6 included, and keeps egress rules egress', async () => {
    const inventory = await read(
      [
        'resource "aws_security_group_rule" "in" {\n  type = "ingress"\n  security_group_id = "sg-1"\n  protocol = "tcp"\n  from_port = 22\n  to_port = 22\n  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]\n  ipv6_cidr_blocks = ["::/0"]\n}',
        'resource "aws_security_group_rule" "out" {\n  type = "egress"\n  security_group_id = "sg-1"\n  protocol = "tcp"\n  from_port = 22\n  to_port = 22\n  cidr_blocks = ["0.0.0.0/0"]\n}',
      ].join('\n'),
    );
    const sources = ofType(inventory, 'AWS::EC2::SecurityGroupIngress').map((rule) => rule.properties['CidrIp'] ?? rule.properties['CidrIpv6']);
    expect(sources.sort()).toEqual(['0.0.0.0/0', '10.0.0.0/8', '::/0']);
    expect(ofType(inventory, 'AWS::EC2::SecurityGroupEgress').map((rule) => rule.id)).toEqual(['aws_security_group_rule.out']);
  });
});
