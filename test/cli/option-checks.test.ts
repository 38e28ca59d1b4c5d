import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { runCli } from '../support/cli.js';

const BUCKET = 'test/cli/fixtures/unversioned-bucket.yaml';

describe('--timeout without --aws', () => {
  it('is refused like --profile: a file scan has no live collection to time', async () => {
    const run = await runCli(['scan', BUCKET, '--timeout', '90s']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('demarc: --timeout goes with --aws (a live scan); templates and folders are scanned without it\n');
    expect(run.stdout).toBe('');
    const both = await runCli(['scan', BUCKET, '--profile', 'prod', '--timeout=10m']);
    expect(both.stderr).toBe('demarc: --profile, --timeout go with --aws (a live scan); templates and folders are scanned without them\n');
  });

  it('its default does not count as given', async () => {
    const run = await runCli(['scan', BUCKET, '--fail-on', 'none', '-q']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});

describe('demarc checks --service', () => {
  it('refuses an unknown id with a suggestion, as scan -s does', async () => {
    const typo = await runCli(['checks', '--service', 's4']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^demarc: unknown service s4 \(did you mean s3\b.*\?\); `demarc matrix` lists the services\n$/);
    const cased = await runCli(['checks', '-s', 'S3']);
    expect(cased.code).toBe(2);
    expect(cased.stderr).toBe('demarc: unknown service S3 (did you mean s3? service ids are lower case); `demarc matrix` lists the services\n');
    // One unknown id among known ones is refused too: the list would silently leave it out.
    expect((await runCli(['checks', '-s', 's3', '-s', 'nope'])).code).toBe(2);
  });

  it('lists the checks of a known id', async () => {
    const run = await runCli(['checks', '--service', 's3', '--format', 'json']);
    expect(run.code).toBe(0);
    const listed = (JSON.parse(run.stdout) as { checks: Array<{ id: string; service: string }> }).checks;
    expect(listed.map((check) => check.id)).toEqual(allChecks.filter((check) => check.service === 's3').map((check) => check.id));
    expect(listed.length).toBeGreaterThan(0);
  });
});
