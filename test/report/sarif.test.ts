import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { renderSarif } from '../../src/report/sarif.js';
import { REPO_ROOT } from '../support/fixtures.js';
import { loadLiveResult, scanExample, scanHostile } from './support.js';

const run = promisify(execFile);
const MULTITOOL = join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');

interface SarifRun {
  tool: { driver: { rules: { id: string; help: { text: string; markdown: string } }[] } };
  results: {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } }; logicalLocations?: { fullyQualifiedName: string; kind: string }[] }[];
    suppressions?: { kind: string; justification: string }[];
  }[];
}

function parse(text: string): SarifRun {
  const log = JSON.parse(text);
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  return log.runs[0];
}

/** Why the validator cannot run here, or undefined when it can. */
async function multitoolUnavailable(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `no linux-x64 host (${process.platform}-${process.arch})`;
  if (!existsSync(MULTITOOL)) return `${MULTITOOL} is not installed`;
  try {
    accessSync(MULTITOOL, constants.X_OK);
  } catch {
    return `${MULTITOOL} is not executable (chmod +x it)`;
  }
  try {
    await run(MULTITOOL, ['--version'], { timeout: 60_000 });
  } catch (error) {
    return `${MULTITOOL} does not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  return undefined;
}

describe('sarif', () => {
  let example: ScanResult;
  let directory: string;
  beforeAll(async () => {
    example = await scanExample();
    directory = await mkdtemp(join(tmpdir(), 'demarc-sarif-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('has one rule per check with help text and remediation, and results only for fail, unknown and error', () => {
    const sarif = parse(renderSarif(example));
    const checkIds = example.coverage.checks.map((entry) => entry.checkId);
    expect(sarif.tool.driver.rules.map((rule) => rule.id)).toEqual(checkIds);
    for (const rule of sarif.tool.driver.rules) {
      expect(rule.help.text).toContain('Remediation');
      expect(rule.help.markdown).toContain('CloudFormation');
    }
    const actionable = example.findings.filter((finding) => ['fail', 'unknown', 'error'].includes(finding.status));
    expect(sarif.results).toHaveLength(actionable.length);
    for (const result of sarif.results) {
      expect(sarif.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      const location = result.locations[0]?.physicalLocation;
      expect(location?.artifactLocation).toEqual({ uri: 'examples/three-tier-app.yaml', uriBaseId: '%SRCROOT%' });
      expect(location?.region?.startLine).toBeGreaterThan(0);
    }
  });

  it('maps levels: fail by severity, unknown and error to note, suppressions kept', async () => {
    const result = await scanHostile();
    const sarif = parse(renderSarif(result));
    const byResource = (id: string, ruleId: string) => sarif.results.find((entry) => entry.ruleId === ruleId && entry.message.text.startsWith(id));
    expect(byResource('XssBucket', 's3-bucket-versioning')?.level).toBe('warning');
    expect(byResource('ParameterBucket', 's3-bucket-versioning')?.level).toBe('note');
    expect(byResource('GoodBucket', 'test-check-throws')?.level).toBe('note');
    expect(byResource('GoodBucket', 's3-bucket-versioning')).toBeUndefined();
    const suppressed = byResource('FormulaBucket', 's3-bucket-versioning');
    expect(suppressed?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: '=cmd|"/c calc"!A1 accepted risk (until 2026-01-01)' }]);
  });

  it('uses ARNs as logical locations for live scans, and AWS-managed failures are notes', () => {
    const sarif = parse(renderSarif(loadLiveResult()));
    const bucket = sarif.results.find((entry) => entry.ruleId === 's3-bucket-public-access-block' && !entry.suppressions);
    expect(bucket?.level).toBe('error');
    expect(bucket?.locations[0]?.logicalLocations?.[0]).toMatchObject({ fullyQualifiedName: 'arn:aws:s3:::customer-exports', kind: 'resource' });
    expect(bucket?.locations[0]?.physicalLocation).toBeUndefined();
    const managed = sarif.results.find((entry) => entry.ruleId === 'iam-policy-no-full-admin');
    expect(managed?.level).toBe('note');
    expect(managed?.message.text).toContain('Attributed to AWS');
  });

  it("passes Microsoft's SARIF validator with no errors", async (context) => {
    const unavailable = await multitoolUnavailable();
    if (unavailable) {
      console.warn(`skipping the sarif-multitool validation: ${unavailable}`);
      context.skip();
      return;
    }
    const inputs = { example, hostile: await scanHostile(), live: loadLiveResult() };
    for (const [name, result] of Object.entries(inputs)) {
      const file = join(directory, `${name}.sarif`);
      const report = join(directory, `${name}.validation.sarif`);
      await writeFile(file, renderSarif(result));
      const { stdout, stderr } = await run(MULTITOOL, ['validate', file, '--output', report, '--log', 'ForceOverwrite'], { timeout: 120_000 });
      const console = `${stdout}\n${stderr}`;
      expect(console, `${name}: ${console}`).not.toMatch(/:\s*error\b/i);
      const validation = JSON.parse(await readFile(report, 'utf8'));
      const errors = (validation.runs?.[0]?.results ?? []).filter((entry: { level?: string }) => entry.level === 'error');
      expect(errors, `${name}: ${JSON.stringify(errors)}`).toEqual([]);
    }
  }, 300_000);
});
