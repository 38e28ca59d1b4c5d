import type { Inventory, Resource } from '../inventory/resource.js';
import { createScopedView, indexInventory, type InventoryIndex, type InventoryView } from '../inventory/view.js';
import { getService, getServiceModel, layerOwnership, serviceForResourceType, type LayerOwnership } from '../model/catalogue.js';
import { unresolvedOwnership, variantForType, variantOwnership } from '../model/variant-cells.js';
import type { Service } from '../model/types.js';
import { LAYER_IDS, type CellStatus, type CheckStatus, type LayerId, type Owner } from '../model/vocabulary.js';
import { isInventoryRef, resourceRef } from './evaluate.js';
import { resourceKey, type Finding, type ResourceRef, type LayerSummary, type MatrixCell, type MatrixRow, type MatrixVariant, type UncoveredResource } from './result.js';
import { resolveVariant } from './variant-resolver.js';

/** A duty vouched for by a person, valid on `layers` of `services` (empty: every service). */
export interface ActiveAttestation {
  duty: string;
  layers: readonly LayerId[];
  services: readonly string[];
  by: string;
  expires?: string;
  /** Past its expiry: the cells it covered show `not-assessed`, with a note saying when it lapsed. */
  expired?: boolean;
}

// Worst first: the cell takes the first status any of its findings has.
const CHECK_STATUS_ORDER: readonly CheckStatus[] = ['fail', 'error', 'unknown', 'pass', 'not-applicable'];

/** Equal cells made once per matrix (frozen): most rows of a type end up with the same few. */
type CellInterner = (cell: MatrixCell) => MatrixCell;

function cellInterner(): CellInterner {
  const cells = new Map<string, MatrixCell>();
  return (cell) => {
    const key = `${cell.layer}\u0000${cell.owner}\u0000${cell.status}\u0000${cell.note ?? ''}`;
    const known = cells.get(key);
    if (known) return known;
    cells.set(key, Object.freeze(cell));
    return cell;
  };
}

function cellFor(
  layer: LayerId,
  owner: Owner,
  findings: readonly Finding[],
  attestation: ActiveAttestation | undefined,
  intern: CellInterner,
  lapsed?: ActiveAttestation,
): MatrixCell {
  if (owner === 'none') return NO_LAYER[layer];
  if (owner === 'provider') return INHERITED[layer];
  // One pass: the worst status among unsuppressed findings, and the checks that gave it.
  let worst = CHECK_STATUS_ORDER.length;
  let checks: string[] = [];
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const rank = CHECK_STATUS_ORDER.indexOf(finding.status);
    if (rank < worst) {
      worst = rank;
      checks = [finding.checkId];
    } else if (rank === worst && !checks.includes(finding.checkId)) {
      checks.push(finding.checkId);
    }
  }
  const status = CHECK_STATUS_ORDER[worst];
  if (status !== undefined && !(status === 'not-applicable' && attestation)) return intern({ layer, owner, status, note: checks.join(', ') });
  if (attestation) {
    const until = attestation.expires ? ` until ${attestation.expires}` : '';
    return { layer, owner, status: 'attested', note: `${attestation.duty}: attested by ${attestation.by}${until}` };
  }
  if (findings.length > 0) return { layer, owner, status: 'pass', note: 'only suppressed findings' };
  if (lapsed) {
    const on = lapsed.expires ? ` on ${lapsed.expires}` : '';
    return { layer, owner, status: 'not-assessed', note: `${lapsed.duty}: the attestation by ${lapsed.by} expired${on}; attest it again` };
  }
  return owner === 'customer' ? NOT_ASSESSED_CUSTOMER[layer] : NOT_ASSESSED_SHARED[layer];
}

// The cells most rows share, made once and frozen (a large plan has millions of cells).
function cellsByLayer(make: (layer: LayerId) => MatrixCell): Record<LayerId, MatrixCell> {
  return Object.fromEntries(LAYER_IDS.map((layer) => [layer, Object.freeze(make(layer))])) as Record<LayerId, MatrixCell>;
}
const NO_LAYER = cellsByLayer((layer) => ({ layer, owner: 'none', status: 'not-applicable', note: 'this layer does not exist for the service' }));
const INHERITED = cellsByLayer((layer) => ({ layer, owner: 'provider', status: 'inherited' }));
const NOT_COVERED = 'no check or attestation covers this layer yet';
const NOT_ASSESSED_CUSTOMER = cellsByLayer((layer) => ({ layer, owner: 'customer', status: 'not-assessed', note: NOT_COVERED }));
const NOT_ASSESSED_SHARED = cellsByLayer((layer) => ({ layer, owner: 'shared', status: 'not-assessed', note: NOT_COVERED }));

