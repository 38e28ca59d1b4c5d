import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const FIXTURES = 'test/cli/fixtures';
const UNVERSIONED = `${FIXTURES}/unversioned-bucket.yaml`;
const VERSIONED = `${FIXTURES}/versioned-bucket.yaml`;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('demarc demo', () => {
  it('scans the bundled example and prints matrix, findings by owner and layer, and a summary', async () => {
    const run = await runCli(['demo']);
    expect(run.code).toBe(0);
    const matrixAt = run.stdout.indexOf('Responsibility matrix');
    const findingsAt = run.stdout.indexOf('Findings');
    const summaryAt = run.stdout.indexOf('Summary');
    expect(matrixAt).toBeGreaterThanOrEqual(0);
    expect(findingsAt).toBeGreaterThan(matrixAt);
    expect(summaryAt).toBeGreaterThan(findingsAt);
    expect(run.stdout).toContain('Customer · customer-data');
    expect(run.stdout).toContain('examples/three-tier-app.yaml:');
    expect(run.stdout).toContain('SeedDatabase (Custom::DatabaseSeeder)');
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stdout).not.toContain('sk_live_');
    expect(run.stdout).not.toContain('hunter2');
  });

  it('colours only for a terminal, and never with NO_COLOR', async () => {
    expect((await runCli(['demo'], { stdoutIsTty: true })).stdout).toMatch(ANSI);
    expect((await runCli(['demo'], { stdoutIsTty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli(['demo', '--no-color'], { stdoutIsTty: true })).stdout).not.toMatch(ANSI);
  });
});

describe('demarc scan', () => {
  it('prints JSON with findings and the matrix in the documented shape', async () => {
    const run = await runCli(['scan', UNVERSIONED, '--format', 'json', '--check', 's3-bucket-versioning']);
    const result = JSON.parse(run.stdout);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      checkId: 's3-bucket-versioning',
      resource: { id: 'Reports', type: 'AWS::S3::Bucket', name: 'quarterly-reports' },
      status: 'fail',
      severity: 'medium',
      layer: 'customer-data',
      owner: 'customer',
      message: 'versioning was never enabled',
      location: { file: UNVERSIONED, line: 3 },
    });
    expect(result.matrix[0].resource.id).toBe('Reports');
    expect(result.matrix[0].cells).toHaveLength(14);
  });

  it('exits 1 on customer failures at or above --fail-on, 0 below it or with none', async () => {
    const base = ['scan', UNVERSIONED, '--check', 's3-bucket-versioning'];
    expect((await runCli([...base])).code).toBe(1);
    expect((await runCli([...base, '--fail-on', 'medium'])).code).toBe(1);
    expect((await runCli([...base, '--fail-on', 'high'])).code).toBe(0);
    expect((await runCli([...base, '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['scan', VERSIONED, '--check', 's3-bucket-versioning'])).code).toBe(0);
  });

  it('exits 2 with a one-line message when nothing can be read, and scans the rest when something can', async () => {
    const missing = await runCli(['scan', 'no/such/template.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('demarc: error: no/such/template.yaml: cannot read: no such file or folder\n');
    const mixed = await runCli(['scan', 'no/such/template.yaml', VERSIONED, '--check', 's3-bucket-versioning']);
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toContain('no/such/template.yaml');
    expect(mixed.stdout).toContain('Archive');
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await runCli(['scan', VERSIONED, '--fail-on', 'severe'])).code).toBe(2);
    expect((await runCli(['scan', VERSIONED, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['scan', VERSIONED, '--check', 'no-such-check'])).stderr).toContain('no check matches no-such-check');
    expect((await runCli(['scan', VERSIONED, '--bogus'])).code).toBe(2);
    expect((await runCli(['scan'])).code).toBe(2);
  });

  it('writes --output through a temporary file, leaving only the report', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'demarc-out-'));
    const target = join(folder, 'result.json');
    const run = await runCli(['scan', VERSIONED, '--format', 'json', '--output', target, '--fail-on', 'none']);
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(target, 'utf8')).summary.resources).toBe(1);
    expect(await readdir(folder)).toEqual(['result.json']);
  });
});

