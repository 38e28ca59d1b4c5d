import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { renderCheckCatalogue } from '../../src/docs/check-catalogue.js';
import { frameworks } from '../../src/model/frameworks/index.js';

describe('docs/checks.md', () => {
  it('lists exactly the checks in src/checks (run `npm run gen:docs` after adding or changing one)', () => {
    const current = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');
    expect(current).toBe(renderCheckCatalogue(allChecks, frameworks));
    for (const check of allChecks) expect(current).toContain(`### \`${check.id}\``);
  });
});
