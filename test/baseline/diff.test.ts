import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, describeBaseline } from '../../src/baseline/baseline.js';
import { diffResults, findingKey, hasChanges } from '../../src/baseline/diff.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../src/baseline/render.js';
import { parseSavedResult } from '../../src/baseline/result-file.js';
import type { Finding, ScanResult } from '../../src/engine/result.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import { loadPaths } from '../../src/inventory/load-paths.js';
import { FIXTURES, NOW, TEST_CHECKS } from '../config/support.js';

async function scan(file: string, now = NOW): Promise<ScanResult> {
  return evaluateInventory(await loadPaths([join(FIXTURES, file)]), { checks: TEST_CHECKS, now });
}

const ids = (findings: readonly Finding[]): string[] => findings.map((finding) => finding.resource.id).sort();

describe('diffResults', () => {
  it('sorts findings into new, fixed and still open, by check and resource', async () => {
    const diff = diffResults(await scan('buckets.yaml'), await scan('buckets-fixed.yaml', new Date('2026-12-01T00:00:00Z')));
    expect(ids(diff.findings.new)).toEqual(['MediaBucket']);
    expect(diff.findings.fixed.map(({ finding, now }) => [finding.resource.id, now])).toEqual([
      ['LogsBucket', 'pass'],
      ['WebAdminBucket', undefined],
    ]);
    expect(diff.findings.open.map(({ finding }) => finding.resource.id)).toEqual(['WebBucket']);
    expect(diff.old.generatedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(diff.new.generatedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(hasChanges(diff)).toBe(true);
  });

  it('reports matrix cells whose status changed, and resources added and removed', async () => {
    const diff = diffResults(await scan('buckets.yaml'), await scan('buckets-fixed.yaml'));
    expect(diff.matrix.changed).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ id: 'LogsBucket' }), layer: 'customer-data', owner: 'customer', from: 'fail', to: 'pass' }),
    ]);
    expect(diff.matrix.resourcesAdded.map((resource) => resource.id)).toEqual(['MediaBucket']);
    expect(diff.matrix.resourcesRemoved.map((resource) => resource.id)).toEqual(['WebAdminBucket']);
  });

  it('ignores the wording of messages: identity is check, resource, account and region', async () => {
    const before = await scan('buckets.yaml');
    const reworded: ScanResult = { ...before, findings: before.findings.map((finding) => ({ ...finding, message: `${finding.message}, still` })) };
    const diff = diffResults(before, reworded);
    expect(diff.findings.new).toEqual([]);
    expect(diff.findings.fixed).toEqual([]);
    expect(hasChanges(diff)).toBe(false);
    const moved: ScanResult = { ...before, findings: before.findings.map((finding) => ({ ...finding, resource: { ...finding.resource, region: 'eu-west-1' } })) };
    expect(diffResults(before, moved).findings.new).toHaveLength(3);
    expect(findingKey(before.findings[0]!)).not.toBe(findingKey(moved.findings[0]!));
  });

  it('pairs several findings of one check on one resource by count', async () => {
    const before = await scan('buckets.yaml');
    const logs = before.findings.find((finding) => finding.resource.id === 'LogsBucket' && finding.status === 'fail')!;
    const doubled: ScanResult = { ...before, findings: [...before.findings, { ...logs, message: 'another problem' }] };
    const diff = diffResults(before, doubled);
    expect(diff.findings.new.map((finding) => finding.message)).toEqual(['another problem']);
    expect(diffResults(doubled, before).findings.fixed).toHaveLength(1);
  });

  it('notes when a still-open finding changed status', async () => {
    const before = await scan('buckets.yaml');
    const unknown: ScanResult = { ...before, findings: before.findings.map((finding) => (finding.resource.id === 'WebBucket' ? { ...finding, status: 'unknown' as const } : finding)) };
    const diff = diffResults(before, unknown);
    expect(diff.findings.open.find((entry) => entry.finding.resource.id === 'WebBucket')?.was).toBe('fail');
  });

  it('reports coverage changes: gaps, uncovered resources and input problems', async () => {
    const before = await scan('buckets.yaml');
    const after: ScanResult = {
      ...before,
      coverage: {
        ...before.coverage,
        gaps: [{ resourceTypes: ['AWS::S3::Bucket'], reason: 'AccessDenied', region: 'eu-west-1', call: 's3:GetBucketVersioning' }],
        uncovered: [{ id: 'Widget', type: 'Custom::Widget' }],
        problems: [{ file: 'broken.yaml', line: 3, message: 'not valid YAML', fatal: true }],
      },
    };
    const diff = diffResults(before, after);
    expect(diff.coverage.gaps.added).toHaveLength(1);
    expect(diff.coverage.uncovered.added).toEqual([{ id: 'Widget', type: 'Custom::Widget' }]);
    expect(diff.coverage.problems.added).toHaveLength(1);
    expect(diffResults(after, before).coverage.gaps.removed).toHaveLength(1);
  });
});

