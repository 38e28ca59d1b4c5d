import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEquivalents } from '../../src/checks/equivalents.js';
import { allChecks } from '../../src/checks/index.js';

// The equivalence map is only worth something if its ids are AWS's: they are checked against the shared copies of the
// Security Hub control list and the Config managed-rule list (../shared/data/aws-config-mappings), read at test time.
const SHARED = new URL('../../../shared/data/aws-config-mappings/', import.meta.url);

function readTable(name: string): Array<Record<string, string>> {
  let text: string;
  try {
    text = readFileSync(new URL(name, SHARED), 'utf8');
  } catch {
    throw new Error(`../shared/data/aws-config-mappings/${name} is missing: the equivalence ids cannot be checked without it`);
  }
  const [header = '', ...lines] = text.split('\n').filter((line) => line !== '');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, column) => [names[column] ?? `${column}`, cell])));
}

const securityHub = new Map(readTable('securityhub-controls.csv').map((row) => [row['control_id'] ?? '', row]));
const managedRules = new Set(readTable('managed-rules.csv').map((row) => row['config_rule']));
const checkIds = new Set(allChecks.map((check) => check.id));

describe('check equivalents (src/checks/equivalents.ts)', () => {
  it('has an entry for every check, and only for checks', () => {
    expect([...checkIds].filter((id) => !(id in checkEquivalents)), 'checks without an entry (use {} when AWS has no equivalent)').toEqual([]);
    expect(Object.keys(checkEquivalents).filter((id) => !checkIds.has(id)), 'entries for checks that do not exist').toEqual([]);
  });

  it('reads the shared lists (251 Security Hub controls, 317 Config managed rules)', () => {
    expect(securityHub.size).toBe(251);
    expect(managedRules.size).toBe(317);
  });

  describe.each(Object.entries(checkEquivalents))('%s', (checkId, equivalents) => {
    it('names Security Hub controls and Config managed rules that exist, each once', () => {
      const controls = (equivalents.securityHub ?? []).map((entry) => entry.id);
      const rules = (equivalents.configRule ?? []).map((entry) => entry.id);
      for (const id of controls) expect(securityHub.has(id), `${id} is not a Security Hub control`).toBe(true);
      for (const id of rules) expect(managedRules.has(id), `${id} is not an AWS Config managed rule`).toBe(true);
      expect(new Set(controls).size).toBe(controls.length);
      expect(new Set(rules).size).toBe(rules.length);
    });

    it('gives a one-line difference for each partial match, and none for an exact one', () => {
      for (const entry of [...(equivalents.securityHub ?? []), ...(equivalents.configRule ?? [])]) {
        if (entry.match === 'exact') expect(entry.difference, `${entry.id} is exact`).toBeUndefined();
        else {
          expect(entry.difference?.trim(), `${entry.id} is partial: say how it differs`).toBeTruthy();
          expect(entry.difference ?? '').not.toMatch(/\n/);
          expect((entry.difference ?? '').length, `${entry.id}: keep the difference to one line`).toBeLessThanOrEqual(200);
        }
      }
    });

    it('lists the managed Config rule behind each of its Security Hub controls', () => {
      const rules = new Set((equivalents.configRule ?? []).map((entry) => entry.id));
      for (const entry of equivalents.securityHub ?? []) {
        const rule = securityHub.get(entry.id)?.['config_rule'] ?? '';
        if (managedRules.has(rule)) expect(rules.has(rule), `${entry.id} runs ${rule}: list it under configRule too`).toBe(true);
      }
    });

    it('agrees with the check definition when the check declares equivalents itself', () => {
      const declared = allChecks.find((check) => check.id === checkId)?.equivalents;
      if (declared !== undefined) expect(declared).toEqual(equivalents);
    });
  });
});
