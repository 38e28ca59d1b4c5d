import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Check } from '../../src/checks/types.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import type { Finding } from '../../src/engine/result.js';
import { loadPaths } from '../../src/inventory/load-paths.js';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import { terraformSource } from '../../src/inventory/sources/terraform/index.js';
import { fromJson, isRecord } from '../../src/inventory/values.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHECKS_DIR = join(REPO_ROOT, 'src', 'checks');

/** Fixtures live beside each check: `src/checks/<service>/fixtures/<check-id>/<expected>[-anything].<ext>`. */
export const FIXTURE_EXPECTATIONS = ['pass', 'fail', 'unknown', 'not-applicable'] as const;
export type FixtureExpectation = (typeof FIXTURE_EXPECTATIONS)[number];

export interface CheckFixture {
  path: string;
  name: string;
  expected: FixtureExpectation;
}

export function fixturesFolder(check: Check): string {
  return join(CHECKS_DIR, check.service, 'fixtures', check.id);
}

export function listFixtures(check: Check): CheckFixture[] {
  const folder = fixturesFolder(check);
  if (!existsSync(folder)) return [];
  const fixtures: CheckFixture[] = [];
  for (const name of readdirSync(folder).sort()) {
    const expected = FIXTURE_EXPECTATIONS.find((prefix) => name === prefix || name.startsWith(`${prefix}-`) || name.startsWith(`${prefix}.`));
    if (expected) fixtures.push({ path: join(folder, name), name, expected });
  }
  return fixtures;
}

/** Where a fixture's resources come from; `live` fixtures (`.live.yaml`) run against the AWS emulator. */
export type FixtureSource = 'cloudformation' | 'terraform' | 'live' | 'inventory';

function head(path: string): string {
  const handle = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    return buffer.subarray(0, readSync(handle, buffer, 0, buffer.length, 0)).toString('utf8');
  } finally {
    closeSync(handle);
  }
}

export function fixtureSource(fixture: CheckFixture): FixtureSource {
  if (fixture.name.endsWith('.live.yaml')) return 'live';
  if (fixture.name.endsWith('.inventory.json')) return 'inventory';
  return terraformSource.claims(fixture.path, head(fixture.path)) ? 'terraform' : 'cloudformation';
}

/**
 * An inventory fixture (`*.inventory.json`) holds resources as a collector produces them, for account-level
 * settings that no template can hold: `{ "resources": [{ "id", "type", "properties", ... }], "live": true }`.
 */
function readInventoryFixture(path: string): Inventory {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof raw !== 'object' || raw === null || !('resources' in raw) || !Array.isArray(raw.resources)) {
    throw new Error(`${path}: an inventory fixture needs a resources array`);
  }
  const resources: Resource[] = raw.resources.map((entry: unknown, index: number) => {
    const value = fromJson(entry);
    if (!isRecord(value) || typeof value['id'] !== 'string' || typeof value['type'] !== 'string' || !isRecord(value['properties'])) {
      throw new Error(`${path}: resource ${index} needs id, type and properties`);
    }
    const resource: Resource = { id: value['id'], scope: `aws://${path}`, type: value['type'], properties: value['properties'], origin: { kind: 'aws' } };
    for (const key of ['name', 'arn', 'account', 'region'] as const) {
      const field = value[key];
      if (typeof field === 'string') resource[key] = field;
    }
    const managed = value['managedBy'];
    if (isRecord(managed) && typeof managed['reason'] === 'string') resource.managedBy = { owner: 'provider', reason: managed['reason'] };
    return resource;
  });
  return { resources, gaps: [], problems: [], sources: [{ file: path, kind: 'aws', resources: resources.length }] };
}

/** Evaluates one check on one fixture, through the same sources and engine as a real scan. */
export async function runFixture(check: Check, fixture: CheckFixture, now = new Date('2026-11-01T00:00:00Z')): Promise<Finding[]> {
  if (fixture.name.endsWith('.live.yaml')) throw new Error(`${fixture.path}: a live fixture runs through test/support/live-fixtures.ts (runLiveFixture)`);
  const inventory = fixture.name.endsWith('.inventory.json') ? readInventoryFixture(fixture.path) : await loadPaths([fixture.path]);
  const fatal = inventory.problems.filter((problem) => problem.fatal);
  if (fatal.length > 0) throw new Error(`${fixture.path}: ${fatal.map((problem) => problem.message).join('; ')}`);
  return evaluateInventory(inventory, { checks: [check], now }).findings.filter((finding) => finding.checkId === check.id);
}
