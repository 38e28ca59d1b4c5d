import { describe, expect, it } from 'vitest';
import { allChecks } from './index.js';
import { fixtureSource, listFixtures, runFixture } from '../../test/support/fixtures.js';

// Every check against every fixture beside it. A `pass` fixture must yield a pass and nothing but pass or not-applicable; a `fail`
// fixture at least one fail; `unknown` and `not-applicable` fixtures at least one of that status and no fail.
describe.each(allChecks.map((check) => [check.id, check] as const))('%s', (_id, check) => {
  const fixtures = listFixtures(check);
  if (fixtures.length === 0) {
    it('has fixtures', () => {
      expect.fail(`no fixtures in src/checks/${check.service}/fixtures/${check.id}/`);
    });
    return;
  }
  // Live fixtures (`.live.yaml`) run against the AWS emulator, in test/live/.
  it.each(fixtures.filter((fixture) => fixtureSource(fixture) !== 'live').map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const findings = await runFixture(check, fixture);
    const statuses = findings.map((finding) => finding.status);
    expect(statuses, `no finding for ${fixture.path}`).not.toHaveLength(0);
    expect(statuses, 'a check threw').not.toContain('error');
    if (fixture.expected === 'pass') {
      expect(statuses).toContain('pass');
      expect(statuses.filter((status) => status !== 'pass' && status !== 'not-applicable')).toEqual([]);
    } else if (fixture.expected === 'fail') {
      expect(statuses).toContain('fail');
    } else {
      expect(statuses).toContain(fixture.expected);
      expect(statuses).not.toContain('fail');
    }
  });
});
