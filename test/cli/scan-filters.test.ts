import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

const ENV = { DEMARC_NOW: '2026-11-22T10:00:00Z' };
const bucket = (id: string): string => `Resources:\n  ${id}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${id.toLowerCase()}\n`;

/** Runs `demarc <args>` in-process through `main()`. */
async function demarc(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, stdoutIsTty: false, stderrIsTty: false, columns: 120, env: ENV, cwd: process.cwd() };
  const code = await main(['node', 'demarc', ...args], io);
  return { code, stdout, stderr };
}

interface JsonResult {
  findings: Array<{ checkId: string; resource: { id: string; file?: string } }>;
  sources: Array<{ file: string }>;
}

let project: string;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'demarc-filters-'));
  await mkdir(join(project, 'test'), { recursive: true });
  await writeFile(join(project, 'main.yaml'), bucket('MainBucket'));
  await writeFile(join(project, 'test', 'bad.yaml'), bucket('BadBucket'));
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('demarc scan --exclude', () => {
  it('reads nothing below an excluded folder', async () => {
    const all = await demarc(['scan', project, '--service', 's3', '--format', 'json', '--fail-on', 'none']);
    expect(all.code).toBe(0);
    expect((JSON.parse(all.stdout) as JsonResult).findings.some((finding) => finding.resource.id === 'BadBucket')).toBe(true);

    const run = await demarc(['scan', project, '--service', 's3', '--exclude', 'test/**', '--format', 'json', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.sources.map((source) => source.file)).toEqual([join(project, 'main.yaml')]);
    expect(result.findings.some((finding) => finding.resource.id === 'BadBucket')).toBe(false);
    expect(result.findings.some((finding) => finding.resource.id === 'MainBucket')).toBe(true);
  });

  it('is repeatable, and excluding every template evaluates nothing (exit 2)', async () => {
    const run = await demarc(['scan', project, '--exclude', 'test/**', '--exclude', 'main.yaml']);
    expect(run.code).toBe(2);
  });

  it('goes with templates and folders only', async () => {
    const run = await demarc(['scan', '--aws', '--exclude', 'test/**']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--exclude goes with templates and folders');
  });
});

describe('demarc scan --skip-check', () => {
  it('leaves out checks by id and by glob, repeatable', async () => {
    const run = await demarc(['scan', project, '--service', 's3', '--skip-check', 's3-bucket-versioning', '--skip-check', 's3-*-logging', '--format', 'json', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    const ran = new Set((JSON.parse(run.stdout) as JsonResult).findings.map((finding) => finding.checkId));
    expect(ran.size).toBeGreaterThan(0);
    expect(ran.has('s3-bucket-versioning')).toBe(false);
    expect([...ran].some((id) => /^s3-.*-logging$/.test(id))).toBe(false);
  });

  it('is a usage error when it skips every selected check or matches no check', async () => {
    const everything = await demarc(['scan', project, '--check', 's3-bucket-versioning', '--skip-check', 's3-*']);
    expect(everything.code).toBe(2);
    expect(everything.stderr).toContain('every selected check is skipped');
    const typo = await demarc(['scan', project, '--skip-check', 's3-bucket-versionin']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('no check matches s3-bucket-versionin');
  });
});

describe('demarc checks --severity --service', () => {
  it('lists only the checks of that severity and service', async () => {
    const run = await demarc(['checks', '--severity', 'high', '--service', 's3', '--format', 'json']);
    expect(run.code).toBe(0);
    const { checks } = JSON.parse(run.stdout) as { checks: Array<{ service: string; severity: string }> };
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((check) => check.service === 's3' && check.severity === 'high')).toBe(true);
    expect((await demarc(['checks', '--severity', 'urgent'])).code).toBe(2);
  });
});
