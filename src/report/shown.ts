import { resourceKey, type Finding, type MatrixCell, type MatrixRow, type ScanResult } from '../engine/result.js';
import { LAYER_IDS, type CellStatus, type LayerId, type Owner } from '../model/vocabulary.js';

/**
 * A matrix cell as a report shows it. `known`: the engine judged the cell on findings that the result no longer
 * holds (`--baseline` leaves out findings that were already open), so none of the findings shown explains its
 * status. Such a cell is shown as known, never as a new failure, so the matrix agrees with the findings and the
 * summary beside it.
 */
export interface ShownCell extends MatrixCell {
  known?: boolean;
}

export interface ShownRow extends MatrixRow {
  cells: ShownCell[];
}

export interface ShownLayer {
  layer: LayerId;
  owner: Owner;
  /** The worst status among the cells that are not known. */
  status: CellStatus;
  counts: Partial<Record<CellStatus | 'known', number>>;
}

export interface ShownMatrix {
  rows: ShownRow[];
  layers: ShownLayer[];
  /** Cells whose status comes only from findings left out of the result. */
  knownCells: number;
}

const OPEN: ReadonlySet<CellStatus> = new Set<CellStatus>(['fail', 'error', 'unknown']);
const CELL_STATUS_ORDER: readonly CellStatus[] = ['fail', 'error', 'unknown', 'not-assessed', 'attested', 'pass', 'inherited', 'not-applicable'];

function openKey(resource: Finding['resource'], layer: LayerId, status: string): string {
  return `${resourceKey(resource)}\u0000${layer}\u0000${status}`;
}

const cache = new WeakMap<ScanResult, ShownMatrix>();

/** The matrix and the layer picture as the findings of the result explain them (see `ShownCell.known`). */
export function shownMatrix(result: ScanResult): ShownMatrix {
  const cached = cache.get(result);
  if (cached) return cached;
  // A cell fails, errs or is unknown because some unsuppressed finding on it has that status (engine/matrix.ts).
  const explained = new Set<string>();
  for (const finding of result.findings) {
    if (!finding.suppressed && OPEN.has(finding.status)) explained.add(openKey(finding.resource, finding.layer, finding.status));
  }
  let knownCells = 0;
  const rows: ShownRow[] = result.matrix.map((row) => {
    let changed = false;
    const cells = row.cells.map((cell): ShownCell => {
      if (!OPEN.has(cell.status) || cell.owner === 'provider' || cell.owner === 'none') return cell;
      if (explained.has(openKey(row.resource, cell.layer, cell.status))) return cell;
      changed = true;
      knownCells += 1;
      return { ...cell, known: true };
    });
    return changed ? { ...row, cells } : row;
  });
  const layers = knownCells === 0 ? result.layers.map((layer) => ({ ...layer })) : recountLayers(result, rows);
  const shown = { rows, layers, knownCells };
  cache.set(result, shown);
  return shown;
}

function recountLayers(result: ScanResult, rows: readonly ShownRow[]): ShownLayer[] {
  const counts = new Map<LayerId, Partial<Record<CellStatus | 'known', number>>>(LAYER_IDS.map((layer) => [layer, {}]));
  for (const row of rows) {
    for (const cell of row.cells) {
      const layerCounts = counts.get(cell.layer);
      if (!layerCounts) continue;
      const key = cell.known ? 'known' : cell.status;
      layerCounts[key] = (layerCounts[key] ?? 0) + 1;
    }
  }
  const owners = new Map(result.layers.map((layer) => [layer.layer, layer.owner]));
  return LAYER_IDS.map((layer) => {
    const layerCounts = counts.get(layer) ?? {};
    const status = CELL_STATUS_ORDER.find((candidate) => (layerCounts[candidate] ?? 0) > 0) ?? 'not-assessed';
    return { layer, owner: owners.get(layer) ?? 'none', status, counts: layerCounts };
  });
}
