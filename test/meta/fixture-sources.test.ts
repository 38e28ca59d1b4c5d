import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import type { Check } from '../../src/checks/types.js';
import { fixtureSource, listFixtures } from '../support/fixtures.js';
import { FIXTURE_SOURCE_ALLOWLIST, type CoveredSource } from './fixture-source-allowlist.js';

// Every check is proven from each source a user scans: a pass and a fail fixture from CloudFormation, from Terraform
// and from a live account (the AWS emulator), or an allowlist entry that says why that source cannot show it.
const SOURCES: readonly CoveredSource[] = ['cloudformation', 'terraform', 'live'];

/** The sources from which the check has both a pass and a fail fixture. */
function covered(check: Check): Set<CoveredSource> {
  const fixtures = listFixtures(check);
  return new Set(SOURCES.filter((source) => (['pass', 'fail'] as const).every((expected) => fixtures.some((fixture) => fixture.expected === expected && fixtureSource(fixture) === source))));
}

describe('fixture sources', () => {
  describe.each(allChecks.map((check) => [check.id, check] as const))('%s', (id, check) => {
    it('has pass and fail fixtures from every source, or an allowlisted reason', () => {
      const sources = covered(check);
      const missing = SOURCES.filter((source) => !sources.has(source) && FIXTURE_SOURCE_ALLOWLIST[id]?.[source] === undefined);
      expect(missing, `src/checks/${check.service}/fixtures/${id}/ needs a pass and a fail fixture from these sources (or a reason in test/meta/fixture-source-allowlist.ts)`).toEqual([]);
    });
  });

  it('allowlists only checks that exist, for sources they still lack, with a reason', () => {
    const checks = new Map(allChecks.map((check) => [check.id, check]));
    expect(Object.keys(FIXTURE_SOURCE_ALLOWLIST).filter((id) => !checks.has(id)), 'allowlisted ids that are not checks').toEqual([]);
    const stale: string[] = [];
    const empty: string[] = [];
    for (const [id, reasons] of Object.entries(FIXTURE_SOURCE_ALLOWLIST)) {
      const check = checks.get(id);
      if (check === undefined) continue;
      const sources = covered(check);
      for (const source of SOURCES) {
        const reason = reasons[source];
        if (reason === undefined) continue;
        if (sources.has(source)) stale.push(`${id}: ${source}`);
        if (reason.trim() === '') empty.push(`${id}: ${source}`);
      }
    }
    expect(stale, 'these checks have pass and fail fixtures from that source now: remove the allowlist entry').toEqual([]);
    expect(empty, 'allowlist entries without a reason').toEqual([]);
  });

  it('has no TODO left: every entry says why a source cannot express the state', () => {
    const todo = Object.entries(FIXTURE_SOURCE_ALLOWLIST).flatMap(([id, reasons]) =>
      Object.entries(reasons).filter(([, reason]) => reason.trimStart().startsWith('TODO')).map(([source, reason]) => `${id}: ${source}: ${reason}`),
    );
    expect(todo, 'fixtures still to be written').toEqual([]);
  });
});
