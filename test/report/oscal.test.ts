import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { controls } from '../../src/model/catalogue.js';
import { nameUuid } from '../../src/report/ids.js';
import { NIST_CONTROL_TABLE, nistControlRows } from '../../src/report/nist.js';
import { renderOscal } from '../../src/report/oscal.js';
import { NIST_CATALOG, SSP_SCHEMA, hasSharedData, loadJson, loadLiveResult, scanExample, scanHostile } from './support.js';

const addFormats = addFormatsModule.default;

interface ByComponent {
  'component-uuid': string;
  uuid: string;
  'implementation-status'?: { state: string };
  export?: { provided?: { uuid: string }[]; responsibilities?: { uuid: string; 'provided-uuid'?: string }[] };
  inherited?: { uuid: string; 'provided-uuid': string }[];
  satisfied?: { uuid: string; 'responsibility-uuid': string }[];
}
interface Requirement {
  uuid: string;
  'control-id': string;
  'by-components': ByComponent[];
}
interface Ssp {
  'system-security-plan': {
    uuid: string;
    'system-implementation': { components: { uuid: string; type: string }[] };
    'control-implementation': { 'implemented-requirements': Requirement[] };
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('oscal', () => {
  let example: ScanResult;
  let ssp: Ssp;
  beforeAll(async () => {
    example = await scanExample();
    ssp = JSON.parse(renderOscal(example));
  });

  it('validates against the official OSCAL 1.1.3 SSP schema', async (context) => {
    if (!hasSharedData(SSP_SCHEMA)) {
      console.warn(`skipping OSCAL schema validation: ${SSP_SCHEMA} is absent (it lives beside the repository, never in it)`);
      context.skip();
      return;
    }
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(loadJson(SSP_SCHEMA));
    for (const result of [example, await scanHostile(), loadLiveResult()]) {
      const document: unknown = JSON.parse(renderOscal(result));
      const valid = validate(document);
      expect(valid ? [] : validate.errors).toEqual([]);
    }
  });

  it('lists, per control, AWS providing its part and the customer inheriting and satisfying, linked by uuid', () => {
    const plan = ssp['system-security-plan'];
    const [aws, system] = plan['system-implementation'].components;
    expect(system?.type).toBe('this-system');
    const requirements = plan['control-implementation']['implemented-requirements'];
    expect(requirements.map((entry) => entry['control-id'])).toEqual(NIST_CONTROL_TABLE.map((entry) => entry.id));
    for (const requirement of requirements) {
      const [provider, customer] = requirement['by-components'];
      expect(provider?.['component-uuid']).toBe(aws?.uuid);
      expect(customer?.['component-uuid']).toBe(system?.uuid);
      const provided = provider?.export?.provided?.[0]?.uuid;
      expect(provided).toMatch(UUID);
      expect(customer?.inherited?.[0]?.['provided-uuid']).toBe(provided);
      const responsibility = provider?.export?.responsibilities?.[0];
      if (responsibility) {
        expect(responsibility['provided-uuid']).toBe(provided);
        expect(customer?.satisfied?.[0]?.['responsibility-uuid']).toBe(responsibility.uuid);
      } else {
        expect(customer?.satisfied).toBeUndefined();
      }
    }
    const physical = requirements.find((entry) => entry['control-id'] === 'pe-3');
    expect(physical?.['by-components'][0]?.export?.responsibilities).toBeUndefined();
    expect(physical?.['by-components'][1]?.['implementation-status']?.state).toBe('implemented');
  });

  it('takes implementation status from the evidence', () => {
    const rows = new Map(nistControlRows(example).map((row) => [row.id, row]));
    const requirements = ssp['system-security-plan']['control-implementation']['implemented-requirements'];
    const state = (id: string) => requirements.find((entry) => entry['control-id'] === id)?.['by-components'][1]?.['implementation-status']?.state;
    // The example misconfigures backups and IAM on purpose; nothing checks staff training.
    expect(rows.get('cp-9')?.status).toBe('failing');
    expect(state('cp-9')).toBe('partial');
    expect(rows.get('ac-6')?.status).toBe('failing');
    expect(rows.get('at-2')?.status).toBe('not-assessed');
    expect(state('at-2')).toBe('planned');
    expect(rows.get('at-2')?.evidenceText).toContain('needs attestation: train-staff');
  });

  it('uses deterministic, unique v5 uuids', async () => {
    const again: Ssp = JSON.parse(renderOscal(await scanExample()));
    expect(again).toEqual(ssp);
    const text = JSON.stringify(ssp);
    const uuids = [...text.matchAll(/"uuid":"([^"]+)"/g)].map((match) => match[1]);
    expect(uuids.length).toBeGreaterThan(100);
    expect(new Set(uuids).size).toBe(uuids.length);
    for (const uuid of uuids) expect(uuid).toMatch(UUID);
    expect(nameUuid('a')).toBe(nameUuid('a'));
    expect(nameUuid('a')).not.toBe(nameUuid('b'));
  });
});

describe('the NIST control table', () => {
  it('names controls of the catalog, with their titles, none withdrawn', (context) => {
    if (!hasSharedData(NIST_CATALOG)) {
      console.warn(`skipping the catalog check: ${NIST_CATALOG} is absent`);
      context.skip();
      return;
    }
    const catalog = loadJson(NIST_CATALOG) as { catalog: { groups: { id: string; controls: { id: string; title: string; props?: { name: string; value: string }[] }[] }[] } };
    const known = new Map(catalog.catalog.groups.flatMap((group) => group.controls.map((control) => [control.id, { ...control, family: group.id }] as const)));
    for (const entry of NIST_CONTROL_TABLE) {
      const control = known.get(entry.id);
      expect(control, entry.id).toBeDefined();
      expect(control?.title).toBe(entry.title);
      expect(control?.family).toBe(entry.id.split('-')[0]);
      expect(control?.props?.some((prop) => prop.name === 'status' && prop.value === 'withdrawn') ?? false, entry.id).toBe(false);
    }
  });

  it("covers every NIST family of every model control, and only those families", () => {
    for (const control of controls) {
      for (const family of control.nistFamilies) {
        const covered = NIST_CONTROL_TABLE.some((entry) => entry.controls.includes(control.id) && entry.id.startsWith(`${family.toLowerCase()}-`));
        expect(covered, `${control.id} / ${family}`).toBe(true);
      }
    }
    for (const entry of NIST_CONTROL_TABLE) {
      for (const id of entry.controls) {
        const control = controls.find((candidate) => candidate.id === id);
        expect(control, id).toBeDefined();
        expect(control?.nistFamilies.map((family) => family.toLowerCase())).toContain(entry.id.split('-')[0]);
      }
    }
  });
});
