import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { getDuty } from '../../src/model/catalogue.js';
import { frameworks, getFramework } from '../../src/model/frameworks/index.js';
import { familyOwner } from '../../src/model/frameworks/nist-800-53.js';

const checkIds = new Set(allChecks.map((check) => check.id));

describe('frameworks', () => {
  it.each(frameworks.map((framework) => [framework.id, framework] as const))('%s points only at existing checks and duties', (_id, framework) => {
    const ids = framework.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of framework.items) {
      for (const check of item.checks) expect(checkIds.has(check), `${item.id} -> check ${check}`).toBe(true);
      for (const duty of item.duties) expect(getDuty(duty), `${item.id} -> duty ${duty}`).toBeDefined();
      expect(item.checks.length + item.duties.length, `${item.id} points at nothing`).toBeGreaterThan(0);
    }
  });

  it('has all 63 recommendations of CIS AWS Foundations v5.0.0 with section, level and assessment type', () => {
    const cis = getFramework('cis-aws-v5');
    expect(cis?.version).toBe('5.0.0');
    expect(cis?.items).toHaveLength(63);
    const perSection = (prefix: string) => cis?.items.filter((item) => item.id.split('.')[0] === prefix).length;
    expect([perSection('1'), perSection('2'), perSection('3'), perSection('4'), perSection('5')]).toEqual([21, 9, 9, 16, 8]);
    for (const item of cis?.items ?? []) {
      expect(item.section, item.id).toBeTruthy();
      expect([1, 2]).toContain(item.level);
      if (!item.automated) expect(item.duties.length, `${item.id} is manual: it needs a duty to attest`).toBeGreaterThan(0);
      else expect(item.checks.length, `${item.id} is automated: it needs a check`).toBeGreaterThan(0);
    }
  });

  it('covers every NIST SP 800-53 rev. 5 family of the catalog, with owners derived from the model', () => {
    const nist = getFramework('nist-800-53');
    const catalogPath = new URL('../../../shared/data/NIST_SP-800-53_rev5_catalog.json', import.meta.url);
    let catalogFamilies: string[];
    try {
      const catalog: { catalog: { groups: Array<{ id: string }> } } = JSON.parse(readFileSync(catalogPath, 'utf8'));
      catalogFamilies = catalog.catalog.groups.map((group) => group.id.toUpperCase());
    } catch {
      console.warn('shared/data/NIST_SP-800-53_rev5_catalog.json is absent: checking against the families in the code only');
      catalogFamilies = nist?.items.map((item) => item.id) ?? [];
    }
    expect(nist?.items.map((item) => item.id)).toEqual(catalogFamilies);
    expect(familyOwner('PE')).toBe('provider');
    expect(familyOwner('AT')).toBe('shared');
    expect(nist?.items.find((item) => item.id === 'AC')?.checks.length).toBeGreaterThan(0);
  });
});
