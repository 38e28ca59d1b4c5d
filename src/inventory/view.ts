import type { Inventory, Resource } from './resource.js';
import { isReference, type PropValue } from './values.js';

/** Read-only lookups over an inventory, for checks that need more than the resource in hand. */
export interface InventoryView {
  readonly resources: readonly Resource[];
  ofType(type: string): readonly Resource[];
  /** The resource a property points at: a reference, or a string naming its id, name or ARN. */
  resolve(value: PropValue | undefined): Resource | undefined;
  /** Resources of `type` whose `property` (a value or a list) points at `target`. */
  referrers(target: Resource, type: string, property: string): Resource[];
  /** True when the inventory describes a whole account (a live scan), not just a template. */
  readonly isAccountScan: boolean;
}

export function createInventoryView(inventory: Inventory): InventoryView {
  const byType = new Map<string, Resource[]>();
  const byKey = new Map<string, Resource>();
  for (const resource of inventory.resources) {
    const sameType = byType.get(resource.type) ?? [];
    sameType.push(resource);
    byType.set(resource.type, sameType);
    for (const key of [resource.id, resource.name, resource.arn]) {
      if (key && !byKey.has(key)) byKey.set(key, resource);
    }
  }
  const resolve = (value: PropValue | undefined): Resource | undefined => {
    if (isReference(value)) return byKey.get(value.target);
    if (typeof value === 'string') return byKey.get(value);
    return undefined;
  };
  return {
    resources: inventory.resources,
    isAccountScan: inventory.sources.some((source) => source.kind === 'aws'),
    ofType: (type) => byType.get(type) ?? [],
    resolve,
    referrers(target, type, property) {
      return (byType.get(type) ?? []).filter((candidate) => {
        const value = candidate.properties[property];
        const values = Array.isArray(value) ? value : [value];
        return values.some((item) => resolve(item) === target);
      });
    },
  };
}
