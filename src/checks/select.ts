import { allChecks } from './index.js';
import type { Check } from './types.js';

export interface CheckSelection {
  /** Check ids or globs (`s3-*`); empty selects all. */
  ids?: readonly string[];
  services?: readonly string[];
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/** The checks a selection names; throws with the unmatched names so the CLI can say which. */
export function selectChecks(selection: CheckSelection, catalogue: readonly Check[] = allChecks): Check[] {
  const ids = selection.ids ?? [];
  const services = selection.services ?? [];
  const patterns = ids.map((id) => ({ id, pattern: globToRegExp(id) }));
  const unmatched = patterns.filter(({ pattern }) => !catalogue.some((check) => pattern.test(check.id))).map(({ id }) => id);
  if (unmatched.length > 0) throw new Error(`no check matches ${unmatched.join(', ')} (see \`demarc checks\`)`);
  return catalogue.filter(
    (check) =>
      (patterns.length === 0 || patterns.some(({ pattern }) => pattern.test(check.id))) &&
      (services.length === 0 || services.includes(check.service)),
  );
}
