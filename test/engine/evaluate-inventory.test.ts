import { describe, expect, it } from 'vitest';
import { defineCheck, fail, pass } from '../../src/checks/define-check.js';
import type { Check } from '../../src/checks/types.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import { failsAt } from '../../src/engine/summary.js';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import { at, str } from '../../src/inventory/readers.js';

const NOW = new Date('2026-11-01T00:00:00Z');

function bucket(id: string, status: string | undefined, extra: Partial<Resource> = {}): Resource {
  return {
    id, scope: 'test',
    type: 'AWS::S3::Bucket',
    properties: status === undefined ? {} : { VersioningConfiguration: { Status: status } },
    origin: { kind: 'cloudformation', file: 'app.yaml', line: 10, propertyLines: { 'VersioningConfiguration.Status': 12 } },
    ...extra,
  };
}

const versioning = defineCheck({
  id: 'test-versioning', title: 'versioning', service: 's3', resourceTypes: ['AWS::S3::Bucket'], layer: 'customer-data',
  control: 'business-continuity', duty: 'back-up-data', severity: 'high', rationale: 'r',
  remediation: { console: 'c', cloudformation: 'f', terraform: 't' },
  evaluate: (resource) => (str(at(resource.properties, 'VersioningConfiguration', 'Status')) === 'Enabled' ? pass('on', 'VersioningConfiguration.Status') : fail('off', 'VersioningConfiguration.Status')),
});

const throwing = defineCheck({
  ...versioning, id: 'test-throws', layer: 'encryption-at-rest',
  evaluate: () => { throw new Error('boom'); },
});

const accountLevel = defineCheck({
  ...versioning, id: 'test-account', resourceTypes: ['Demarc::S3::AccountPublicAccessBlock'], layer: 'network-config',
});

function inventoryOf(resources: Resource[], extra: Partial<Inventory> = {}): Inventory {
  return { resources, gaps: [], problems: [], sources: [{ file: 'app.yaml', kind: 'cloudformation', resources: resources.length }], ...extra };
}

function run(resources: Resource[], checks: Check[] = [versioning], extra: Partial<Inventory> = {}) {
  return evaluateInventory(inventoryOf(resources, extra), { checks, now: NOW });
}

describe('evaluateInventory', () => {
  it('gives each finding the owner of its layer for the resource\'s service, and the line of its property', () => {
    const result = run([bucket('Docs', 'Enabled'), bucket('Logs', undefined)]);
    expect(result.findings.map((finding) => [finding.resource.id, finding.status, finding.owner, finding.location?.line])).toEqual([
      ['Docs', 'pass', 'customer', 12],
      ['Logs', 'fail', 'customer', 12],
    ]);
    expect(result.findings[0]?.resource.service).toBe('s3');
    expect(result.summary.customerFailures.high).toBe(1);
  });

  it('records a throwing check as error and keeps the other checks\' results', () => {
    const result = run([bucket('Docs', 'Enabled')], [throwing, versioning]);
    expect(result.findings.map((finding) => [finding.checkId, finding.status])).toEqual([
      ['test-throws', 'error'],
      ['test-versioning', 'pass'],
    ]);
    expect(result.findings[0]?.message).toBe('the check failed: boom');
  });

  it('attributes findings on resources the customer cannot change to the provider, out of the failure count', () => {
    const managed = bucket('aws-managed', undefined, { managedBy: { owner: 'provider', reason: 'created by an AWS-managed stack' } });
    const result = run([managed]);
    expect(result.findings[0]).toMatchObject({ status: 'fail', owner: 'provider', attribution: 'created by an AWS-managed stack' });
    expect(result.summary.customerFailures.high).toBe(0);
    expect(result.summary.providerAttributed).toBe(1);
    expect(failsAt(result.findings, 'info')).toBe(false);
  });

  it('turns a collection gap for a checked type into an unknown finding, never a pass', () => {
    const result = run([], [versioning], {
      gaps: [{ resourceTypes: ['AWS::S3::Bucket'], reason: 'AccessDenied', account: '111122223333', region: 'us-east-1', call: 's3:ListBuckets' }],
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ status: 'unknown', message: 'not collected (s3:ListBuckets): AccessDenied' });
    expect(result.findings[0]?.resource.id).toBe('111122223333/us-east-1:AWS::S3::Bucket');
  });

  it('says why a check evaluated nothing', () => {
    const result = run([bucket('Docs', 'Enabled')], [versioning, accountLevel]);
    expect(result.coverage.checks).toEqual([
      { checkId: 'test-versioning', evaluated: 1 },
      { checkId: 'test-account', evaluated: 0, reason: 'needs account-level data that only a live scan (--aws) can read' },
    ]);
  });

  it('lists resources of types the model does not know as not covered', () => {
    const custom: Resource = { id: 'Seeder', scope: 'test', type: 'Custom::Seeder', properties: {}, origin: { kind: 'cloudformation', file: 'app.yaml', line: 40 } };
    const result = run([bucket('Docs', 'Enabled'), custom]);
    expect(result.coverage.uncovered).toEqual([{ id: 'Seeder', type: 'Custom::Seeder', file: 'app.yaml', line: 40 }]);
    expect(result.matrix.map((row) => row.resource.id)).toEqual(['Docs']);
  });
});

