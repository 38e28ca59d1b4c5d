import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { getControl, getDuty, getService, serviceForResourceType } from '../../src/model/catalogue.js';
import { isLayerId, isSeverity } from '../../src/model/vocabulary.js';
import { CHECKS_DIR, listFixtures } from '../support/fixtures.js';
// @ts-expect-error: a plain ESM script without types; the test only calls its two functions.
import { listCheckFiles, renderIndex } from '../../scripts/generate-check-index.mjs';

describe('the check catalogue', () => {
  it('has an index that matches the folder', () => {
    const current = readFileSync(join(CHECKS_DIR, 'index.ts'), 'utf8');
    expect(current).toBe(renderIndex(listCheckFiles()));
  });

  it('has unique ids', () => {
    const ids = allChecks.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(allChecks.map((check) => [check.id, check] as const))('%s', (id, check) => {
    it('is in a file named after its id, in its service folder', () => {
      const file = listCheckFiles().find((path: string) => basename(path) === id);
      expect(file, `no file ${id}.ts`).toBe(`${check.service}/${id}`);
    });

    it('names a known service, layer, control, duty and severity', () => {
      expect(getService(check.service), `service ${check.service}`).toBeDefined();
      expect(isLayerId(check.layer), `layer ${check.layer}`).toBe(true);
      expect(getControl(check.control), `control ${check.control}`).toBeDefined();
      expect(getDuty(check.duty), `duty ${check.duty}`).toBeDefined();
      expect(isSeverity(check.severity)).toBe(true);
    });

    it('reads resource types the model places in a service, and the layer is not AWS-only for them', () => {
      expect(check.resourceTypes.length).toBeGreaterThan(0);
      for (const type of check.resourceTypes) {
        expect(serviceForResourceType(type), `resource type ${type} is in no service`).toBeDefined();
      }
    });

    it('has a rationale and remediation for console, CloudFormation and Terraform', () => {
      expect(check.rationale.length).toBeGreaterThan(30);
      expect(check.remediation.console.length).toBeGreaterThan(10);
      expect(check.remediation.cloudformation.length).toBeGreaterThan(5);
      expect(check.remediation.terraform.length).toBeGreaterThan(5);
    });

    it('has fixtures that pass and fixtures that fail', () => {
      const expectations = new Set(listFixtures(check).map((fixture) => fixture.expected));
      expect(expectations.has('pass'), 'no pass fixture').toBe(true);
      expect(expectations.has('fail'), 'no fail fixture').toBe(true);
    });

    it('starts with a one-line comment that says what compliant means', () => {
      const source = readFileSync(join(CHECKS_DIR, check.service, `${id}.ts`), 'utf8');
      expect(source.startsWith('// Compliant: ')).toBe(true);
    });
  });
});