export interface MatrixBuild {
  rows: MatrixRow[];
  uncovered: UncoveredResource[];
}

/**
 * One row per resource the model covers, with each layer's owner and status from the findings on it. The findings of
 * a resource whose variant changes a cell take that cell's owner (they are updated in place).
 */
export function buildMatrix(
  inventory: Inventory,
  findings: readonly Finding[],
  attestations: readonly ActiveAttestation[] = [],
): MatrixBuild {
  // Findings by resource, then by layer, in one pass (large plans carry millions of findings): by the resource's own
  // reference object, without a key string per finding; a finding carrying a copy of it is found by id and scope.
  const byRef = new Map<ResourceRef, Map<LayerId, Finding[]>>();
  const byKey = new Map<string, Map<LayerId, Finding[]>>();
  for (const finding of findings) {
    if (isInventoryRef(finding.resource)) addByLayer(byRef, finding.resource, finding);
    else addByLayer(byKey, resourceKey(finding.resource), finding);
  }
  const findingsOn = (resource: Resource): ((layer: LayerId) => readonly Finding[]) => {
    const own = byRef.get(resourceRef(resource));
    const copied = byKey.size > 0 ? byKey.get(resourceKey(resource)) : undefined;
    return (layer) => {
      const mine = own?.get(layer);
      const theirs = copied?.get(layer);
      return mine && theirs ? [...mine, ...theirs] : (mine ?? theirs ?? []);
    };
  };
  const ownershipByService = new Map<string, ReturnType<typeof layerOwnership>>();
  const attestationsByCell = new Map<string, { attestation?: ActiveAttestation; lapsed?: ActiveAttestation }>();
  const attestationFor = (serviceId: string, layer: LayerId): { attestation?: ActiveAttestation; lapsed?: ActiveAttestation } => {
    if (attestations.length === 0) return {};
    const key = `${serviceId}|${layer}`;
    let entry = attestationsByCell.get(key);
    if (!entry) {
      const covering = attestations.filter(
        (candidate) => candidate.layers.includes(layer) && (candidate.services.length === 0 || candidate.services.includes(serviceId)),
      );
      const attestation = covering.find((candidate) => !candidate.expired);
      entry = { attestation, lapsed: attestation ? undefined : covering.find((candidate) => candidate.expired) };
      attestationsByCell.set(key, entry);
    }
    return entry;
  };
  const variants = variantCells(inventory);
  const intern = cellInterner();
  const rows: MatrixRow[] = [];
  const uncovered: UncoveredResource[] = [];
  for (const resource of inventory.resources) {
    const service = serviceOf(resource.type);
    const model = service ? getServiceModel(service.model) : undefined;
    if (!service || !model) {
      uncovered.push(uncoveredEntry(resource));
      continue;
    }
    const chosen = variants(resource, service);
    let ownership = chosen?.ownership ?? ownershipByService.get(service.id);
    if (!ownership) {
      ownership = layerOwnership(service);
      ownershipByService.set(service.id, ownership);
    }
    const own = findingsOn(resource);
    const cells = ownership.map(({ layer, owner }) => {
      const effectiveOwner: Owner = resource.managedBy && owner !== 'none' ? 'provider' : owner;
      const { attestation, lapsed } = attestationFor(service.id, layer);
      const findingsHere = own(layer);
      // A finding's owner is its cell's: where the variant changes a cell (an ECS service on EC2 rather than Fargate),
      // the variant's owner, as the matrix shows it, rather than the service's.
      if (chosen && effectiveOwner !== 'none') for (const finding of findingsHere) finding.owner = effectiveOwner;
      return cellFor(layer, effectiveOwner, findingsHere, attestation, intern, lapsed);
    });
    rows.push({ resource: resourceRef(resource), service: service.id, model: model.id, ...(chosen ? { variant: chosen.variant } : {}), cells });
  }
  return { rows, uncovered };
}

function addByLayer<K>(map: Map<K, Map<LayerId, Finding[]>>, key: K, finding: Finding): void {
  let byLayer = map.get(key);
  if (!byLayer) {
    byLayer = new Map();
    map.set(key, byLayer);
  }
  const list = byLayer.get(finding.layer);
  if (list) list.push(finding);
  else byLayer.set(finding.layer, [finding]);
}