describe('the responsibility matrix', () => {
  it('fills each cell with owner and status: inherited, checked, not assessed or absent', () => {
    const result = run([bucket('Logs', 'Suspended')]);
    const cells = Object.fromEntries(result.matrix[0]?.cells.map((cell) => [cell.layer, `${cell.owner}:${cell.status}`]) ?? []);
    expect(cells).toMatchObject({
      facilities: 'provider:inherited',
      'guest-os': 'provider:inherited',
      application: 'none:not-applicable',
      'customer-data': 'customer:fail',
      'encryption-at-rest': 'shared:not-assessed',
      'identity-access': 'customer:not-assessed',
    });
  });

  it('shows an attested duty as attested where no check covers the cell', () => {
    const result = evaluateInventory(inventoryOf([bucket('Docs', 'Enabled')]), {
      checks: [versioning], now: NOW,
      attestations: [{ duty: 'encrypt-client-side', layers: ['client-side-encryption'], services: [], by: 'Security team', expires: '2027-11-01' }],
    });
    const cell = result.matrix[0]?.cells.find((entry) => entry.layer === 'client-side-encryption');
    expect(cell).toEqual({ layer: 'client-side-encryption', owner: 'customer', status: 'attested', note: 'encrypt-client-side: attested by Security team until 2027-11-01' });
  });

  it('places a finding whose resource reference was copied (by an adjustment) in its resource\'s row all the same', () => {
    const result = evaluateInventory(inventoryOf([bucket('Logs', 'Suspended'), bucket('Docs', 'Enabled')]), {
      checks: [versioning], now: NOW,
      adjustFinding: (finding) => (finding.resource.id === 'Logs' ? { ...finding, resource: { ...finding.resource } } : finding),
    });
    const statusOf = (id: string) => result.matrix.find((row) => row.resource.id === id)?.cells.find((cell) => cell.layer === 'customer-data')?.status;
    expect(statusOf('Logs')).toBe('fail');
    expect(statusOf('Docs')).toBe('pass');
  });

  it('shares the cells most rows have, frozen so that no reader can change every row at once', () => {
    const result = run([bucket('Docs', 'Enabled'), bucket('Logs', 'Enabled')]);
    const [first, second] = result.matrix.map((row) => row.cells.find((cell) => cell.layer === 'hardware'));
    expect(first).toBe(second);
    expect(Object.isFrozen(first)).toBe(true);
    expect(JSON.stringify(result.findings[0]?.resource)).not.toContain('inventory');
  });

  it('summarises each layer over the estate with its worst status', () => {
    const result = run([bucket('Docs', 'Enabled'), bucket('Logs', undefined)]);
    const data = result.layers.find((layer) => layer.layer === 'customer-data');
    expect(data).toEqual({ layer: 'customer-data', owner: 'customer', status: 'fail', counts: { pass: 1, fail: 1 } });
    expect(result.layers.find((layer) => layer.layer === 'hardware')?.owner).toBe('provider');
  });
});

