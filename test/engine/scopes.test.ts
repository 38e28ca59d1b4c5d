import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import type { ScanResult } from '../../src/engine/result.js';
import { loadPaths } from '../../src/inventory/load-paths.js';
import { fixtureSource, listFixtures } from '../support/fixtures.js';

const NOW = new Date('2026-11-01T00:00:00Z');

/** Every finding and matrix row of a result, keyed by check, scope and resource id. */
function verdicts(result: ScanResult): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (key: string, value: string): void => {
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  };
  for (const finding of result.findings) add(`${finding.checkId} ${finding.resource.scope ?? ''} ${finding.resource.id}`, `${finding.status}: ${finding.message}`);
  for (const row of result.matrix) add(`matrix ${row.resource.scope ?? ''} ${row.resource.id}`, row.cells.map((cell) => `${cell.layer}=${cell.status}`).join(' '));
  for (const list of out.values()) list.sort();
  return out;
}

async function scan(paths: readonly string[]): Promise<ScanResult> {
  return evaluateInventory(await loadPaths(paths), { checks: allChecks, now: NOW });
}

// A reference resolves only within its own template or Terraform root, so scanning many inputs at once must give each
// resource exactly the verdicts it gets when its input is scanned alone: over every template and Terraform fixture.
describe('scanning inputs together equals scanning each alone', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'demarc-scopes-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  // A .tf file is a module only with its folder, and the fixtures of one check share a folder: give each its own root.
  const inputs: string[] = [];
  for (const check of allChecks) {
    for (const fixture of listFixtures(check)) {
      const source = fixtureSource(fixture);
      if (source === 'live' || source === 'inventory') continue;
      if (source === 'terraform' && /\.tf(\.json)?$/.test(fixture.name)) {
        const root = join(workspace, `${check.id}--${fixture.name}`);
        mkdirSync(root);
        copyFileSync(fixture.path, join(root, fixture.name.endsWith('.tf.json') ? 'main.tf.json' : 'main.tf'));
        inputs.push(root);
      } else {
        inputs.push(fixture.path);
      }
    }
  }

  it(`holds over ${inputs.length} fixture inputs`, async () => {
    expect(inputs.length).toBeGreaterThan(500);
    const together = verdicts(await scan(inputs));
    const alone = new Map<string, string[]>();
    for (const input of inputs) {
      for (const [key, values] of verdicts(await scan([input]))) {
        expect(alone.has(key), `${key} appears in two inputs`).toBe(false);
        alone.set(key, values);
      }
    }
    const differences = [...new Set([...together.keys(), ...alone.keys()])]
      .filter((key) => JSON.stringify(together.get(key)) !== JSON.stringify(alone.get(key)))
      .map((key) => ({ key, together: together.get(key), alone: alone.get(key) }));
    expect(differences.slice(0, 5)).toEqual([]);
    expect(together.size).toBe(alone.size);
  }, 300_000);
});

describe('name lookups in a live account', () => {
  it('prefer the asked type and the region of the resource being judged', async () => {
    const { createScopedView, indexInventory } = await import('../../src/inventory/view.js');
    const group = (type: string, region: string) => ({ id: `arn:${type}:${region}`, scope: 'aws://1', type, name: 'tls', region, properties: {}, origin: { kind: 'aws' as const } });
    const resources = [group('AWS::RDS::DBClusterParameterGroup', 'us-east-1'), group('AWS::RDS::DBParameterGroup', 'eu-west-1'), group('AWS::RDS::DBParameterGroup', 'us-east-1')];
    const types = new Set(resources.map((resource) => resource.type));
    const view = createScopedView(indexInventory({ resources }), 'aws://1', { reader: 'test', types, region: 'us-east-1' });
    expect(view.resolve('tls', ['AWS::RDS::DBParameterGroup'])?.id).toBe('arn:AWS::RDS::DBParameterGroup:us-east-1');
    expect(view.resolve('tls', ['AWS::RDS::DBClusterParameterGroup'])?.id).toBe('arn:AWS::RDS::DBClusterParameterGroup:us-east-1');
    expect(() => view.resolve('tls', ['AWS::S3::Bucket'])).toThrow(/without declaring/);
    const other = createScopedView(indexInventory({ resources }), 'aws://1', { reader: 'test', types, region: 'eu-west-1' });
    expect(other.resolve('tls', ['AWS::RDS::DBParameterGroup'])?.id).toBe('arn:AWS::RDS::DBParameterGroup:eu-west-1');
    expect(createScopedView(indexInventory({ resources }), 'aws://2', { reader: 'test', types }).resolve('tls')).toBeUndefined();
  });
});