/** A serverless edition's type belongs to its service even where the catalogue does not list it. */
function serviceOf(type: string): Service | undefined {
  const listed = serviceForResourceType(type);
  if (listed) return listed;
  const edition = variantForType(type);
  return edition ? getService(edition.service) : undefined;
}

/** Each resource's variant and the cells it gives, with the scopes indexed only once a lookup needs them. */
function variantCells(inventory: Inventory): (resource: Resource, service: Service) => { variant: MatrixVariant; ownership: LayerOwnership[] } | undefined {
  let index: InventoryIndex | undefined;
  const views = new Map<string, InventoryView>();
  const cellsByKey = new Map<string, LayerOwnership[]>();
  const viewOf = (scope: string): InventoryView => {
    let view = views.get(scope);
    if (!view) {
      index ??= indexInventory(inventory);
      view = createScopedView(index, scope, { reader: 'variant resolver', types: { has: () => true } });
      views.set(scope, view);
    }
    return view;
  };
  const cached = (key: string, build: () => LayerOwnership[]): LayerOwnership[] => {
    let cells = cellsByKey.get(key);
    if (!cells) {
      cells = build();
      cellsByKey.set(key, cells);
    }
    return cells;
  };
  return (resource, service) => {
    // A lazy view: most resources have no variant and never need the scope indexed.
    const lazy: Parameters<typeof resolveVariant>[2] = {
      get isAccountScan() { return viewOf(resource.scope).isAccountScan; },
      resolve: (value, types) => viewOf(resource.scope).resolve(value, types),
      ofType: (type) => viewOf(resource.scope).ofType(type),
      referrers: (target, type, property) => viewOf(resource.scope).referrers(target, type, property),
    };
    const choice = resolveVariant(resource, service, lazy);
    if (!choice) return undefined;
    if ('variant' in choice) {
      const { variant } = choice;
      return { variant: { id: variant.id, name: variant.name, because: choice.because }, ownership: cached(`${service.id}|${variant.id}`, () => variantOwnership(service, variant)) };
    }
    const key = `${service.id}|?|${choice.candidates.map((variant) => variant.id).join(',')}`;
    return { variant: { name: 'variant unknown', because: choice.unknown }, ownership: cached(key, () => unresolvedOwnership(service, choice.candidates)) };
  };
}

function uncoveredEntry(resource: Resource): UncoveredResource {
  const entry: UncoveredResource = { id: resource.id, type: resource.type };
  if (resource.origin.file !== undefined) entry.file = resource.origin.file;
  if (resource.origin.line !== undefined) entry.line = resource.origin.line;
  return entry;
}

const CELL_STATUS_ORDER: readonly CellStatus[] = ['fail', 'error', 'unknown', 'not-assessed', 'attested', 'pass', 'inherited', 'not-applicable'];

/** One row per layer over the whole estate: who owns it for most resources, and its worst status. */
export function summarizeLayers(rows: readonly MatrixRow[]): LayerSummary[] {
  const counts = new Map<LayerId, Partial<Record<CellStatus, number>>>(LAYER_IDS.map((layer) => [layer, {}]));
  const owners = new Map<LayerId, Map<Owner, number>>(LAYER_IDS.map((layer) => [layer, new Map()]));
  for (const row of rows) {
    for (const cell of row.cells) {
      const layerCounts = counts.get(cell.layer);
      if (layerCounts) layerCounts[cell.status] = (layerCounts[cell.status] ?? 0) + 1;
      const layerOwners = owners.get(cell.layer);
      if (layerOwners && cell.owner !== 'none') layerOwners.set(cell.owner, (layerOwners.get(cell.owner) ?? 0) + 1);
    }
  }
  return LAYER_IDS.map((layer) => {
    const layerCounts = counts.get(layer) ?? {};
    const status = CELL_STATUS_ORDER.find((candidate) => (layerCounts[candidate] ?? 0) > 0) ?? 'not-assessed';
    return { layer, owner: dominantOwner(layer, owners.get(layer) ?? new Map()), status, counts: layerCounts };
  });
}

function dominantOwner(layer: LayerId, owners: ReadonlyMap<Owner, number>): Owner {
  if (owners.size === 0) return ['facilities', 'hardware', 'virtualization', 'foundation-services'].includes(layer) ? 'provider' : 'none';
  if (owners.size === 1) return [...owners.keys()][0] ?? 'none';
  return 'shared';
}
