import type { Finding } from '../engine/result.js';
import { isCustomerFailure } from '../engine/summary.js';
import { severityRank } from '../model/vocabulary.js';

/** Findings worth a reader's attention: failed, unreadable or erroring checks. */
export function isActionable(finding: Finding): boolean {
  return finding.status === 'fail' || finding.status === 'unknown' || finding.status === 'error';
}

/**
 * Worst first: customer failures by severity, then errors and unknowns (missing evidence), then failures that are
 * suppressed or attributed to AWS, then the rest. Ties keep the scan's order (the sort is stable).
 */
export function urgency(finding: Finding): number {
  if (isCustomerFailure(finding)) return 100 + severityRank(finding.severity);
  if (finding.status === 'error') return 60 + severityRank(finding.severity);
  if (finding.status === 'unknown' && !finding.suppressed) return 50 + severityRank(finding.severity);
  if (finding.status === 'fail') return 20 + severityRank(finding.severity);
  if (finding.status === 'unknown') return 10 + severityRank(finding.severity);
  return 0;
}

export function worstFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => urgency(b) - urgency(a));
}

/** `file:line:column`, or the ARN, or nothing. */
export function locationText(finding: Finding): string {
  const where = finding.location;
  if (!where) return '';
  if (where.file) return `${where.file}${where.line ? `:${where.line}` : ''}${where.line && where.column ? `:${where.column}` : ''}`;
  return where.arn ?? '';
}

export function resourceLabel(finding: Finding): string {
  const { resource } = finding;
  return resource.name && resource.name !== resource.id ? `${resource.id} (${resource.name})` : resource.id;
}
