import { controls } from './controls.js';
import { duties } from './duties.js';
import { layers } from './layers.js';
import { serviceModels } from './service-models.js';
import { services } from './services.js';
import type { Control, Duty, Layer, Service, ServiceModel } from './types.js';
import { LAYER_IDS, isCustomerSideLayer, type LayerId, type Owner } from './vocabulary.js';

function indexById<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

const layersById = indexById(layers);
const modelsById = indexById(serviceModels);
const servicesById = indexById(services);
const controlsById = indexById(controls);
const dutiesById = indexById(duties);
const serviceByResourceType = new Map<string, Service>(
  services.flatMap((service) => service.resourceTypes.map((type) => [type, service] as const)),
);

export const getLayer = (id: string): Layer | undefined => layersById.get(id);
export const getServiceModel = (id: string): ServiceModel | undefined => modelsById.get(id);
export const getService = (id: string): Service | undefined => servicesById.get(id);
export const getControl = (id: string): Control | undefined => controlsById.get(id);
export const getDuty = (id: string): Duty | undefined => dutiesById.get(id);
export const serviceForResourceType = (type: string): Service | undefined => serviceByResourceType.get(type);

/** Who owns `layer` for `service`: the service model's default unless the service overrides it. */
export function ownerOf(service: Service, layer: LayerId): Owner {
  if (!isCustomerSideLayer(layer)) return 'provider';
  const override = service.overrides.find((entry) => entry.layer === layer);
  if (override) return override.owner;
  const model = modelsById.get(service.model);
  if (!model) throw new Error(`service ${service.id} names unknown service model ${service.model}`);
  return model.owners[layer];
}

export interface LayerOwnership {
  layer: LayerId;
  owner: Owner;
  reason?: string;
  source?: string;
}

export function layerOwnership(service: Service): LayerOwnership[] {
  return LAYER_IDS.map((layer) => {
    const override = service.overrides.find((entry) => entry.layer === layer);
    return override ? { layer, owner: override.owner, reason: override.reason, ...(override.source ? { source: override.source } : {}) } : { layer, owner: ownerOf(service, layer) };
  });
}

/**
 * Whether a duty of `dutyOwner` can sit on a cell `cellOwner` holds: a customer duty only where the customer has a part,
 * a provider duty only where AWS has one, and no duty at all on a layer the service does not have. A duty written for
 * every service lands only on the cells it fits; test/meta/model-coherence.test.ts holds service-specific duties to it.
 */
export function dutyFitsCell(dutyOwner: Duty['owner'], cellOwner: Owner): boolean {
  if (cellOwner === 'none') return false;
  if (dutyOwner === 'customer') return cellOwner !== 'provider';
  if (dutyOwner === 'provider') return cellOwner !== 'customer';
  return true;
}

/** Duties that fall on `layer` of `service` (service-specific ones, and those for every service that fit the cell). */
export function dutiesFor(service: Service, layer: LayerId): Duty[] {
  const cellOwner = ownerOf(service, layer);
  return duties.filter(
    (duty) =>
      duty.layers.includes(layer) &&
      (duty.services.length === 0 || duty.services.includes(service.id)) &&
      dutyFitsCell(duty.owner, cellOwner),
  );
}

export { controls, duties, layers, serviceModels, services };
