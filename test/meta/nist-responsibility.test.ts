import { describe, expect, it } from 'vitest';
import { getControl, getDuty } from '../../src/model/catalogue.js';
import { getFramework } from '../../src/model/frameworks/index.js';
import { rows as catalogRows } from '../../src/model/frameworks/generated/nist-800-53-r5.js';
import { nistOwnership } from '../../src/model/frameworks/nist-ownership.js';
import { NIST_RESPONSIBILITY, responsibilityKey } from '../../src/model/frameworks/nist-responsibility.js';
import { programScopes, servicesOutsideScope } from '../../src/model/frameworks/program-scope.js';
import { isNistControlItem } from '../../src/model/frameworks/rows.js';

const catalogIds = new Set(catalogRows.map(([id]) => id));
const families = new Set(catalogRows.map(([id]) => id.split('-')[0]));

describe('the NIST responsibility table', () => {
  it.each(Object.entries(NIST_RESPONSIBILITY))('%s names a catalog control or family, model controls and duties, and both parts', (key, entry) => {
    expect(catalogIds.has(key) || families.has(key), key).toBe(true);
    for (const control of entry.controls) expect(getControl(control), `${key} -> control ${control}`).toBeDefined();
    for (const duty of entry.duties) expect(getDuty(duty), `${key} -> duty ${duty}`).toBeDefined();
    expect(entry.duties.length).toBeGreaterThan(0);
    for (const text of [entry.provider, entry.customer, entry.reason]) expect(text).toMatch(/^[A-Z].+\.$/);
  });

  it('covers every current control and enhancement of the catalog, FedRAMP High included', () => {
    for (const [id] of catalogRows) expect(responsibilityKey(id), id).toBeDefined();
    for (const item of getFramework('fedramp-high')?.items ?? []) expect(isNistControlItem(item), item.id).toBe(true);
  });

  it('derives the origination from the duties: AWS-only duties are inherited, attestation-only ones customer provided', () => {
    expect(nistOwnership('pe-3').origination).toBe('provider-inherited');
    expect(nistOwnership('at-2').origination).toBe('customer-provided');
    expect(nistOwnership('ac-2').origination).toBe('customer-configured');
    expect(nistOwnership('sc-28').origination).toBe('shared');
    // A check's duty joins the customer's part: a control AWS's mapping evidences is never wholly inherited.
    expect(nistOwnership('pe-3', ['enable-audit-logging']).origination).toBe('shared');
    expect(nistOwnership('ac-2.1').entry).toBe('ac-2');
    expect(nistOwnership('ac-2').reason).toContain('configure-iam-credentials');
  });

  it('inherits from AWS only controls no check evidences', () => {
    for (const item of getFramework('nist-800-53-r5')?.items ?? []) {
      if (item.owner === 'provider') expect(item.checks, item.id).toEqual([]);
    }
  });
});

describe('the services AWS lists in scope of each programme', () => {
  it('is dated data with its source for FedRAMP Moderate and High, SOC 2, PCI DSS, HIPAA and ISO 27001', () => {
    expect(programScopes.map((scope) => scope.program).sort()).toEqual(['fedramp-high', 'fedramp-moderate', 'hipaa', 'iso-27001', 'pci-dss', 'soc-2']);
    for (const scope of programScopes) {
      expect(scope.source).toMatch(/^https:\/\/aws\.amazon\.com\/compliance\//);
      expect(scope.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const service of scope.services) expect(service).toMatch(/^[a-z0-9]+$/);
    }
  });

  it('calls a service missing from a partial list unconfirmed, never in scope', () => {
    expect(servicesOutsideScope('fedramp-moderate', ['s3', 'ec2', 's3'])).toEqual([{ service: 'ec2', reason: 'unconfirmed' }]);
  });
});
