import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import type { Finding } from '../../src/engine/result.js';
import { liveFixtures, runLiveFixture, startEmulator, type Emulator } from '../support/live-fixtures.js';
import { exactPattern } from '../support/live-wire.js';

// Denied evidence must never turn into a pass: each call the undenied scan of a fail or unknown live fixture made
// is denied in turn, and no resource may gain a pass finding over the undenied run.
const MAX_CALLS_PER_FIXTURE = 40;

function passesByResource(findings: readonly Finding[]): Map<string, number> {
  const passes = new Map<string, number>();
  for (const finding of findings) if (finding.status === 'pass') passes.set(finding.resource.id, (passes.get(finding.resource.id) ?? 0) + 1);
  return passes;
}

// The sweep is split in shards (test/live/shards/), each with its own emulator, so that they run side by side.
export function faultSweepShard(shard: number, shards: number): void {
  const cases = allChecks
    .flatMap((check) =>
      liveFixtures(check)
        .filter((fixture) => fixture.expected === 'fail' || fixture.expected === 'unknown')
        .map((fixture) => [`${check.id}/${fixture.name}`, check, fixture] as const),
    )
    .filter((_entry, index) => index % shards === shard);

  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
  }, 600_000);
  afterAll(async () => {
    await emulator?.stop();
  });

  describe('fault sweep over live fixtures', () => {
    it.each(cases)('%s', async (_name, check, fixture) => {
      if (emulator === undefined) throw new Error('the emulator did not start');
      // A first run puts the fixture's services in use, so that moto's ids repeat in every later run: runs compare by
      // resource id, and an id that did not repeat could only report a pass that did not move (never hide one).
      await runLiveFixture(emulator, check, fixture);
      const baseline = await runLiveFixture(emulator, check, fixture);
      expect(baseline.code, baseline.stderr).toBe(0);
      const before = passesByResource(baseline.findings);
      const calls = [...new Set(baseline.calls.filter((call) => !call.denied).map((call) => `${call.service}:${call.action}`))].slice(0, MAX_CALLS_PER_FIXTURE);
      const moved: string[] = [];
      for (const call of calls) {
        const denied = await runLiveFixture(emulator, check, fixture, [exactPattern(call)]);
        for (const [resource, count] of passesByResource(denied.findings)) {
          if (count > (before.get(resource) ?? 0)) moved.push(`denying ${call} made ${resource} pass: ${denied.findings.filter((finding) => finding.resource.id === resource).map((finding) => finding.message).join('; ')}`);
        }
      }
      expect(moved).toEqual([]);
    }, 600_000);
  });
}
