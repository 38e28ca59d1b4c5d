import type { CollectionGap, SourceProblem } from '../inventory/resource.js';
import type { CellStatus, CheckStatus, LayerId, Owner } from '../model/vocabulary.js';
import type { Finding, MatrixRow, ResourceRef, ScanResult, UncoveredResource } from '../engine/result.js';

/** Statuses that ask for attention; a finding that leaves them is fixed. Suppressed findings are still open. */
export const OPEN_STATUSES: ReadonlySet<CheckStatus> = new Set<CheckStatus>(['fail', 'error', 'unknown']);

export function isOpen(finding: Finding): boolean {
  return OPEN_STATUSES.has(finding.status);
}

/**
 * Ids that more than one scope (template, Terraform root, account) holds within one run (each list is one run's
 * resources). Only for those does the scope join a resource's identity across runs, so a baseline still matches after
 * the folder was checked out elsewhere or a template was renamed.
 */
export function sharedIds(...runs: ReadonlyArray<readonly Pick<ResourceRef, 'id' | 'scope'>[]>): ReadonlySet<string> {
  const shared = new Set<string>();
  for (const list of runs) {
    const scopes = new Map<string, string>();
    for (const resource of list) {
      const scope = resource.scope ?? '';
      const seen = scopes.get(resource.id);
      if (seen === undefined) scopes.set(resource.id, scope);
      else if (seen !== scope) shared.add(resource.id);
    }
  }
  return shared;
}

const NONE: ReadonlySet<string> = new Set();

function resourceKey(resource: ResourceRef, shared: ReadonlySet<string> = NONE): string {
  return JSON.stringify([shared.has(resource.id) ? (resource.scope ?? '') : '', resource.id, resource.account ?? '', resource.region ?? '']);
}

/** A finding's identity across runs: the check and the resource where it lives, never its wording. */
export function findingKey(finding: Pick<Finding, 'checkId' | 'resource'>, shared: ReadonlySet<string> = NONE): string {
  return JSON.stringify([finding.checkId, resourceKey(finding.resource, shared)]);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const list = groups.get(name) ?? [];
    list.push(item);
    groups.set(name, list);
  }
  return groups;
}

export interface FindingPairing {
  /** Open now, not open before. */
  added: Finding[];
  /** Open before, not open now (from the old result). */
  removed: Finding[];
  /** Open in both: the new finding, with its old counterpart. */
  kept: Array<{ before: Finding; after: Finding }>;
}

/**
 * Pairs the open findings of two runs by identity. A check can report several findings on one resource; those
 * pair up in order, so that one more of them counts as new and one fewer as fixed.
 */
export function pairOpenFindings(before: readonly Finding[], after: readonly Finding[], shared: ReadonlySet<string> = sharedIds(before.map((finding) => finding.resource), after.map((finding) => finding.resource))): FindingPairing {
  const key = (finding: Finding): string => findingKey(finding, shared);
  const old = groupBy(before.filter(isOpen), key);
  const pairing: FindingPairing = { added: [], removed: [], kept: [] };
  const seen = new Set<string>();
  for (const [identity, current] of groupBy(after.filter(isOpen), key)) {
    seen.add(identity);
    const previous = old.get(identity) ?? [];
    current.forEach((finding, index) => {
      const counterpart = previous[index];
      if (counterpart) pairing.kept.push({ before: counterpart, after: finding });
      else pairing.added.push(finding);
    });
    pairing.removed.push(...previous.slice(current.length));
  }
  for (const [identity, previous] of old) if (!seen.has(identity)) pairing.removed.push(...previous);
  return pairing;
}

export interface FixedFinding {
  finding: Finding;
  /** The finding's status in the new run (`pass`, `not-applicable`), or absent when it is gone altogether. */
  now?: CheckStatus;
}

export interface StillOpenFinding {
  finding: Finding;
  /** The status in the old run, when it differs (`unknown` that became `fail`). */
  was?: CheckStatus;
}

export interface CellChange {
  resource: ResourceRef;
  layer: LayerId;
  owner: Owner;
  from: CellStatus;
  to: CellStatus;
  note?: string;
}

