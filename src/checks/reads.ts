import type { Check } from './types.js';

/** Every resource type a check may see: the types it judges and the types it looks up. */
export function typesReadBy(check: Pick<Check, 'resourceTypes' | 'reads'>): ReadonlySet<string> {
  return new Set([...check.resourceTypes, ...(check.reads ?? [])]);
}

/** What a scan must collect for these checks to have all their evidence: the union of what each one reads. */
export function typesToCollect(checks: ReadonlyArray<Pick<Check, 'resourceTypes' | 'reads'>>): string[] {
  const types = new Set<string>();
  for (const check of checks) for (const type of typesReadBy(check)) types.add(type);
  return [...types].sort();
}
