import type { Framework, FrameworkItem } from '../model/types.js';
import type { Owner } from '../model/vocabulary.js';
import type { ActiveAttestation } from './matrix.js';
import type { Finding } from './result.js';

export type FrameworkItemStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable' | 'inherited' | 'attested' | 'not-assessed';

export interface FrameworkItemResult {
  id: string;
  title: string;
  section?: string;
  level?: number;
  automated: boolean;
  owner: Exclude<Owner, 'none'>;
  status: FrameworkItemStatus;
  checks: string[];
  /** Findings behind the status, by status (suppressed ones left out). */
  counts: { pass: number; fail: number; unknown: number };
  note?: string;
}

export interface FrameworkResult {
  id: string;
  title: string;
  version: string;
  items: FrameworkItemResult[];
  counts: Record<FrameworkItemStatus, number>;
}

type FindingsByCheck = ReadonlyMap<string, readonly Finding[]>;

function itemStatus(item: FrameworkItem, findingsByCheck: FindingsByCheck, attestations: readonly ActiveAttestation[]): Pick<FrameworkItemResult, 'status' | 'counts' | 'note'> {
  const own = [...new Set(item.checks)].flatMap((check) => findingsByCheck.get(check) ?? []);
  // A failure about another facet only (an IPv4 rule, for an item about ::/0) shows this item's part is met.
  const otherFacet = (finding: Finding): boolean => item.facet !== undefined && finding.status === 'fail' && finding.facets !== undefined && !finding.facets.includes(item.facet);
  const counts = {
    pass: own.filter((finding) => finding.status === 'pass' || otherFacet(finding)).length,
    fail: own.filter((finding) => finding.status === 'fail' && !otherFacet(finding) && finding.owner !== 'provider').length,
    unknown: own.filter((finding) => finding.status === 'unknown' || finding.status === 'error').length,
  };
  if (item.owner === 'provider') return { status: 'inherited', counts, note: 'AWS operates this control; the customer inherits it' };
  if (counts.fail > 0) return { status: 'fail', counts };
  if (counts.unknown > 0) return { status: 'unknown', counts };
  if (counts.pass > 0) return { status: 'pass', counts };
  const attestation = attestations.find((entry) => !entry.expired && item.duties.includes(entry.duty));
  if (attestation) return { status: 'attested', counts, note: `${attestation.duty}: attested by ${attestation.by}` };
  if (own.length > 0) return { status: 'not-applicable', counts };
  // Without evidence an item is never failed: it waits for a check's input or for someone to attest its duties.
  const note = item.checks.length > 0
    ? 'nothing in the input for its checks'
    : item.automated ? 'no demarc check judges it yet: attest its duties' : 'manual: attest its duties';
  return { status: 'not-assessed', counts, note };
}

/** Each item of a framework with its status from the findings: provider-owned items are inherited, never failures. */
export function evaluateFramework(framework: Framework, findings: readonly Finding[], attestations: readonly ActiveAttestation[] = []): FrameworkResult {
  // Frameworks run to a thousand items over as many findings: look findings up by check, and skip suppressed ones once.
  const findingsByCheck = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const list = findingsByCheck.get(finding.checkId);
    if (list) list.push(finding);
    else findingsByCheck.set(finding.checkId, [finding]);
  }
  const counts: Record<FrameworkItemStatus, number> = { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, inherited: 0, attested: 0, 'not-assessed': 0 };
  const items = framework.items.map((item): FrameworkItemResult => {
    const outcome = itemStatus(item, findingsByCheck, attestations);
    counts[outcome.status] += 1;
    const entry: FrameworkItemResult = { id: item.id, title: item.title, automated: item.automated, owner: item.owner ?? 'customer', checks: item.checks, ...outcome };
    if (item.section !== undefined) entry.section = item.section;
    if (item.level !== undefined) entry.level = item.level;
    return entry;
  });
  return { id: framework.id, title: framework.title, version: framework.version, items, counts };
}