export interface ListChange<T> {
  added: T[];
  removed: T[];
}

export interface ResultDiff {
  old: { generatedAt: string };
  new: { generatedAt: string };
  findings: { new: Finding[]; fixed: FixedFinding[]; open: StillOpenFinding[] };
  matrix: { changed: CellChange[]; resourcesAdded: ResourceRef[]; resourcesRemoved: ResourceRef[] };
  coverage: { gaps: ListChange<CollectionGap>; uncovered: ListChange<UncoveredResource>; problems: ListChange<SourceProblem> };
}

function listChange<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): ListChange<T> {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return { added: after.filter((item) => !beforeKeys.has(key(item))), removed: before.filter((item) => !afterKeys.has(key(item))) };
}

function diffMatrix(before: readonly MatrixRow[], after: readonly MatrixRow[], shared: ReadonlySet<string>): ResultDiff['matrix'] {
  const oldRows = new Map(before.map((row) => [resourceKey(row.resource, shared), row]));
  const newKeys = new Set(after.map((row) => resourceKey(row.resource, shared)));
  const changed: CellChange[] = [];
  const resourcesAdded: ResourceRef[] = [];
  for (const row of after) {
    const previous = oldRows.get(resourceKey(row.resource, shared));
    if (!previous) {
      resourcesAdded.push(row.resource);
      continue;
    }
    for (const cell of row.cells) {
      const old = previous.cells.find((candidate) => candidate.layer === cell.layer);
      if (!old || old.status === cell.status) continue;
      const change: CellChange = { resource: row.resource, layer: cell.layer, owner: cell.owner, from: old.status, to: cell.status };
      if (cell.note !== undefined) change.note = cell.note;
      changed.push(change);
    }
  }
  const resourcesRemoved = before.filter((row) => !newKeys.has(resourceKey(row.resource, shared))).map((row) => row.resource);
  return { changed, resourcesAdded, resourcesRemoved };
}

/** What changed between two results of the same estate: findings, matrix cells, coverage. Pure. */
export function diffResults(before: ScanResult, after: ScanResult): ResultDiff {
  const shared = sharedIds([...before.matrix.map((row) => row.resource), ...before.findings.map((finding) => finding.resource)], [...after.matrix.map((row) => row.resource), ...after.findings.map((finding) => finding.resource)]);
  const pairing = pairOpenFindings(before.findings, after.findings, shared);
  const closedNow = groupBy(after.findings.filter((finding) => !isOpen(finding)), (finding) => findingKey(finding, shared));
  const fixed = pairing.removed.map((finding): FixedFinding => {
    const entry: FixedFinding = { finding };
    const now = closedNow.get(findingKey(finding, shared))?.[0]?.status;
    if (now !== undefined) entry.now = now;
    return entry;
  });
  const open = pairing.kept.map(({ before: old, after: current }): StillOpenFinding => (old.status === current.status ? { finding: current } : { finding: current, was: old.status }));
  return {
    old: { generatedAt: before.generatedAt },
    new: { generatedAt: after.generatedAt },
    findings: { new: pairing.added, fixed, open },
    matrix: diffMatrix(before.matrix, after.matrix, shared),
    coverage: {
      gaps: listChange(before.coverage.gaps, after.coverage.gaps, (gap) => JSON.stringify([gap.account, gap.region, gap.call, gap.resourceId, [...gap.resourceTypes].sort(), gap.reason])),
      uncovered: listChange(before.coverage.uncovered, after.coverage.uncovered, (entry) => JSON.stringify([entry.id, entry.type])),
      problems: listChange(before.coverage.problems, after.coverage.problems, (problem) => JSON.stringify([problem.file, problem.line, problem.message])),
    },
  };
}

export function hasChanges(diff: ResultDiff): boolean {
  const { findings, matrix, coverage } = diff;
  return (
    findings.new.length + findings.fixed.length + matrix.changed.length + matrix.resourcesAdded.length + matrix.resourcesRemoved.length > 0 ||
    Object.values(coverage).some((change) => change.added.length + change.removed.length > 0)
  );
}
