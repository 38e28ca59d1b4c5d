import type { Finding, ScanResult } from '../engine/result.js';
import { summarize } from '../engine/summary.js';
import { emptyInventory } from '../inventory/resource.js';
import type { CheckStatus } from '../model/vocabulary.js';
import { pairOpenFindings } from './diff.js';

export interface BaselineOutcome {
  /** The result with the findings already open in the baseline left out (matrix and coverage untouched). */
  result: ScanResult;
  /** Open findings that were already open in the baseline, by status. */
  known: Partial<Record<CheckStatus, number>>;
  knownTotal: number;
  /** Open findings that are new since the baseline. */
  newTotal: number;
  /** Findings open in the baseline that are no longer open. */
  fixedTotal: number;
}

/** Keeps only what is new since `baseline`, so that a run reports and fails on new findings alone. */
export function applyBaseline(result: ScanResult, baseline: ScanResult): BaselineOutcome {
  const pairing = pairOpenFindings(baseline.findings, result.findings);
  const knownFindings = new Set<Finding>(pairing.kept.map(({ after }) => after));
  const kept = result.findings.filter((finding) => !knownFindings.has(finding));
  const known: Partial<Record<CheckStatus, number>> = {};
  for (const finding of knownFindings) known[finding.status] = (known[finding.status] ?? 0) + 1;
  // The summary describes the findings reported; the counts of the estate itself stay as they were.
  const recount = summarize(emptyInventory(), kept, result.summary.checks);
  const summary = { ...recount, resources: result.summary.resources, gaps: result.summary.gaps };
  return {
    result: { ...result, findings: kept, summary },
    known,
    knownTotal: knownFindings.size,
    newTotal: pairing.added.length,
    fixedTotal: pairing.removed.length,
  };
}

export function describeBaseline(outcome: BaselineOutcome, file: string): string {
  const known = Object.entries(outcome.known).map(([status, count]) => `${count} ${status}`).join(', ');
  return `baseline ${file}: ${outcome.newTotal} new finding${outcome.newTotal === 1 ? '' : 's'} reported; ${outcome.knownTotal} already known and not reported${known ? ` (${known})` : ''}; ${outcome.fixedTotal} fixed since`;
}
