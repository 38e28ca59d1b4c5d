import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scopeInventory, selectConfiguredChecks } from '../../src/config/apply.js';
import { failsAt } from '../../src/engine/summary.js';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import type { Framework } from '../../src/model/types.js';
import { BUCKETS, FIXTURES, NOW, TEST_CHECKS, configFile, configFrom, openSsh, runOn, scanWithConfig, suppressedIds, versioning } from './support.js';

const suppress = (resources: string, extra = ''): string =>
  `suppressions:\n  - check: test-bucket-versioning\n    resources: ${resources}\n    reason: accepted after review by the data owners\n${extra}`;

describe('suppressions', () => {
  it('match a resource by exact logical id, and keep the finding visible with its reason', async () => {
    const { result } = await scanWithConfig([BUCKETS], suppress('[LogsBucket]'));
    expect(suppressedIds(result)).toEqual(['LogsBucket']);
    const logs = result.findings.find((finding) => finding.resource.id === 'LogsBucket');
    expect(logs).toMatchObject({ status: 'fail', suppressed: { reason: 'accepted after review by the data owners' } });
    expect(result.summary.suppressed).toBe(1);
    expect(result.summary.customerFailures.medium).toBe(2);
  });

  it('match by physical name, never by a part of a name or id', async () => {
    const { result, warnings } = await scanWithConfig([BUCKETS], suppress('[web, Web, Logs]'));
    // `web` is WebBucket's name; it must not silence web-admin, WebBucket or WebAdminBucket by substring.
    expect(suppressedIds(result)).toEqual(['WebBucket']);
    expect(warnings).toEqual(['3 suppressions[0].resources[1]: "Web" matches no resource in this scan', '3 suppressions[0].resources[2]: "Logs" matches no resource in this scan']);
  });

  it('match by an explicit glob over ids and names', async () => {
    expect(suppressedIds((await scanWithConfig([BUCKETS], suppress('[{glob: "logs-*"}]'))).result)).toEqual(['LogsBucket']);
    expect(suppressedIds((await scanWithConfig([BUCKETS], suppress('[{glob: "Web*Bucket"}]'))).result)).toEqual(['WebAdminBucket', 'WebBucket']);
  });

  it('match by tags: every listed pair must be on the resource', async () => {
    const byTag = (tags: string) => `suppressions:\n  - check: test-bucket-versioning\n    tags: ${tags}\n    reason: sandbox data is disposable\n`;
    expect(suppressedIds((await scanWithConfig([BUCKETS], byTag('{env: sandbox}'))).result)).toEqual(['WebBucket']);
    expect(suppressedIds((await scanWithConfig([BUCKETS], byTag('{env: prod}'))).result)).toEqual(['LogsBucket', 'WebAdminBucket']);
    const none = await scanWithConfig([BUCKETS], byTag('{env: sandbox, team: data}'));
    expect(suppressedIds(none.result)).toEqual([]);
    expect(none.warnings).toEqual(['3 suppressions[0].tags: no resource in this scan carries these tags']);
  });

  it('match a check by glob, and only the checks the glob covers', async () => {
    const text = 'suppressions:\n  - check: "test-sg-*"\n    resources: [AdminOpenSG]\n    reason: bastion reachable only through the VPN appliance\n';
    const { result } = await scanWithConfig([BUCKETS, join(FIXTURES, 'admin-sg.yaml')], text);
    expect(result.findings.filter((finding) => finding.suppressed).map((finding) => finding.checkId)).toEqual(['test-sg-open-ssh']);
  });

  it('match live resources by ARN, within their account and region', () => {
    const bucket = (id: string, arn: string): Resource => ({ id: arn, scope: 'test', name: id, arn, type: 'AWS::S3::Bucket', account: '111122223333', region: 'eu-west-1', properties: {}, origin: { kind: 'aws' } });
    const inventory: Inventory = {
      resources: [bucket('logs', 'arn:aws:s3:::logs'), bucket('logs-archive', 'arn:aws:s3:::logs-archive')],
      gaps: [], problems: [], sources: [],
    };
    const exact = runOn(inventory, configFrom(suppress('["arn:aws:s3:::logs"]')));
    expect(suppressedIds(exact.result)).toEqual(['arn:aws:s3:::logs']);
    const glob = runOn(inventory, configFrom(suppress('[{glob: "arn:aws:s3:::logs*"}]')));
    expect(suppressedIds(glob.result)).toEqual(['arn:aws:s3:::logs', 'arn:aws:s3:::logs-archive']);
  });

  it('leave passing findings alone', async () => {
    const { result } = await scanWithConfig([BUCKETS], suppress('[ArchiveBucket]'));
    expect(result.findings.find((finding) => finding.resource.id === 'ArchiveBucket')?.suppressed).toBeUndefined();
  });

  it('stop applying once expired, and say so in the finding', async () => {
    const text = suppress('[LogsBucket]', '    expires: 2026-10-31\n');
    const active = await scanWithConfig([BUCKETS], text, new Date('2026-10-31T12:00:00Z'));
    expect(suppressedIds(active.result)).toEqual(['LogsBucket']);
    expect(active.result.findings.find((finding) => finding.suppressed)?.suppressed?.expires).toBe('2026-10-31');
    const lapsed = await scanWithConfig([BUCKETS], text, NOW);
    expect(suppressedIds(lapsed.result)).toEqual([]);
    const logs = lapsed.result.findings.find((finding) => finding.resource.id === 'LogsBucket');
    expect(logs?.message).toBe('versioning was never enabled (the suppression at demarc.config.yaml:2 expired on 2026-10-31: accepted after review by the data owners)');
  });

  it('take suppressed findings out of --fail-on', async () => {
    const all = '[LogsBucket, WebBucket, WebAdminBucket]';
    expect(failsAt((await scanWithConfig([BUCKETS], suppress('[LogsBucket]'))).result.findings, 'low')).toBe(true);
    expect(failsAt((await scanWithConfig([BUCKETS], suppress(all))).result.findings, 'low')).toBe(false);
  });

  it('warn when a check glob matches no check that ran', async () => {
    const text = 'suppressions:\n  - check: "test-rds-*"\n    resources: [LogsBucket]\n    reason: no database in this estate yet\n';
    const { warnings } = await scanWithConfig([BUCKETS], text);
    expect(warnings).toEqual(['2 suppressions[0].check: "test-rds-*" matches no check that ran in this scan']);
  });

  it('warn when everything matches but nothing is left to suppress', async () => {
    const { warnings } = await scanWithConfig([BUCKETS], suppress('[ArchiveBucket]'));
    expect(warnings).toEqual(['2 suppressions[0]: suppresses nothing in this scan: no failing, unknown or erroring finding matches it']);
  });
});

