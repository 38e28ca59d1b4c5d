import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allChecks } from '../../src/checks/index.js';
import { defineCheck } from '../../src/checks/define-check.js';
import type { Check } from '../../src/checks/types.js';
import type { ScanResult } from '../../src/engine/result.js';
import { scanPaths } from '../../src/scan.js';
import { REPO_ROOT } from '../support/fixtures.js';

/** Every golden and fixture scan runs at this instant, so outputs are byte-for-byte repeatable. */
export const FIXED_NOW = new Date('2025-06-01T12:00:00.000Z');

export const EXAMPLE = join(REPO_ROOT, 'examples', 'three-tier-app.yaml');
export const HOSTILE = join(REPO_ROOT, 'test', 'report', 'fixtures', 'hostile.yaml');
export const LIVE_RESULT = join(REPO_ROOT, 'test', 'report', 'fixtures', 'live-result.json');
export const SCHEMA_PATH = join(REPO_ROOT, 'schema', 'scan-result.schema.json');
export const GOLDEN_DIR = join(REPO_ROOT, 'test', 'report', '__golden__');

/** NIST's OSCAL files, kept beside the repository (never copied into it). */
export const SHARED_DATA = join(REPO_ROOT, '..', 'shared', 'data');
export const SSP_SCHEMA = join(SHARED_DATA, 'oscal_ssp_schema.json');
export const NIST_CATALOG = join(SHARED_DATA, 'NIST_SP-800-53_rev5_catalog.json');
export const hasSharedData = (path: string): boolean => existsSync(path);

/** Relative to the repository root, so file paths in the outputs do not depend on where the checkout lives. */
function fromRoot(path: string): string {
  return relative(process.cwd(), path) || path;
}

export function scanExample(): Promise<ScanResult> {
  return scanPaths([fromRoot(EXAMPLE)], { now: FIXED_NOW });
}

/** A check that always throws, so every format shows an `error` finding. */
const throwingCheck: Check = defineCheck({
  ...(allChecks.find((check) => check.id === 's3-bucket-versioning') ?? allChecks[0]!),
  id: 'test-check-throws',
  title: 'A check that throws',
  evaluate() {
    throw new Error('simulated <b>bug</b>');
  },
});

/** The hostile fixture with a suppression, a provider-attributed finding and a throwing check. */
export function scanHostile(): Promise<ScanResult> {
  const versioning = allChecks.filter((check) => check.id === 's3-bucket-versioning');
  return scanPaths([fromRoot(HOSTILE)], {
    now: FIXED_NOW,
    checks: [...versioning, throwingCheck],
    adjustFinding: (finding) => {
      if (finding.resource.id === 'FormulaBucket' && finding.checkId === 's3-bucket-versioning') {
        return { ...finding, suppressed: { reason: '=cmd|"/c calc"!A1 accepted risk', expires: '2026-01-01' } };
      }
      if (finding.resource.id === 'GoodBucket' && finding.checkId === 'test-check-throws') return finding;
      return finding;
    },
  });
}

export function loadLiveResult(): ScanResult {
  const value: ScanResult = JSON.parse(readFileSync(LIVE_RESULT, 'utf8'));
  return value;
}

export function loadJson(path: string): object {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof value !== 'object' || value === null) throw new Error(`${path} holds no JSON object`);
  return value;
}
