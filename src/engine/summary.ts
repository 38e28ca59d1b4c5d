import type { Inventory } from '../inventory/resource.js';
import { severityRank, type CheckStatus, type Severity } from '../model/vocabulary.js';
import type { Finding, Summary } from './result.js';

/** A failure the customer must act on: not suppressed and not attributed to the provider. */
export function isCustomerFailure(finding: Finding): boolean {
  return finding.status === 'fail' && !finding.suppressed && finding.owner !== 'provider' && finding.owner !== 'none';
}

export function summarize(inventory: Inventory, findings: readonly Finding[], checkCount: number): Summary {
  const byStatus: Record<CheckStatus, number> = { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, error: 0 };
  const customerFailures: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let providerAttributed = 0;
  let suppressed = 0;
  for (const finding of findings) {
    byStatus[finding.status] += 1;
    if (finding.suppressed) suppressed += 1;
    if (isCustomerFailure(finding)) customerFailures[finding.severity] += 1;
    else if (finding.status === 'fail' && finding.owner === 'provider') providerAttributed += 1;
  }
  return {
    resources: inventory.resources.length,
    checks: checkCount,
    byStatus,
    customerFailures,
    providerAttributed,
    suppressed,
    gaps: inventory.gaps.length,
  };
}

/** True when some customer failure is at or above `threshold`: the run should exit 1. */
export function failsAt(findings: readonly Finding[], threshold: Severity): boolean {
  const bar = severityRank(threshold);
  return findings.some((finding) => isCustomerFailure(finding) && severityRank(finding.severity) >= bar);
}
