import type { Check } from '../checks/types.js';
import { markProviderManaged } from '../inventory/provider-managed.js';
import type { Inventory } from '../inventory/resource.js';
import type { Framework } from '../model/types.js';
import { evaluateChecks } from './evaluate.js';
import { evaluateFramework } from './framework-status.js';
import { buildMatrix, summarizeLayers, type ActiveAttestation } from './matrix.js';
import { RESULT_SCHEMA_VERSION, type Finding, type ScanResult } from './result.js';
import { summarize } from './summary.js';
import { TOOL_VERSION } from '../version.js';

export interface EvaluateOptions {
  checks: readonly Check[];
  /** The scan's clock; fixed in tests so that results are repeatable. */
  now?: Date;
  attestations?: readonly ActiveAttestation[];
  /** Applied to each finding after evaluation (suppressions, severity overrides). */
  adjustFinding?: (finding: Finding) => Finding;
  /** Frameworks to report per-item status for. */
  frameworks?: readonly Framework[];
  /**
   * Fail a check that resolves a reference onto a type it does not declare. Defaults to on when DEMARC_STRICT_READS=1
   * (the test suite sets it), so every fixture proves its check's declarations.
   */
  strictReads?: boolean;
}

/** Inventory in, result out: the pure middle of demarc (no I/O). */
export function evaluateInventory(scanned: Inventory, options: EvaluateOptions): ScanResult {
  const inventory = markProviderManaged(scanned);
  const now = options.now ?? new Date();
  const run = evaluateChecks(inventory, options.checks, now, { strictReads: options.strictReads ?? process.env['DEMARC_STRICT_READS'] === '1' });
  const findings = options.adjustFinding ? run.findings.map(options.adjustFinding) : run.findings;
  const matrix = buildMatrix(inventory, findings, options.attestations);
  const result: ScanResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'demarc', version: TOOL_VERSION },
    generatedAt: now.toISOString(),
    sources: inventory.sources,
    checks: options.checks.map(({ id, title, service, resourceTypes, layer, control, duty, severity, rationale, remediation }) => ({
      id, title, service, resourceTypes: [...resourceTypes], layer, control, duty, severity, rationale, remediation: { ...remediation },
    })),
    findings,
    matrix: matrix.rows,
    layers: summarizeLayers(matrix.rows),
    coverage: { checks: run.coverage, uncovered: matrix.uncovered, gaps: inventory.gaps, problems: inventory.problems },
    summary: summarize(inventory, findings, options.checks.length),
  };
  if (options.frameworks && options.frameworks.length > 0) {
    result.frameworks = options.frameworks.map((framework) => evaluateFramework(framework, findings, options.attestations));
  }
  return result;
}
