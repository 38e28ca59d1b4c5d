import type { Check, Evaluation } from '../checks/types.js';
import type { CollectionGap, Inventory, Resource } from '../inventory/resource.js';
import { createScopedView, indexInventory, type InventoryView } from '../inventory/view.js';
import { typesReadBy } from '../checks/reads.js';
import { ownerOf, serviceForResourceType } from '../model/catalogue.js';
import type { Owner } from '../model/vocabulary.js';
import type { CheckCoverage, Finding, FindingLocation, ResourceRef } from './result.js';

// Marks the references made here (hidden from JSON and from comparisons): a copy of one, or a gap's stand-in, lacks it.
const OF_INVENTORY = Symbol('inventory resource');
// What every finding on a resource shares, kept on the resource (a hidden property, looked up far faster than a
// WeakMap on scans with millions of findings); a resource that cannot take it is kept in the WeakMap.
const SHARED = Symbol('shared by the findings on this resource');
const sharedElsewhere = new WeakMap<Resource, SharedParts>();

interface SharedParts {
  ref: ResourceRef;
  /** The resource's own location (frozen), `null` when it has none, `undefined` until first asked. */
  location?: FindingLocation | null;
}

/** True for the reference `resourceRef` made for an inventory resource (not a copy, nor a gap's stand-in). */
export function isInventoryRef(ref: ResourceRef): boolean {
  return (ref as { [OF_INVENTORY]?: true })[OF_INVENTORY] === true;
}

function sharedParts(resource: Resource): SharedParts {
  const known = (resource as { [SHARED]?: SharedParts })[SHARED] ?? sharedElsewhere.get(resource);
  if (known) return known;
  const parts: SharedParts = { ref: newRef(resource) };
  if (Object.isExtensible(resource)) Object.defineProperty(resource, SHARED, { value: parts });
  else sharedElsewhere.set(resource, parts);
  return parts;
}

/** One reference object per resource, shared by its findings and its matrix row. */
export function resourceRef(resource: Resource): ResourceRef {
  return sharedParts(resource).ref;
}

function newRef(resource: Resource): ResourceRef {
  const ref: ResourceRef = { id: resource.id, type: resource.type, scope: resource.scope };
  if (resource.name !== undefined) ref.name = resource.name;
  if (resource.arn !== undefined) ref.arn = resource.arn;
  if (resource.account !== undefined) ref.account = resource.account;
  if (resource.region !== undefined) ref.region = resource.region;
  if (resource.origin.constructPath !== undefined) ref.constructPath = resource.origin.constructPath;
  const service = serviceForResourceType(resource.type);
  if (service) ref.service = service.id;
  Object.defineProperty(ref, OF_INVENTORY, { value: true });
  return ref;
}

function locate(resource: Resource, path: string | undefined): FindingLocation | undefined {
  const propertyLine = path === undefined ? undefined : lineOfPath(resource.origin.propertyLines, path);
  if (propertyLine !== undefined) return buildLocation(resource, propertyLine) ?? undefined;
  const parts = sharedParts(resource);
  if (parts.location === undefined) {
    const location = buildLocation(resource, undefined);
    parts.location = location ? Object.freeze(location) : null;
  }
  return parts.location ?? undefined;
}

function buildLocation(resource: Resource, propertyLine: number | undefined): FindingLocation | null {
  const { origin } = resource;
  const location: FindingLocation = {};
  if (origin.file !== undefined) location.file = origin.file;
  const line = propertyLine ?? origin.line;
  if (line !== undefined) location.line = line;
  if (propertyLine === undefined && origin.column !== undefined) location.column = origin.column;
  if (resource.arn !== undefined) location.arn = resource.arn;
  return Object.keys(location).length > 0 ? location : null;
}

/** The line of the deepest known property on `path` (`A.B.C` falls back to `A.B`, then `A`). */
function lineOfPath(lines: Record<string, number> | undefined, path: string): number | undefined {
  if (!lines) return undefined;
  let current = path;
  for (;;) {
    const line = lines[current];
    if (line !== undefined) return line;
    const cut = current.lastIndexOf('.');
    if (cut < 0) return undefined;
    current = current.slice(0, cut);
  }
}