describe('attestations in the matrix', () => {
  const attest = (duty: string, expires: string) =>
    `attestations:\n  - duty: ${duty}\n    by: Security team\n    date: 2026-01-15\n    evidence: https://intranet.example/${duty}\n    expires: ${expires}\n`;
  const cell = (run: Awaited<ReturnType<typeof scanWithConfig>>, resource: string, layer: string) =>
    run.result.matrix.find((row) => row.resource.id === resource)?.cells.find((entry) => entry.layer === layer);

  it('mark the cells of the duty\'s layers as attested until they expire', async () => {
    const run = await scanWithConfig([BUCKETS], attest('encrypt-client-side', '2027-01-15'));
    expect(cell(run, 'LogsBucket', 'client-side-encryption')).toEqual({
      layer: 'client-side-encryption', owner: 'customer', status: 'attested', note: 'encrypt-client-side: attested by Security team until 2027-01-15',
    });
    // Other layers are untouched.
    expect(cell(run, 'LogsBucket', 'logging-monitoring')?.status).toBe('not-assessed');
  });

  it('show expired attestations as not-assessed, with a note', async () => {
    const run = await scanWithConfig([BUCKETS], attest('encrypt-client-side', '2026-06-30'));
    expect(cell(run, 'LogsBucket', 'client-side-encryption')).toEqual({
      layer: 'client-side-encryption', owner: 'customer', status: 'not-assessed',
      note: 'encrypt-client-side: the attestation by Security team expired on 2026-06-30; attest it again',
    });
  });

  it('cover only the duty\'s services', async () => {
    // patch-ec2-guest-os is about EC2 and Auto Scaling: a bucket's cells stay as they were.
    const run = await scanWithConfig([BUCKETS], attest('patch-ec2-guest-os', '2027-01-15'));
    expect(run.result.matrix.flatMap((row) => row.cells).some((entry) => entry.status === 'attested')).toBe(false);
  });

  it('never hide a failure', async () => {
    const run = await scanWithConfig([BUCKETS], attest('test-recovery', '2027-01-15'));
    expect(cell(run, 'LogsBucket', 'customer-data')?.status).toBe('fail');
  });
});