describe('demarc matrix, explain and checks', () => {
  it('prints the model for services as JSON with the design\'s ids', async () => {
    const run = await runCli(['matrix', '--service', 'ec2', '--service', 'rds', '--service', 's3', '--service', 'lambda', '--format', 'json']);
    expect(run.code).toBe(0);
    const matrix = JSON.parse(run.stdout);
    expect(matrix.services.map((service: { id: string; model: string }) => `${service.id}:${service.model}`)).toEqual([
      'ec2:infrastructure', 'rds:container', 's3:abstracted', 'lambda:serverless',
    ]);
    expect(matrix.services[0].layers[4]).toMatchObject({ layer: 'guest-os', owner: 'customer' });
  });

  it('lists every service without --service, and refuses an unknown one', async () => {
    const all = await runCli(['matrix']);
    expect(all.stdout).toContain('elasticbeanstalk');
    expect(all.stdout.split('\n').filter((line) => /^\S+\s+(infrastructure|container|abstracted|serverless)\s/.test(line)).length).toBeGreaterThanOrEqual(40);
    const unknown = await runCli(['matrix', '--service', 'mainframe']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown service mainframe');
  });

  it('explains layers, services, controls, duties and checks', async () => {
    for (const [id, text] of [
      ['guest-os', 'Guest operating system'],
      ['ec2', 'Amazon EC2'],
      ['patch-management', "AWS's part"],
      ['rotate-access-keys', 'Rotate IAM user access keys'],
      ['s3-bucket-versioning', 'Fix (CloudFormation)'],
    ] as const) {
      const run = await runCli(['explain', id]);
      expect(run.code, id).toBe(0);
      expect(run.stdout, id).toContain(text);
    }
    const json = JSON.parse((await runCli(['explain', 'patch-management', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ kind: 'control', owner: 'shared', details: { type: 'shared' } });
    expect((await runCli(['explain', 'flux-capacitor'])).code).toBe(2);
  });

  it('lists checks with id, service, layer, severity and title', async () => {
    const run = await runCli(['checks', '--format', 'json']);
    const { checks } = JSON.parse(run.stdout);
    expect(checks).toContainEqual(expect.objectContaining({ id: 's3-bucket-versioning', service: 's3', layer: 'customer-data', severity: 'medium' }));
    expect((await runCli(['checks'])).stdout).toMatch(/^s3-bucket-versioning\s+s3\s+customer-data\s+medium\s+S3 bucket has versioning enabled$/m);
  });

  it('answers --help and --version with exit code 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('scan');
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await runCli(['scan', '--help'])).stdout).toContain('--fail-on');
  });
});

describe('demarc frameworks and scan --framework', () => {
  it('lists the frameworks and the items of one', async () => {
    const list = await runCli(['frameworks']);
    expect(list.stdout).toMatch(/^cis-aws-v5\s+5\.0\.0\s+63\s/m);
    expect(list.stdout).toMatch(/^nist-800-53\s/m);
    const cis = JSON.parse((await runCli(['frameworks', 'cis-aws-v5', '--format', 'json'])).stdout);
    expect(cis.items).toHaveLength(63);
    expect((await runCli(['frameworks', 'pci'])).code).toBe(2);
  });

  it('reports per-item status, with provider-owned NIST families inherited rather than failing', async () => {
    const run = await runCli(['scan', UNVERSIONED, '--framework', 'nist-800-53', '--format', 'json', '--fail-on', 'none']);
    const result = JSON.parse(run.stdout);
    const nist = result.frameworks[0];
    expect(nist.id).toBe('nist-800-53');
    expect(nist.items.find((item: { id: string }) => item.id === 'PE')).toMatchObject({ owner: 'provider', status: 'inherited' });
    expect(nist.items.find((item: { id: string }) => item.id === 'CP')).toMatchObject({ status: 'fail' });
    expect((await runCli(['scan', UNVERSIONED, '--framework', 'sox'])).code).toBe(2);
  });

  it('prints each framework item with its status in the text report', async () => {
    const run = await runCli(['scan', 'examples/three-tier-app.yaml', '--framework', 'cis-aws-v5', '--fail-on', 'none']);
    expect(run.stdout).toMatch(/^CIS Amazon Web Services Foundations Benchmark 5\.0\.0: \d+ pass, \d+ fail/m);
    expect(run.stdout).toMatch(/^ {2}1\.15 +fail +customer +No policy granting full/m);
    expect(run.stdout).toMatch(/^ {2}1\.1 +not-assessed +customer +Keep the account contact details current \(manual: attest its duties\)/m);
  });
});

describe('progress while reading files', () => {
  it('redraws one line on a terminal\'s stderr and clears it, and stays silent in logs or with --quiet', async () => {
    const tty = await runCli(['scan', FIXTURES, '--fail-on', 'none'], { stderrIsTty: true });
    expect(tty.stderr).toContain('\r\u001b[Kdemarc: reading file 1: ');
    expect(tty.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect((await runCli(['scan', FIXTURES, '--fail-on', 'none'])).stderr).not.toContain('reading file');
    expect((await runCli(['scan', FIXTURES, '--fail-on', 'none', '--quiet'], { stderrIsTty: true })).stderr).not.toContain('reading file');
  });
});

describe('ASFF for template scans', () => {
  it('imports into the account and region given, and refuses an account id that is not one', async () => {
    const run = await runCli(['scan', UNVERSIONED, '--check', 's3-bucket-versioning', '--format', 'asff', '--asff-account', '111122223333', '--asff-region', 'eu-west-1', '--fail-on', 'none']);
    const [finding] = JSON.parse(run.stdout);
    expect(finding).toMatchObject({ AwsAccountId: '111122223333', Resources: [expect.objectContaining({ Region: 'eu-west-1' })] });
    expect(finding.ProductArn).toContain(':eu-west-1:111122223333:');
    // Security Hub rejects the all-zero account: a template scan must say which account its findings belong to.
    const unnamed = await runCli(['scan', UNVERSIONED, '--check', 's3-bucket-versioning', '--format', 'asff', '--fail-on', 'none']);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('--asff-account');
    expect((await runCli(['scan', UNVERSIONED, '--format', 'asff', '--asff-account', '000000000000'])).code).toBe(2);
    expect((await runCli(['scan', UNVERSIONED, '--format', 'asff', '--asff-account', 'prod'])).code).toBe(2);
  });
});
