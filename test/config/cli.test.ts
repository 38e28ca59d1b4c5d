import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { BUCKETS, FIXTURES } from './support.js';

const ONLY = ['--check', 's3-bucket-versioning'];
const ENV = { DEMARC_NOW: '2026-11-22T10:00:00Z' };
const ALL_FAILING = `suppressions:
  - check: s3-bucket-versioning
    resources: [LogsBucket, web, {glob: "WebAdmin*"}]
    reason: these buckets hold rebuildable data only
`;

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'demarc-config-'));
}

async function withConfig(text: string): Promise<string> {
  const path = join(await tempDir(), 'demarc.config.yaml');
  await writeFile(path, text);
  return path;
}

describe('scan --config and --fail-on', () => {
  it('exits 1 on the unsuppressed failures and 0 once all are suppressed', async () => {
    expect((await runCli(['scan', BUCKETS, ...ONLY], { env: ENV })).code).toBe(1);
    const config = await withConfig(ALL_FAILING);
    const run = await runCli(['scan', BUCKETS, ...ONLY, '--config', config], { env: ENV });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Suppressed findings stay in the output, marked with the reason.
    expect(run.stdout).toContain('suppressed: these buckets hold rebuildable data only');
    expect(run.stdout).toContain('3 suppressed');
  });

  it('exits 1 when one failure is left, and keeps the reason in the JSON', async () => {
    const config = await withConfig(ALL_FAILING.replace(', web,', ','));
    const run = await runCli(['scan', BUCKETS, ...ONLY, '--config', config, '--format', 'json'], { env: ENV });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { findings: Array<{ resource: { id: string }; suppressed?: { reason: string } }> };
    expect(result.findings.filter((finding) => finding.suppressed).map((finding) => finding.resource.id).sort()).toEqual(['LogsBucket', 'WebAdminBucket']);
    expect(result.findings.find((finding) => finding.resource.id === 'LogsBucket')?.suppressed).toEqual({ reason: 'these buckets hold rebuildable data only' });
  });

  it('respects --fail-on above the remaining severity', async () => {
    const config = await withConfig(ALL_FAILING.replace(', web,', ','));
    expect((await runCli(['scan', BUCKETS, ...ONLY, '--config', config, '--fail-on', 'high'], { env: ENV })).code).toBe(0);
  });

  it('lets an expired suppression count again, with a warning and a note in the finding', async () => {
    const config = await withConfig(`${ALL_FAILING}    expires: 2026-11-01\n`);
    const run = await runCli(['scan', BUCKETS, ...ONLY, '--config', config, '--format', 'json'], { env: ENV });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`warning: ${config}:5: suppressions[0].expires: expired on 2026-11-01`);
    const result = JSON.parse(run.stdout) as { findings: Array<{ resource: { id: string }; message: string; suppressed?: unknown }> };
    const logs = result.findings.find((finding) => finding.resource.id === 'LogsBucket');
    expect(logs?.suppressed).toBeUndefined();
    expect(logs?.message).toMatch(/\(the suppression at .*demarc\.config\.yaml:2 expired on 2026-11-01: these buckets hold rebuildable data only\)$/);
    expect((await runCli(['scan', BUCKETS, ...ONLY, '--config', config], { env: { DEMARC_NOW: '2026-10-01' } })).code).toBe(0);
  });

  it('warns about a glob that matches nothing, without changing the exit code', async () => {
    const config = await withConfig(ALL_FAILING.replace('{glob: "WebAdmin*"}', '{glob: "Admin*"}'));
    const run = await runCli(['scan', BUCKETS, ...ONLY, '--config', config, '--fail-on', 'none'], { env: ENV });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`demarc: warning: ${config}:3: suppressions[0].resources[2]: the glob "Admin*" matches no resource in this scan\n`);
  });

  it('exits 2 on a bad configuration, listing every error with file, line and key', async () => {
    const config = await withConfig('suppressions:\n  - check: s3-bucket-versioning\n    resources: [LogsBucket]\n    reason: accepted\n    expire: 2027-01-01\n');
    const run = await runCli(['scan', BUCKETS, ...ONLY, '--config', config], { env: ENV });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`demarc: error: ${config}:4: suppressions[0].reason: is too short (8 characters)`);
    expect(run.stderr).toContain(`demarc: error: ${config}:5: suppressions[0].expire: unknown key (did you mean expires?)`);
    expect(run.stderr).toContain('2 errors in the configuration');
  });

  it('exits 2 when --config names a missing file', async () => {
    const run = await runCli(['scan', BUCKETS, ...ONLY, '--config', join(await tempDir(), 'nope.yaml')], { env: ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read the configuration: no such file/);
  });

  it('finds demarc.config.yaml in the current folder', async () => {
    const config = await withConfig(ALL_FAILING);
    const folder = resolve(config, '..');
    const run = await runCli(['scan', resolve(BUCKETS), ...ONLY], { env: ENV, cwd: folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 suppressed');
  });

  it('narrows the checks with checks.disable', async () => {
    const config = await withConfig('checks:\n  disable: [s3-bucket-versioning]\n');
    const run = await runCli(['scan', BUCKETS, ...ONLY, '--config', config], { env: ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/disables every selected check/);
  });

  it('rejects a DEMARC_NOW that is not a date', async () => {
    const run = await runCli(['scan', BUCKETS, ...ONLY], { env: { DEMARC_NOW: 'soon' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DEMARC_NOW is not a date');
  });
});

describe('demarc attest', () => {
  const attest = ['attest', 'incident-response-plan', '--by', 'Security team', '--evidence', 'https://intranet.example/ir', '--expires', '2027-11-01'];

  it('creates the file when absent, and the scan then shows the duty attested', async () => {
    const folder = await tempDir();
    const run = await runCli(attest, { env: ENV, cwd: folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created demarc.config.yaml: incident-response-plan attested by Security team on 2026-11-22, until 2027-11-01');
    expect(await readFile(join(folder, 'demarc.config.yaml'), 'utf8')).toBe(
      'attestations:\n  - duty: incident-response-plan\n    by: Security team\n    date: 2026-11-22\n    evidence: https://intranet.example/ir\n    expires: 2027-11-01\n',
    );
    const scan = await runCli(['scan', resolve(BUCKETS), ...ONLY, '--format', 'json'], { env: ENV, cwd: folder });
    const result = JSON.parse(scan.stdout) as { matrix: Array<{ resource: { id: string }; cells: Array<{ layer: string; status: string }> }> };
    const cell = result.matrix.find((row) => row.resource.id === 'LogsBucket')?.cells.find((entry) => entry.layer === 'logging-monitoring');
    expect(cell?.status).toBe('attested');
    // Once expired, the cell says so.
    const later = await runCli(['scan', resolve(BUCKETS), ...ONLY, '--format', 'json'], { env: { DEMARC_NOW: '2028-01-01' }, cwd: folder });
    const expired = (JSON.parse(later.stdout) as typeof result).matrix.find((row) => row.resource.id === 'LogsBucket')?.cells.find((entry) => entry.layer === 'logging-monitoring');
    expect(expired).toMatchObject({ status: 'not-assessed', note: expect.stringContaining('expired on 2027-11-01') });
    expect(later.stderr).toContain('attestations[0].expires: expired on 2027-11-01');
  });

  it('adds to an existing file, keeping its comments and entries', async () => {
    const original = `# Accepted risks, reviewed every quarter.
suppressions:
  - check: s3-bucket-versioning   # logs are append-only
    resources: [LogsBucket]
    reason: logs are written once and never change

# Things no API can show.
attestations:
  - duty: train-staff
    by: HR
    date: 2026-09-01
    evidence: https://intranet.example/training
    expires: 2027-09-01
`;
    const config = await withConfig(original);
    const run = await runCli([...attest, '--date', '2026-11-20', '--config', config], { env: ENV });
    expect(run.code).toBe(0);
    const written = await readFile(config, 'utf8');
    expect(written).toContain('# Accepted risks, reviewed every quarter.');
    expect(written).toContain('# logs are append-only');
    expect(written).toContain('# Things no API can show.');
    // Every byte of the original stays, including the spacing before comments.
    expect(written.startsWith(original)).toBe(true);
    expect(written.endsWith('    expires: 2027-09-01\n  - duty: incident-response-plan\n    by: Security team\n    date: 2026-11-20\n    evidence: https://intranet.example/ir\n    expires: 2027-11-01\n')).toBe(true);
  });

  it('rejects an unknown duty and suggests close ids, writing nothing', async () => {
    const folder = await tempDir();
    const run = await runCli(['attest', 'incident-respons-plan', '--by', 'Me', '--evidence', 'https://x.example/', '--expires', '2027-01-01'], { env: ENV, cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean incident-response-plan');
    await expect(readFile(join(folder, 'demarc.config.yaml'))).rejects.toThrow();
  });

  it('rejects bad dates and provider duties', async () => {
    const base = ['--by', 'Me', '--evidence', 'evidence.pdf'];
    expect((await runCli(['attest', 'train-staff', ...base, '--expires', '2027-02-29'], { env: ENV, cwd: await tempDir() })).stderr).toContain('--expires "2027-02-29" is not a valid date');
    expect((await runCli(['attest', 'train-staff', ...base, '--date', '2025-01-01', '--expires', '2026-01-01'], { env: ENV, cwd: await tempDir() })).stderr).toContain('already past');
    expect((await runCli(['attest', 'physical-access', ...base, '--expires', '2027-01-01'], { env: ENV, cwd: await tempDir() })).stderr).toContain("AWS's duty");
  });

  it('needs --by, --evidence and --expires', async () => {
    const run = await runCli(['attest', 'train-staff', '--by', 'Me'], { env: ENV, cwd: await tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--evidence/);
  });

  it('refuses to edit a file that is not valid YAML', async () => {
    const config = await withConfig('suppressions: [\n');
    const run = await runCli([...attest, '--config', config], { env: ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not valid YAML');
    expect(await readFile(config, 'utf8')).toBe('suppressions: [\n');
  });
});

describe('the documented example', () => {
  it('examples/demarc.config.yaml is valid', async () => {
    const run = await runCli(['scan', join(FIXTURES, 'buckets.yaml'), ...ONLY, '--config', 'examples/demarc.config.yaml', '--fail-on', 'none'], { env: ENV });
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.code).toBe(0);
  });
});
