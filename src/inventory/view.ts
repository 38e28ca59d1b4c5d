import type { Inventory, Resource } from './resource.js';
import { isReference, type PropValue } from './values.js';

/**
 * Read-only lookups for one check, over the resources of one scope (a template, a Terraform root, a plan or state
 * file, a live account): a `Ref` in one file never resolves into another, and a check sees only the types it declares.
 */
export interface InventoryView {
  /** The resources of a declared type in this scope. */
  ofType(type: string): readonly Resource[];
  /**
   * The resource of a declared type that a property points at: a reference, or a string naming its id, name or ARN.
   * `types` narrows the answer to those types (a name can belong to a parameter group and a cluster group at once).
   */
  resolve(value: PropValue | undefined, types?: readonly string[]): Resource | undefined;
  /** Resources of the declared `type` whose `property` (a value or a list) points at `target`. */
  referrers(target: Resource, type: string, property: string): Resource[];
  /** True when some resource of this scope, of any type, has this id (to tell "not in the input" from "unreadable"). */
  hasId(id: string): boolean;
  /** True when the scope is a live account (a whole account), not a template or Terraform input. */
  readonly isAccountScan: boolean;
}

/** A check looked up a type it does not declare in `resourceTypes` or `reads`: a bug in the check, caught loudly. */
export class UndeclaredReadError extends Error {
  constructor(reader: string, type: string) {
    super(`${reader} reads ${type} without declaring it (add it to the check's reads)`);
    this.name = 'UndeclaredReadError';
  }
}

interface ScopeIndex {
  byType: Map<string, Resource[]>;
  byKey: Map<string, Resource[]>;
  ids: Set<string>;
  live: boolean;
}

/** Every scope of an inventory, indexed once per scan. */
export interface InventoryIndex {
  readonly scopes: ReadonlyMap<string, ScopeIndex>;
}

export function indexInventory(inventory: Pick<Inventory, 'resources'>): InventoryIndex {
  const scopes = new Map<string, ScopeIndex>();
  for (const resource of inventory.resources) {
    let scope = scopes.get(resource.scope);
    if (!scope) {
      scope = { byType: new Map(), byKey: new Map(), ids: new Set(), live: resource.origin.kind === 'aws' };
      scopes.set(resource.scope, scope);
    }
    const sameType = scope.byType.get(resource.type);
    if (sameType) sameType.push(resource);
    else scope.byType.set(resource.type, [resource]);
    scope.ids.add(resource.id);
    // Id, name and ARN, each once (a name is often the id).
    holdKey(scope.byKey, resource.id, resource);
    if (resource.name && resource.name !== resource.id) holdKey(scope.byKey, resource.name, resource);
    if (resource.arn && resource.arn !== resource.id && resource.arn !== resource.name) holdKey(scope.byKey, resource.arn, resource);
  }
  return { scopes };
}

function holdKey(byKey: Map<string, Resource[]>, key: string, resource: Resource): void {
  if (!key) return;
  const holders = byKey.get(key);
  if (holders) holders.push(resource);
  else byKey.set(key, [resource]);
}

export interface ViewOptions {
  /** Who reads, for the error message: a check id. */
  reader: string;
  /** The types the reader declares. */
  types: Pick<ReadonlySet<string>, 'has'>;
  /** The same types as a list, for lookups that must say every type they might have found (`onRead`). */
  declared?: readonly string[];
  /**
   * The region of the resource being judged: in a live account a name is unique only within its region, so a name
   * resolves first to a resource of that region (or a global one).
   */
  region?: string;
  /** Told each type a lookup consulted, so the engine knows which evidence a verdict rests on. */
  onRead?: (type: string) => void;
  /**
   * Also fail when `resolve` lands only on undeclared types (tests set this: a fixture then proves the declaration).
   * Without it such a lookup finds nothing, which checks treat as "not in the input" and never as a pass.
   */
  strict?: boolean;
}

const EMPTY_SCOPE: ScopeIndex = { byType: new Map(), byKey: new Map(), ids: new Set(), live: false };

export function createScopedView(index: InventoryIndex, scope: string, options: ViewOptions): InventoryView {
  const within = index.scopes.get(scope) ?? EMPTY_SCOPE;
  const declaredTypes = options.declared ?? [];
  const declared = (type: string): void => {
    if (!options.types.has(type)) throw new UndeclaredReadError(options.reader, type);
  };
  const ofType = (type: string): readonly Resource[] => {
    declared(type);
    options.onRead?.(type);
    return within.byType.get(type) ?? [];
  };
  const lookup = (key: string, types: readonly string[] | undefined): Resource | undefined => {
    const holders = within.byKey.get(key);
    if (!holders) return undefined;
    const declared = holders.filter((resource) => options.types.has(resource.type));
    if (declared.length === 0 && options.strict) throw new UndeclaredReadError(options.reader, holders[0]?.type ?? 'an unknown type');
    for (const type of types ?? []) if (!options.types.has(type)) throw new UndeclaredReadError(options.reader, type);
    for (const type of types ?? []) options.onRead?.(type);
    const wanted = types ? declared.filter((resource) => types.includes(resource.type)) : declared;
    for (const resource of wanted) options.onRead?.(resource.type);
    if (wanted.length <= 1 || options.region === undefined) return wanted[0];
    return wanted.find((resource) => resource.region === options.region) ?? wanted.find((resource) => resource.region === undefined) ?? wanted[0];
  };
  const resolve = (value: PropValue | undefined, types?: readonly string[]): Resource | undefined => {
    const key = isReference(value) ? value.target : typeof value === 'string' ? value : undefined;
    if (key === undefined) return undefined;
    const found = lookup(key, types);
    // Nothing found may be a resource that was not collected: every type it could have been was consulted.
    if (!found && options.onRead && !types) for (const type of declaredTypes) options.onRead(type);
    return found;
  };
  return {
    isAccountScan: within.live,
    ofType,
    resolve,
    hasId: (id) => within.ids.has(id),
    referrers(target, type, property) {
      return ofType(type).filter((candidate) => {
        const value = candidate.properties[property];
        const values = Array.isArray(value) ? value : [value];
        return values.some((item) => resolve(item) === target);
      });
    },
  };
}

/** A view over the first scope of an inventory that may read every type: for unit tests of check helpers. */
export function createInventoryView(inventory: Pick<Inventory, 'resources'> & Partial<Inventory>): InventoryView {
  const scope = inventory.resources[0]?.scope ?? '';
  return createScopedView(indexInventory(inventory), scope, { reader: 'test', types: { has: () => true } });
}
