import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { evaluateFramework } from '../../src/engine/framework-status.js';
import type { Finding } from '../../src/engine/result.js';
import { getDuty } from '../../src/model/catalogue.js';
import { frameworkCoverage } from '../../src/model/frameworks/coverage.js';
import { allFrameworks, derivedFrameworks, frameworks, getFramework } from '../../src/model/frameworks/index.js';
import { familyOwner } from '../../src/model/frameworks/nist-800-53.js';

const checkIds = new Set(allChecks.map((check) => check.id));

describe('frameworks', () => {
  it('has unique ids, and reports the hand-mapped ones by default', () => {
    const ids = allFrameworks.map((framework) => framework.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(frameworks.map((framework) => framework.id)).toEqual(['cis-aws-v5', 'nist-800-53']);
    expect(derivedFrameworks.map((framework) => framework.id)).toEqual(['aws-fsbp', 'nist-800-53-r5', 'fedramp-low', 'fedramp-moderate', 'fedramp-high', 'pci-dss-3.2.1', 'cis-aws-v1.4']);
    for (const id of ids) expect(getFramework(id)?.id).toBe(id);
  });

  it.each(allFrameworks.map((framework) => [framework.id, framework] as const))('%s points only at existing checks and duties', (_id, framework) => {
    const ids = framework.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of framework.items) {
      for (const check of item.checks) expect(checkIds.has(check), `${item.id} -> check ${check}`).toBe(true);
      for (const duty of item.duties) expect(getDuty(duty), `${item.id} -> duty ${duty}`).toBeDefined();
      expect(item.checks.length + item.duties.length, `${item.id} points at nothing`).toBeGreaterThan(0);
    }
  });

  it('are data: nothing in src/model/frameworks imports the checks', () => {
    const folder = new URL('../../src/model/frameworks/', import.meta.url);
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(readFileSync(new URL(file, folder), 'utf8'), file).not.toMatch(/from '(\.\.\/)+checks\//);
  });

  it.each(allFrameworks.map((framework) => [framework.id, framework] as const))('%s never fails an item without a failing finding', (_id, framework) => {
    const result = evaluateFramework(framework, []);
    expect(result.counts.fail).toBe(0);
    expect(result.counts.pass).toBe(0);
    for (const item of result.items) {
      if (item.owner === 'provider') expect(item.status, item.id).toBe('inherited');
      else expect(item.status, item.id).toBe('not-assessed');
    }
    const coverage = frameworkCoverage(framework);
    expect(coverage.withChecks + coverage.dutiesOnly + coverage.inherited).toBe(coverage.items);
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
    // Rolled up from the control level: PE is AWS's alone, AT the customer's alone, MA split between them.
    expect(familyOwner('PE')).toBe('provider');
    expect(familyOwner('AT')).toBe('customer');
    expect(familyOwner('MA')).toBe('shared');
    expect(nist?.items.find((item) => item.id === 'AC')?.checks.length).toBeGreaterThan(0);
  });

  it('rolls NIST up by family from its controls\' evidence only: no family is judged by a check that tests none of its controls', () => {
    const nist = getFramework('nist-800-53');
    const r5 = getFramework('nist-800-53-r5');
    for (const family of nist?.items ?? []) {
      const controlChecks = new Set((r5?.items ?? []).filter((item) => item.id.split('-')[0]?.toUpperCase() === family.id).flatMap((item) => item.checks));
      expect([...family.checks].sort(), family.id).toEqual([...controlChecks].sort());
    }
    expect(nist?.items.find((item) => item.id === 'SR')?.checks).not.toContain('ec2-imdsv2-required');
    expect(nist?.items.find((item) => item.id === 'AC')?.checks.length).toBeGreaterThan(0);
  });

  it('gives each NIST control its own owner on AWS: PE inherited, maintenance split, access control the customer\'s', () => {
    const r5 = getFramework('nist-800-53-r5');
    const item = (id: string) => r5?.items.find((entry) => entry.id === id);
    const family = (prefix: string) => r5?.items.filter((entry) => entry.id.startsWith(`${prefix}-`)) ?? [];
    for (const entry of family('pe')) expect(entry.owner, entry.id).toBe('provider');
    // Family level gave all of MA to AWS: the customer maintains its own instances and their remote administration.
    expect(item('ma-2')?.owner).toBe('shared');
    expect(item('ma-4')?.owner).not.toBe('provider');
    expect(item('ma-1')?.owner).toBe('customer');
    // Access control is the customer's configuration, but wireless access into the data centres is AWS's.
    expect(item('ac-2')?.owner).toBe('customer');
    expect(item('ac-4')?.owner).toBe('shared');
    expect(item('ac-18')?.owner).toBe('provider');
    expect(item('ia-2')?.owner).toBe('customer');
    expect(item('ia-7')?.owner).toBe('shared');
    for (const entry of [...family('ac'), ...family('ia')]) {
      if (entry.owner === 'provider') continue;
      expect(entry.duties.every((duty) => getDuty(duty)?.owner !== 'provider'), `${entry.id} offers a provider duty to attest`).toBe(true);
    }
    expect(item('ac-3')?.checks.length).toBeGreaterThan(0);
    // FedRAMP baselines reuse the control-level items.
    const moderate = getFramework('fedramp-moderate');
    expect(moderate?.items).toHaveLength(323);
    expect(moderate?.items.find((entry) => entry.id === 'ac-3')).toBe(item('ac-3'));
  });

  it('says how demarc matches each Security Hub control, consistently with its checks', () => {
    for (const item of getFramework('aws-fsbp')?.items ?? []) {
      const match: unknown = Reflect.get(item, 'match');
      expect(['exact', 'partial', 'none']).toContain(match);
      expect(item.checks.length > 0, item.id).toBe(match !== 'none');
      expect(item.automated).toBe(true);
    }
  });

  it('reports an automated item that no check judges yet as waiting for an attestation, not as a failure', () => {
    const fsbp = getFramework('aws-fsbp');
    const unmatched = fsbp?.items.find((item) => item.checks.length === 0);
    expect(unmatched).toBeDefined();
    const result = evaluateFramework({ id: 'x', title: 'x', version: '1', description: 'x', items: unmatched ? [unmatched] : [] }, []);
    expect(result.items[0]).toMatchObject({ status: 'not-assessed', note: 'no demarc check judges it yet: attest its duties' });
  });

  it('counts each finding once however often an item lists its check, and leaves suppressed findings out', () => {
    const finding = (status: Finding['status'], suppressed = false): Finding => ({
      checkId: 'a', title: 'a', resource: { id: 'r', type: 'AWS::S3::Bucket' }, status, severity: 'high', layer: 'customer-data',
      owner: 'customer', control: 'data-loss-prevention', duty: 'prevent-data-loss', message: status,
      ...(suppressed ? { suppressed: { reason: 'accepted' } } : {}),
    });
    const framework = { id: 'x', title: 'x', version: '1', description: 'x', items: [{ id: '1', title: 'i', automated: true, checks: ['a', 'a'], duties: [] }] };
    expect(evaluateFramework(framework, [finding('fail'), finding('pass')]).items[0]?.counts).toEqual({ pass: 1, fail: 1, unknown: 0 });
    expect(evaluateFramework(framework, [finding('fail', true), finding('pass')]).items[0]?.status).toBe('pass');
  });
});