/** Owners by type, then layer, for one run: the same for every resource of a type that no provider manages. */
type OwnerCache = Map<string, Map<string, Owner>>;

function ownerFor(check: Check, resource: Resource, ownersByType: OwnerCache): Owner {
  if (resource.managedBy) return resource.managedBy.owner;
  let byLayer = ownersByType.get(resource.type);
  if (!byLayer) {
    byLayer = new Map();
    ownersByType.set(resource.type, byLayer);
  }
  let owner = byLayer.get(check.layer);
  if (owner === undefined) {
    const service = serviceForResourceType(resource.type);
    owner = service ? ownerOf(service, check.layer) : 'customer';
    byLayer.set(check.layer, owner);
  }
  return owner;
}

function asList(outcome: Evaluation | readonly Evaluation[]): readonly Evaluation[] {
  return 'status' in outcome ? [outcome] : outcome;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toFinding(check: Check, resource: Resource, evaluation: Evaluation, owners: OwnerCache): Finding {
  const finding: Finding = {
    checkId: check.id,
    title: check.title,
    resource: resourceRef(resource),
    status: evaluation.status,
    severity: check.severity,
    layer: check.layer,
    owner: ownerFor(check, resource, owners),
    control: check.control,
    duty: check.duty,
    message: evaluation.message,
  };
  if (evaluation.facets && evaluation.facets.length > 0) finding.facets = [...evaluation.facets];
  const location = locate(resource, evaluation.path);
  if (location) finding.location = location;
  if (resource.managedBy) finding.attribution = resource.managedBy.reason;
  return finding;
}

export interface EvaluationRun {
  findings: Finding[];
  coverage: CheckCoverage[];
}

export interface EvaluateChecksOptions {
  /** Fail a check that resolves a reference onto a type it does not declare (tests; see ViewOptions.strict). */
  strictReads?: boolean;
}

/**
 * Runs every check on every resource of its types. Each resource is judged with a view of its own scope holding only
 * the types the check declares. A check that throws yields `error`; the run goes on.
 */
export function evaluateChecks(inventory: Inventory, checks: readonly Check[], now: Date, options: EvaluateChecksOptions = {}): EvaluationRun {
  const index = indexInventory(inventory);
  const byType = new Map<string, Resource[]>();
  for (const resource of inventory.resources) {
    const list = byType.get(resource.type);
    if (list) list.push(resource);
    else byType.set(resource.type, [resource]);
  }
  const findings: Finding[] = [];
  const coverage: CheckCoverage[] = [];
  const owners: OwnerCache = new Map();
  for (const check of checks) {
    let evaluated = 0;
    const types = typesReadBy(check);
    const declared = [...types];
    // The related types the evaluation in hand looked up: only a gap in one of those weakens its verdict.
    const consulted = new Set<string>();
    const onRead = (type: string): void => {
      consulted.add(type);
    };
    // By scope, then region: no key string is built per resource (a large plan judges millions of them).
    const views = new Map<string, Map<string, InventoryView>>();
    const viewOf = (resource: Resource): InventoryView => {
      let byRegion = views.get(resource.scope);
      if (!byRegion) {
        byRegion = new Map();
        views.set(resource.scope, byRegion);
      }
      let view = byRegion.get(resource.region ?? '');
      if (!view) {
        view = createScopedView(index, resource.scope, { reader: check.id, types, declared, onRead, strict: options.strictReads === true, ...(resource.region === undefined ? {} : { region: resource.region }) });
        byRegion.set(resource.region ?? '', view);
      }
      return view;
    };
    for (const type of check.resourceTypes) {
      for (const resource of byType.get(type) ?? []) {
        evaluated += 1;
        let evaluations: readonly Evaluation[];
        consulted.clear();
        try {
          evaluations = asList(check.evaluate(resource, { inventory: viewOf(resource), now }));
        } catch (error) {
          const failure: Finding = toFinding(check, resource, { status: 'fail', message: '' }, owners);
          findings.push({ ...failure, status: 'error', message: `the check failed: ${errorMessage(error)}` });
          continue;
        }
        const missing = missingEvidence(check, resource, inventory.gaps, consulted);
        for (const evaluation of evaluations) {
          // A pass judged without a related type that could not be collected is not evidence: say what is missing. On an
          // account-level resource (Demarc::) the verdict is about what the account holds, so a fail is no better.
          const weak = evaluation.status === 'pass' || (evaluation.status === 'fail' && resource.type.startsWith('Demarc::'));
          const judged = missing && weak ? { ...evaluation, status: 'unknown' as const, message: `cannot confirm (${evaluation.message}): ${missing}` } : evaluation;
          findings.push(toFinding(check, resource, judged, owners));
        }
      }
    }
    for (const finding of gapFindings(check, inventory)) findings.push(finding);
    const entry: CheckCoverage = { checkId: check.id, evaluated };
    if (evaluated === 0) entry.reason = noResourceReason(check, inventory);
    coverage.push(entry);
  }
  return { findings, coverage };
}

/** Why a resource's related evidence is incomplete: a listing gap, in its account and region, of a type the check reads. */
function missingEvidence(check: Check, resource: Resource, gaps: readonly CollectionGap[], consulted: ReadonlySet<string>): string | undefined {
  if (gaps.length === 0 || !check.reads || check.reads.length === 0) return undefined;
  const gap = gaps.find(
    (candidate) =>
      candidate.resourceId === undefined &&
      candidate.resourceTypes.some((type) => check.reads?.includes(type) && consulted.has(type)) &&
      (candidate.account === undefined || candidate.account === resource.account) &&
      (candidate.region === undefined || resource.region === undefined || candidate.region === resource.region),
  );
  if (!gap) return undefined;
  const type = gap.resourceTypes.find((candidate) => check.reads?.includes(candidate) && consulted.has(candidate));
  return `${type} could not be collected${gap.call ? ` (${gap.call})` : ''}: ${gap.reason}`;
}

/** A collection gap for a type a check reads turns into an `unknown` finding: missing evidence is never a pass. */
function gapFindings(check: Check, inventory: Inventory): Finding[] {
  return inventory.gaps
    .filter((gap) => gap.resourceId === undefined && gap.resourceTypes.some((type) => typesReadBy(check).has(type)))
    .map((gap) => {
      const scope = [gap.account, gap.region].filter(Boolean).join('/') || 'scan';
      const type = gap.resourceTypes.find((candidate) => typesReadBy(check).has(candidate)) ?? gap.resourceTypes[0] ?? 'unknown';
      const service = serviceForResourceType(type);
      const resource: ResourceRef = { id: `${scope}:${type}`, type };
      if (gap.account) resource.account = gap.account;
      if (gap.region) resource.region = gap.region;
      if (service) resource.service = service.id;
      return {
        checkId: check.id,
        title: check.title,
        resource,
        status: 'unknown' as const,
        severity: check.severity,
        layer: check.layer,
        owner: service ? ownerOf(service, check.layer) : 'customer',
        control: check.control,
        duty: check.duty,
        message: `not collected${gap.call ? ` (${gap.call})` : ''}: ${gap.reason}`,
      };
    });
}

/**
 * Why a check judged nothing. A check that also judges a `Demarc::` status type has a duty on the account itself
 * ("a trail records every region"): without live data the input cannot show whether it is met, which is not the same
 * as "nothing to check", so the reason says what the input cannot show and what can.
 */
function noResourceReason(check: Check, inventory: Inventory): string {
  const accountTypes = check.resourceTypes.filter((type) => type.startsWith('Demarc::'));
  const live = inventory.sources.some((source) => source.kind === 'aws');
  const liveOnly = 'needs account-level data that only a live scan (--aws) can read';
  if (accountTypes.length > 0 && !live) {
    if (accountTypes.length === check.resourceTypes.length) return liveOnly;
    const declared = check.resourceTypes.filter((type) => !type.startsWith('Demarc::'));
    const services = [...new Set(accountTypes.map((type) => serviceForResourceType(type)?.name ?? type))];
    return `no ${declared.join(' or ')} in the scanned input, and a template cannot show the account's ${services.join(' and ')} status in each region: that ${liveOnly}`;
  }
  return `no ${check.resourceTypes.join(' or ')} in the scanned input`;
}
