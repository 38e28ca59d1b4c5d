import { layerOwnership, type LayerOwnership } from './catalogue.js';
import type { Service, ServiceVariant } from './types.js';
import { variants } from './variants.js';
import type { Owner } from './vocabulary.js';

const variantsById = new Map(variants.map((variant) => [variant.id, variant]));
const variantByType = new Map(variants.flatMap((variant) => (variant.resourceTypes ?? []).map((type) => [type, variant] as const)));

export const getVariant = (id: string): ServiceVariant | undefined => variantsById.get(id);
export const variantsOf = (serviceId: string): ServiceVariant[] => variants.filter((variant) => variant.service === serviceId);
/** The variant a resource type is by its type alone (a serverless edition, an EKS Fargate profile). */
export const variantForType = (type: string): ServiceVariant | undefined => variantByType.get(type);

/** A variant's cells: the service's own, with the variant's overrides on top. */
export function variantOwnership(service: Service, variant: ServiceVariant): LayerOwnership[] {
  return layerOwnership(service).map((cell) => {
    const override = variant.overrides.find((entry) => entry.layer === cell.layer);
    return override ? { layer: cell.layer, owner: override.owner, reason: override.reason, source: override.source } : cell;
  });
}

// The more of a layer the customer holds, the higher: an unresolved variant never hands a layer to AWS.
const CUSTOMER_SIDE: Record<Owner, number> = { none: 0, provider: 1, shared: 2, customer: 3 };

/**
 * The cells of a resource whose variant could not be resolved: on each layer, the most customer-side owner among the
 * candidate variants, so that evidence missing about the configuration is never read as AWS owning a layer.
 */
export function unresolvedOwnership(service: Service, candidates: readonly ServiceVariant[]): LayerOwnership[] {
  const options = candidates.map((variant) => variantOwnership(service, variant));
  return layerOwnership(service).map((cell, index) => {
    let chosen = cell;
    for (const option of options) {
      const candidate = option[index];
      if (candidate && CUSTOMER_SIDE[candidate.owner] > CUSTOMER_SIDE[chosen.owner]) chosen = candidate;
    }
    return chosen;
  });
}

/** One line per variant of a service, for `explain <service>`: its name, id and the cells it changes. */
export function variantDetails(serviceId: string): { variants?: string[] } {
  const own = variantsOf(serviceId);
  if (own.length === 0) return {};
  return {
    variants: own.map((variant) => {
      const cells = variant.overrides.map((override) => `${override.layer}: ${override.owner}`).join(', ');
      return `${variant.id} (${variant.name}): ${cells || "the service's own cells"}. Source: ${variant.source}`;
    }),
  };
}

export interface VariantSummary {
  id: string;
  name: string;
  description: string;
  /** Types that are this variant by their type alone. */
  resourceTypes?: string[];
  source: string;
  /** The variant's own cells: each override, and whether its owner differs from the service's cell. */
  cells: Array<{ layer: string; owner: Owner; reason: string; source: string; differs: boolean }>;
}

/** The variants of a service as `demarc matrix --service <id>` lists them. */
export function variantSummaries(service: Service): VariantSummary[] {
  const own = layerOwnership(service);
  return variantsOf(service.id).map((variant) => ({
    id: variant.id,
    name: variant.name,
    description: variant.description,
    ...(variant.resourceTypes ? { resourceTypes: variant.resourceTypes } : {}),
    source: variant.source,
    cells: variant.overrides.map((override) => ({ ...override, differs: own.find((cell) => cell.layer === override.layer)?.owner !== override.owner })),
  }));
}
