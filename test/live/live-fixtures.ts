import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { liveFixtures, runLiveFixture, startEmulator, type Emulator } from '../support/live-fixtures.js';

// Every live fixture (`*.live.yaml`) through `demarc scan --aws` against a private AWS emulator, judged as
// src/checks/checks.test.ts judges the other fixtures.
// The suite is split in shards (test/live/shards/), each with its own emulator, so that they run side by side.
export function liveFixtureShard(shard: number, shards: number): void {
  const cases = allChecks
    .map((check) => [check.id, check, liveFixtures(check)] as const)
    .filter(([, , fixtures]) => fixtures.length > 0)
    .filter((_entry, index) => index % shards === shard);

  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
  }, 600_000);
  afterAll(async () => {
    await emulator?.stop();
  });

  describe.each(cases)('%s', (_id, check, fixtures) => {
    it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
      if (emulator === undefined) throw new Error('the emulator did not start');
      const run = await runLiveFixture(emulator, check, fixture);
      expect(run.code, `demarc scan --aws failed: ${run.stderr}`).toBe(0);
      const statuses = run.findings.map((finding) => finding.status);
      const detail = JSON.stringify(run.findings.map((finding) => `${finding.resource.id}: ${finding.status}: ${finding.message}`), null, 1);
      expect(statuses, `no finding for ${fixture.path}`).not.toHaveLength(0);
      expect(statuses, `a check threw: ${detail}`).not.toContain('error');
      if (fixture.expected === 'pass') {
        // A live account also holds region status resources, which say not-applicable where the trail itself is judged.
        expect(statuses, detail).toContain('pass');
        expect(statuses.filter((status) => status !== 'pass' && status !== 'not-applicable'), detail).toEqual([]);
      } else if (fixture.expected === 'fail') {
        expect(statuses, detail).toContain('fail');
      } else {
        expect(statuses, detail).toContain(fixture.expected);
        expect(statuses, detail).not.toContain('fail');
      }
    }, 120_000);
  });
}
