import type { Inventory, Resource } from '../inventory/resource.js';
import { getServiceModel, layerOwnership, serviceForResourceType } from '../model/catalogue.js';
import { LAYER_IDS, type CellStatus, type CheckStatus, type LayerId, type Owner } from '../model/vocabulary.js';
import { resourceRef } from './evaluate.js';
import type { Finding, LayerSummary, MatrixCell, MatrixRow, UncoveredResource } from './result.js';

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

function cellFor(
  layer: LayerId,
  owner: Owner,
  findings: readonly Finding[],
  attestation: ActiveAttestation | undefined,
  lapsed?: ActiveAttestation,
): MatrixCell {
  if (owner === 'none') return { layer, owner, status: 'not-applicable', note: 'this layer does not exist for the service' };
  if (owner === 'provider') return { layer, owner, status: 'inherited' };
  const counted = findings.filter((finding) => !finding.suppressed);
  for (const status of CHECK_STATUS_ORDER) {
    const matching = counted.filter((finding) => finding.status === status);
    if (matching.length === 0) continue;
    if (status === 'not-applicable' && attestation) break;
    const checks = [...new Set(matching.map((finding) => finding.checkId))];
    return { layer, owner, status, note: checks.join(', ') };
  }
  if (attestation) {
    const until = attestation.expires ? ` until ${attestation.expires}` : '';
    return { layer, owner, status: 'attested', note: `${attestation.duty}: attested by ${attestation.by}${until}` };
  }
  if (findings.length > 0) return { layer, owner, status: 'pass', note: 'only suppressed findings' };
  if (lapsed) {
    const on = lapsed.expires ? ` on ${lapsed.expires}` : '';
    return { layer, owner, status: 'not-assessed', note: `${lapsed.duty}: the attestation by ${lapsed.by} expired${on}; attest it again` };
  }
  return { layer, owner, status: 'not-assessed', note: 'no check or attestation covers this layer yet' };
}

export interface MatrixBuild {
  rows: MatrixRow[];
  uncovered: UncoveredResource[];
}

export function buildMatrix(
  inventory: Inventory,
  findings: readonly Finding[],
  attestations: readonly ActiveAttestation[] = [],
): MatrixBuild {
  const findingsByResource = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = findingsByResource.get(finding.resource.id) ?? [];
    list.push(finding);
    findingsByResource.set(finding.resource.id, list);
  }
  const rows: MatrixRow[] = [];
  const uncovered: UncoveredResource[] = [];
  for (const resource of inventory.resources) {
    const service = serviceForResourceType(resource.type);
    const model = service ? getServiceModel(service.model) : undefined;
    if (!service || !model) {
      uncovered.push(uncoveredEntry(resource));
      continue;
    }
    const own = findingsByResource.get(resource.id) ?? [];
    const cells = layerOwnership(service).map(({ layer, owner }) => {
      const effectiveOwner: Owner = resource.managedBy && owner !== 'none' ? 'provider' : owner;
      const covering = attestations.filter(
        (entry) => entry.layers.includes(layer) && (entry.services.length === 0 || entry.services.includes(service.id)),
      );
      const attestation = covering.find((entry) => !entry.expired);
      const lapsed = attestation ? undefined : covering.find((entry) => entry.expired);
      return cellFor(layer, effectiveOwner, own.filter((finding) => finding.layer === layer), attestation, lapsed);
    });
    rows.push({ resource: resourceRef(resource), service: service.id, model: model.id, cells });
  }
  return { rows, uncovered };
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
  return LAYER_IDS.map((layer) => {
    const cells = rows.flatMap((row) => row.cells.filter((cell) => cell.layer === layer));
    const counts: Partial<Record<CellStatus, number>> = {};
    const owners = new Map<Owner, number>();
    for (const cell of cells) {
      counts[cell.status] = (counts[cell.status] ?? 0) + 1;
      if (cell.owner !== 'none') owners.set(cell.owner, (owners.get(cell.owner) ?? 0) + 1);
    }
    const status = CELL_STATUS_ORDER.find((candidate) => (counts[candidate] ?? 0) > 0) ?? 'not-assessed';
    return { layer, owner: dominantOwner(layer, owners), status, counts };
  });
}

function dominantOwner(layer: LayerId, owners: ReadonlyMap<Owner, number>): Owner {
  if (owners.size === 0) return ['facilities', 'hardware', 'virtualization', 'foundation-services'].includes(layer) ? 'provider' : 'none';
  if (owners.size === 1) return [...owners.keys()][0] ?? 'none';
  return 'shared';
}
