import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { isolateAwsEnvironment } from '../aws/support/isolated-env.js';
import { startEmulator, type Emulator } from '../support/live-fixtures.js';

// Every call but STS's (which says whose the credentials are): fnmatch sets, as the emulator's faults.txt reads them.
const ALL_BUT_STS = ['[!s]*', 's[!t]*', 'st[!s]*', 'sts[!:]*'];
const REGION = 'us-east-1';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
}, 600_000);
afterAll(async () => {
  await emulator?.stop();
});

async function scanLive(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  process.env['AWS_ENDPOINT_URL'] = emulator.url;
  process.env['AWS_REGION'] = REGION;
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, stdoutIsTty: false, stderrIsTty: false, columns: 120, env: process.env, cwd: emulator.stateDir };
  const code = await main(['node', 'demarc', 'scan', '--aws', '--quiet', '--region', REGION, '--format', 'json', '--fail-on', 'none', ...args], io);
  return { code, stdout, stderr };
}

describe('demarc scan --aws against the emulator, every call denied', () => {
  isolateAwsEnvironment('AKIDEMULATORDENIED');

  it('a full scan exits 2: nothing could be read, with the hint to run demarc policy and no result', async () => {
    await emulator.reset();
    await emulator.deny(ALL_BUT_STS);
    try {
      const run = await scanLive([]);
      expect(run.stdout).toBe('');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^demarc: nothing could be read: every call the scan made was denied or failed \(\d+ gap\(s\), first: .*access denied/);
      expect(run.stderr).toContain('Run `demarc policy` for the read-only IAM policy the scan needs');
      const calls = await emulator.calls();
      expect(calls.filter((call) => call.service !== 'sts').length).toBeGreaterThan(10);
      expect(calls.filter((call) => call.service !== 'sts').every((call) => call.denied)).toBe(true);
    } finally {
      await emulator.deny([]);
    }
    // Every collector of every service is tried once: on a loaded machine that takes longer than a unit test.
  }, 180_000);

  it('STS refused as well: the credentials themselves are refused, exit 2', async () => {
    await emulator.reset();
    await emulator.deny(['*']);
    try {
      const run = await scanLive(['--service', 'ec2']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^demarc: no usable AWS credentials .*: they were refused \(AccessDenied\)/);
    } finally {
      await emulator.deny([]);
    }
  });

  it('the same scan of one service, allowed, reads the account and exits 0', async () => {
    await emulator.reset();
    const denied = await scanDenied(['--service', 'ec2']);
    expect(denied.code).toBe(2);
    const allowed = await scanLive(['--service', 'ec2']);
    expect(allowed.stderr).not.toContain('nothing could be read');
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toHaveProperty('findings');
  });
});

async function scanDenied(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  await emulator.deny(ALL_BUT_STS);
  try {
    return await scanLive(args);
  } finally {
    await emulator.deny([]);
  }
}