describe('severity overrides', () => {
  it('change the severity, say why in the message, and count for --fail-on', async () => {
    const text = 'severity:\n  - check: "test-bucket-*"\n    severity: low\n    reason: versions are kept by the backup plan instead\n';
    const { result } = await scanWithConfig([BUCKETS], text);
    const logs = result.findings.find((finding) => finding.resource.id === 'LogsBucket');
    expect(logs?.severity).toBe('low');
    expect(logs?.message).toBe('versioning was never enabled [severity low instead of medium (demarc.config.yaml:2): versions are kept by the backup plan instead]');
    expect(result.findings.find((finding) => finding.resource.id === 'ArchiveBucket')?.message).toBe('versioning is enabled');
    expect(failsAt(result.findings, 'medium')).toBe(false);
    expect(failsAt(result.findings, 'low')).toBe(true);
  });
});

describe('scope', () => {
  it('narrows the inventory by tags', async () => {
    const { result } = await scanWithConfig([BUCKETS], 'scope:\n  tags:\n    include: {env: prod}\n');
    expect(result.matrix.map((row) => row.resource.id).sort()).toEqual(['LogsBucket', 'WebAdminBucket']);
    const excluded = await scanWithConfig([BUCKETS], 'scope:\n  tags:\n    exclude: {env: sandbox}\n');
    expect(excluded.result.matrix.map((row) => row.resource.id)).not.toContain('WebBucket');
  });

  it('narrows live resources by region and account, and keeps template resources that name neither', () => {
    const make = (id: string, region?: string, account?: string): Resource => ({ id, scope: 'test', type: 'AWS::S3::Bucket', properties: {}, origin: { kind: 'aws' }, ...(region ? { region } : {}), ...(account ? { account } : {}) });
    const inventory: Inventory = {
      resources: [make('a', 'eu-west-1', '111122223333'), make('b', 'us-east-1', '111122223333'), make('c', 'eu-west-1', '444455556666'), make('d')],
      gaps: [{ resourceTypes: ['AWS::S3::Bucket'], reason: 'denied', region: 'us-east-1' }], problems: [], sources: [],
    };
    const config = configFrom('scope:\n  regions: [eu-west-1]\n  accounts: ["111122223333"]\n');
    const scoped = scopeInventory(inventory, config.scope);
    expect(scoped.resources.map((resource) => resource.id)).toEqual(['a', 'd']);
    expect(scoped.gaps).toEqual([]);
  });

  it('enables and disables checks by id, glob, service and framework', () => {
    const framework: Framework = { id: 'test-fw', title: 't', version: '1', description: 'd', items: [{ id: '1', title: 'i', automated: true, checks: ['test-sg-open-ssh'], duties: [] }] };
    const select = (text: string) => selectConfiguredChecks(TEST_CHECKS, configFrom(text), [framework]).map((check) => check.id);
    expect(select('')).toEqual([versioning.id, openSsh.id]);
    expect(select('checks:\n  disable: ["test-sg-*"]\n')).toEqual([versioning.id]);
    expect(select('checks:\n  enable: [test-bucket-versioning]\n')).toEqual([versioning.id]);
    expect(select('services:\n  enable: [vpc]\n')).toEqual([openSsh.id]);
    expect(select('services:\n  disable: [s3]\n')).toEqual([openSsh.id]);
    expect(select('checks:\n  enable: [test-bucket-versioning]\nservices:\n  enable: [vpc]\n')).toEqual([versioning.id, openSsh.id]);
    const withFramework = configFrom('');
    withFramework.frameworks.enable = ['test-fw'];
    expect(selectConfiguredChecks(TEST_CHECKS, withFramework, [framework]).map((check) => check.id)).toEqual([openSsh.id]);
  });
});

describe('the issue\'s example file', () => {
  it('suppresses AdminOpenSG for every check and attests the duty', async () => {
    const text = configFile('issue-example.yaml').replace('train-staff', 'incident-response-plan');
    const run = await scanWithConfig([join(FIXTURES, 'admin-sg.yaml')], text);
    expect(suppressedIds(run.result)).toEqual(['AdminOpenSG']);
    expect(run.result.findings.find((finding) => finding.suppressed)?.suppressed).toEqual({ reason: 'bastion reachable only through the VPN appliance', expires: '2027-06-30' });
    const logging = run.result.matrix.find((row) => row.resource.id === 'AppSG')?.cells.find((entry) => entry.layer === 'logging-monitoring');
    expect(logging?.status).toBe('attested');
    expect(run.warnings).toEqual([]);
  });
});