describe('rendering a diff', () => {
  it('as text, markdown and JSON', async () => {
    const diff = diffResults(await scan('buckets.yaml'), await scan('buckets-fixed.yaml'));
    const text = renderDiffText(diff, { color: false, width: 100 });
    expect(text).toContain('1 new, 2 fixed, 1 still open; 1 matrix cells changed');
    expect(text).toContain('New findings (1)\n  MEDIUM test-bucket-versioning on MediaBucket: versioning was never enabled');
    expect(text).toContain('LogsBucket: versioning was never enabled — now pass');
    expect(text).toContain('WebAdminBucket: versioning was never enabled — no longer reported');
    expect(text).toContain('LogsBucket customer-data (customer): fail → pass');
    expect(text).not.toContain('collection gaps');
    const markdown = renderDiffMarkdown(diff);
    expect(markdown).toContain('### New findings (1)\n\n- MEDIUM test-bucket-versioning on MediaBucket');
    expect(markdown).toContain('### Resources removed (1)');
    const json = JSON.parse(renderDiffJson(diff)) as { findings: { new: unknown[] } };
    expect(json.findings.new).toHaveLength(1);
  });

  it('marks suppressed findings and escapes markdown', async () => {
    const before = await scan('buckets.yaml');
    const after: ScanResult = { ...before, findings: [...before.findings, { ...before.findings[0]!, resource: { id: 'Odd|*Name*', type: 'AWS::S3::Bucket' }, status: 'fail', suppressed: { reason: 'known and accepted' } }] };
    const diff = diffResults(before, after);
    expect(renderDiffText(diff, { color: false, width: 100 })).toContain('(suppressed: known and accepted)');
    expect(renderDiffMarkdown(diff)).toContain('Odd\\|\\*Name\\*');
  });
});

describe('baselines', () => {
  it('keep only new findings, and count the known ones', async () => {
    const outcome = applyBaseline(await scan('buckets-fixed.yaml'), await scan('buckets.yaml'));
    expect(ids(outcome.result.findings.filter((finding) => finding.status === 'fail'))).toEqual(['MediaBucket']);
    expect(outcome).toMatchObject({ knownTotal: 1, newTotal: 1, fixedTotal: 2, known: { fail: 1 } });
    expect(outcome.result.summary.customerFailures.medium).toBe(1);
    expect(outcome.result.summary.resources).toBe(4);
    // The matrix still shows the whole estate.
    expect(outcome.result.matrix.find((row) => row.resource.id === 'WebBucket')?.cells.find((cell) => cell.layer === 'customer-data')?.status).toBe('fail');
    expect(describeBaseline(outcome, 'old.json')).toBe('baseline old.json: 1 new finding reported; 1 already known and not reported (1 fail); 2 fixed since');
  });
});

describe('reading a saved result', () => {
  it('accepts what scan --format json writes', async () => {
    const result = await scan('buckets.yaml');
    expect(parseSavedResult(JSON.stringify(result), 'old.json').findings).toHaveLength(result.findings.length);
  });

  it('names the file and what is wrong', () => {
    expect(() => parseSavedResult('{', 'old.json')).toThrow(/^old\.json: not JSON/);
    expect(() => parseSavedResult('{"findings": []}', 'old.json')).toThrow(/^old\.json: not a demarc JSON result: the document must have required property 'schemaVersion'/);
    expect(() => parseSavedResult('{"schemaVersion": "2.0", "generatedAt": "x", "findings": [], "matrix": [], "coverage": {"gaps": [], "uncovered": [], "problems": []}}', 'old.json')).toThrow(/written with result schema 2\.0/);
  });
});

describe('identity across runs with ids that several inputs share', () => {
  it('tells apart the same logical id in two templates, and ignores the scope where an id is unique', async () => {
    const first = await scan('buckets.yaml');
    const renamed = (finding: Finding, scope: string): Finding => ({ ...finding, resource: { ...finding.resource, scope } });
    const web = first.findings.filter((finding) => finding.resource.id === 'WebBucket' && finding.status === 'fail');
    expect(web.length).toBeGreaterThan(0);
    // Before: WebBucket fails in a.yaml and in b.yaml. After: it is fixed in b.yaml only.
    const before: ScanResult = { ...first, matrix: [], findings: [...web.map((finding) => renamed(finding, 'a.yaml')), ...web.map((finding) => renamed(finding, 'b.yaml'))] };
    const after: ScanResult = { ...first, matrix: [], findings: web.map((finding) => renamed(finding, 'a.yaml')) };
    const diff = diffResults(before, after);
    expect(diff.findings.fixed.map(({ finding }) => finding.resource.scope)).toEqual(web.map(() => 'b.yaml'));
    expect(diff.findings.new).toEqual([]);
    // A unique id keeps its identity when its template moves.
    const moved: ScanResult = { ...first, matrix: first.matrix.map((row) => ({ ...row, resource: { ...row.resource, scope: 'elsewhere/buckets.yaml' } })), findings: first.findings.map((finding) => renamed(finding, 'elsewhere/buckets.yaml')) };
    expect(hasChanges(diffResults(first, moved))).toBe(false);
  });
});
