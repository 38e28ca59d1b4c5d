import { dutiesFor, getService, layerOwnership, services } from './catalogue.js';
import { variantSummaries, type VariantSummary } from './variant-cells.js';
import type { LayerId, Owner, ServiceModelId } from './vocabulary.js';

export interface ServiceMatrixLayer {
  layer: LayerId;
  owner: Owner;
  /** Why this service departs from its model's default, where it does. */
  reason?: string;
  /** The AWS documentation page behind an override. */
  source?: string;
  duties: Array<{ id: string; statement: string; owner: Owner }>;
}

export interface ServiceMatrixEntry {
  id: string;
  name: string;
  model: ServiceModelId;
  layers: ServiceMatrixLayer[];
  /** Configurations of the service whose cells differ (src/model/variants.ts). */
  variants?: VariantSummary[];
}

/** The model itself for some services (all when `ids` is empty): each layer, its owner and the duties on it. */
export function serviceMatrix(ids: readonly string[]): { services: ServiceMatrixEntry[] } {
  const missing = ids.filter((id) => !getService(id));
  if (missing.length > 0) throw new Error(`unknown service ${missing.join(', ')} (run \`demarc matrix\` for the list)`);
  const chosen = ids.length === 0 ? services : ids.map((id) => getService(id)).filter((service) => service !== undefined);
  return {
    services: chosen.map((service) => ({
      id: service.id,
      name: service.name,
      model: service.model,
      layers: layerOwnership(service).map(({ layer, owner, reason, source }) => {
        const entry: ServiceMatrixLayer = {
          layer,
          owner,
          duties: dutiesFor(service, layer).map((duty) => ({ id: duty.id, statement: duty.statement, owner: duty.owner })),
        };
        if (reason !== undefined) entry.reason = reason;
        if (source !== undefined) entry.source = source;
        return entry;
      }),
      ...(variantSummaries(service).length > 0 ? { variants: variantSummaries(service) } : {}),
    })),
  };
}