describe('failsAt', () => {
  it('fails only on customer failures at or above the threshold', () => {
    const result = run([bucket('Logs', undefined)]);
    expect(failsAt(result.findings, 'critical')).toBe(false);
    expect(failsAt(result.findings, 'high')).toBe(true);
    expect(failsAt(result.findings, 'low')).toBe(true);
  });
});

describe('quiet by design: resources the customer cannot change', () => {
  const role = (id: string, path: string): Resource => ({
    id, scope: 'test', type: 'AWS::IAM::Role', properties: { Path: path }, origin: { kind: 'aws' }, arn: `arn:aws:iam::111122223333:role${path}${id}`,
  });
  const roleCheck = defineCheck({
    ...versioning, id: 'test-role', service: 'iam', resourceTypes: ['AWS::IAM::Role'], layer: 'identity-access',
    evaluate: () => fail('trust policy too broad'),
  });

  it('attributes findings on service-linked roles to AWS with a note, and keeps customer roles with the customer', () => {
    const result = run([role('AWSServiceRoleForSupport', '/aws-service-role/support.amazonaws.com/'), role('deployer', '/')], [roleCheck]);
    expect(result.findings.map((finding) => [finding.resource.id, finding.owner, finding.attribution])).toEqual([
      ['AWSServiceRoleForSupport', 'provider', 'a service-linked role: AWS defines its permissions and trust policy'],
      ['deployer', 'customer', undefined],
    ]);
    expect(result.summary.customerFailures.high).toBe(1);
    expect(result.summary.providerAttributed).toBe(1);
    const cell = result.matrix[0]?.cells.find((entry) => entry.layer === 'identity-access');
    expect(cell?.owner).toBe('provider');
  });

  it('recognises AWS-managed policies and resources of AWS-managed stacks', () => {
    const policy: Resource = { id: 'arn:aws:iam::aws:policy/ReadOnlyAccess', scope: 'test', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', type: 'AWS::IAM::ManagedPolicy', properties: {}, origin: { kind: 'aws' } };
    const stackBucket = bucket('ct-logs', undefined, { properties: { Tags: [{ Key: 'aws:cloudformation:stack-name', Value: 'StackSet-AWSControlTowerBP-BASELINE-CLOUDTRAIL-1234' }] } });
    const policyCheck = defineCheck({ ...roleCheck, id: 'test-policy', resourceTypes: ['AWS::IAM::ManagedPolicy'], evaluate: () => fail('wide') });
    const result = run([policy, stackBucket], [policyCheck, versioning]);
    expect(result.findings.map((finding) => finding.owner)).toEqual(['provider', 'provider']);
    expect(result.summary.providerAttributed).toBe(2);
  });
});

describe('missing related evidence', () => {
  it('turns an account-level verdict into unknown when a type it reads could not be collected', async () => {
    const { allChecks } = await import('../../src/checks/index.js');
    const check = allChecks.find((candidate) => candidate.id === 'iam-support-role-exists');
    if (!check) throw new Error('iam-support-role-exists is missing');
    const root: Resource = { id: 'arn:aws:iam::111122223333:root', scope: 'aws://111122223333', type: 'Demarc::IAM::RootAccount', account: '111122223333', properties: { MfaActive: true }, origin: { kind: 'aws' } };
    const inventory: Inventory = { resources: [root], gaps: [], problems: [], sources: [{ file: 'aws://111122223333', kind: 'aws', resources: 1 }] };
    const judged = (gaps: Inventory['gaps']) => evaluateInventory({ ...inventory, gaps }, { checks: [check], now: NOW }).findings.filter((finding) => finding.resource.id === root.id);
    expect(judged([]).map((finding) => finding.status)).toEqual(['fail']);
    const denied = judged([{ resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::ManagedPolicy'], reason: 'AccessDenied', account: '111122223333', call: 'iam:GetAccountAuthorizationDetails' }]);
    expect(denied.map((finding) => finding.status)).toEqual(['unknown']);
    expect(denied[0]?.message).toContain('iam:GetAccountAuthorizationDetails');
  });
});
