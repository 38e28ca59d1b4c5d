import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEquivalents } from '../../src/checks/equivalents.js';
import { allChecks } from '../../src/checks/index.js';
import { controls, duties, services } from '../../src/model/catalogue.js';
import { getFramework } from '../../src/model/frameworks/index.js';
// @ts-expect-error: a plain ESM script without types; the test calls its pure functions.
import { baselineIds, catalogControls, generateFrameworkFiles, nistId, parseCsv } from '../../scripts/generate-frameworks.mjs';

// The frameworks in src/model/frameworks/generated are built from the shared reference files (read here at test time,
// never copied into the repository) by scripts/generate-frameworks.mjs. Run it in memory and compare, as docs.test.ts
// does for docs/checks.md, then hold every id against the shared data.
const SHARED = new URL('../../../shared/data/', import.meta.url);
const GENERATED = new URL('../../src/model/frameworks/generated/', import.meta.url);

function readShared(path: string): string {
  try {
    return readFileSync(new URL(path, SHARED), 'utf8');
  } catch {
    throw new Error(`../shared/data/${path} is missing: the generated frameworks cannot be checked without it`);
  }
}

const LEVELS = ['low', 'moderate', 'high'] as const;
const securityHubCsv = readShared('aws-config-mappings/securityhub-controls.csv');
const catalog: unknown = JSON.parse(readShared('NIST_SP-800-53_rev5_catalog.json'));
const baselines = Object.fromEntries(LEVELS.map((level) => [level, JSON.parse(readShared(`fedramp/FedRAMP_rev5_${level.toUpperCase()}-baseline_profile.json`)) as unknown]));

const wanted: Record<string, string> = generateFrameworkFiles({
  securityHubCsv,
  managedRulesCsv: readShared('aws-config-mappings/managed-rules.csv'),
  catalog,
  baselines,
  checks: allChecks,
  equivalents: checkEquivalents,
  controls,
  duties,
  services,
});

const securityHubRows: Array<Record<string, string>> = parseCsv(securityHubCsv);
const catalogEntries: Array<{ id: string; withdrawn: boolean }> = catalogControls(catalog);
const currentControls = catalogEntries.filter((control) => !control.withdrawn).map((control) => control.id);
const itemIds = (id: string): string[] => getFramework(id)?.items.map((item) => item.id) ?? [];

/** The requirement ids of one standard that the Security Hub guide relates its controls to. */
function relatedIds(prefix: string): string[] {
  const ids = new Set<string>();
  for (const row of securityHubRows) {
    for (const reference of (row['related_requirements'] ?? '').split(';')) if (reference.startsWith(prefix)) ids.add(reference.slice(prefix.length));
  }
  return [...ids];
}

describe('generated frameworks (src/model/frameworks/generated)', () => {
  it('match what scripts/generate-frameworks.mjs builds from the shared data (run `npm run gen:frameworks`)', () => {
    expect(readdirSync(GENERATED).sort()).toEqual(Object.keys(wanted).sort());
    for (const [name, text] of Object.entries(wanted)) expect(readFileSync(new URL(name, GENERATED), 'utf8'), name).toBe(text);
  });

  it('keep one line per item', () => {
    for (const [name, text] of Object.entries(wanted)) {
      const rows = text.split('\n').filter((line) => line.startsWith('  '));
      const framework = getFramework(name.replace(/\.ts$/, '').replace(/^nist-800-53-families$/, 'nist-800-53'));
      expect(rows.length, name).toBe(framework?.items.length);
    }
  });

  it('has every Security Hub control of the shared list in aws-fsbp, in its order, with its severity', () => {
    const fsbp = getFramework('aws-fsbp');
    expect(fsbp?.items.map((item) => item.id)).toEqual(securityHubRows.map((row) => row['control_id']));
    expect(fsbp?.items).toHaveLength(251);
    for (const item of fsbp?.items ?? []) {
      const row = securityHubRows.find((entry) => entry['control_id'] === item.id);
      expect(item, item.id).toMatchObject({ severity: row?.['severity']?.toLowerCase() });
    }
  });

  it('has every current NIST SP 800-53 rev. 5 control and enhancement, and the families in the roll-up', () => {
    expect(currentControls).toHaveLength(1007);
    expect(itemIds('nist-800-53-r5')).toEqual(currentControls);
    const groups = (catalog as { catalog: { groups: Array<{ id: string }> } }).catalog.groups.map((group) => group.id.toUpperCase());
    expect(itemIds('nist-800-53')).toEqual(groups);
  });

  it('relates NIST controls exactly as the Security Hub guide does', () => {
    const r5 = getFramework('nist-800-53-r5');
    const byId = new Map(r5?.items.map((item) => [item.id, item]));
    for (const row of securityHubRows) {
      const equivalent = Object.entries(checkEquivalents).filter(([, entry]) => entry.securityHub?.some((control) => control.id === row['control_id'])).map(([id]) => id);
      for (const reference of (row['related_requirements'] ?? '').split(';')) {
        const id: string | undefined = nistId(reference);
        if (id === undefined) continue;
        expect(currentControls, `${row['control_id']} relates to ${reference}`).toContain(id);
        for (const check of equivalent) expect(byId.get(id)?.checks, `${id} <- ${row['control_id']}`).toContain(check);
      }
    }
  });

  it.each(LEVELS.map((level) => [level] as const))('has every control of the FedRAMP %s baseline', (level) => {
    const ids: string[] = baselineIds(baselines[level]);
    expect(itemIds(`fedramp-${level}`)).toEqual(ids);
    for (const id of ids) expect(currentControls).toContain(id);
  });

  it('counts 156, 323 and 410 controls in the FedRAMP Low, Moderate and High baselines', () => {
    expect(LEVELS.map((level) => itemIds(`fedramp-${level}`).length)).toEqual([156, 323, 410]);
  });

  it('has every PCI DSS v3.2.1 and CIS v1.4.0 requirement the guide relates to, and no other', () => {
    expect(itemIds('pci-dss-3.2.1').sort()).toEqual(relatedIds('PCI DSS v3.2.1/').sort());
    expect(itemIds('cis-aws-v1.4').sort()).toEqual(relatedIds('CIS AWS Foundations Benchmark v1.4.0/').sort());
  });
});
