import { allChecks } from './checks/index.js';
import type { Check } from './checks/types.js';
import type { Framework } from './model/types.js';
import type { ActiveAttestation } from './engine/matrix.js';
import type { Finding, ScanResult } from './engine/result.js';
import { evaluateInventory } from './engine/scan.js';
import { loadPaths, type LoadOptions } from './inventory/load-paths.js';

export interface ScanPathsOptions extends LoadOptions {
  checks?: readonly Check[];
  now?: Date;
  attestations?: readonly ActiveAttestation[];
  adjustFinding?: (finding: Finding) => Finding;
  frameworks?: readonly Framework[];
}

/** Scans templates, plans, state files and folders: the library's main entry point. */
export async function scanPaths(paths: readonly string[], options: ScanPathsOptions = {}): Promise<ScanResult> {
  const inventory = await loadPaths(paths, options);
  return evaluateInventory(inventory, {
    checks: options.checks ?? allChecks,
    now: options.now,
    attestations: options.attestations,
    adjustFinding: options.adjustFinding,
    frameworks: options.frameworks,
  });
}
