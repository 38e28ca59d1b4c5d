import { matchesCheckPattern } from '../glob.js';
import { allChecks } from './index.js';
import type { Check } from './types.js';

export interface CheckSelection {
  /** Check ids or globs (`s3-*`); empty selects all. */
  ids?: readonly string[];
  services?: readonly string[];
}

/** The checks a selection names; throws with the unmatched names so the CLI can say which. */
export function selectChecks(selection: CheckSelection, catalogue: readonly Check[] = allChecks): Check[] {
  const ids = selection.ids ?? [];
  const services = selection.services ?? [];
  const unmatched = ids.filter((id) => !catalogue.some((check) => matchesCheckPattern(id, check.id)));
  if (unmatched.length > 0) throw new Error(`no check matches ${unmatched.join(', ')} (see \`demarc checks\`)`);
  return catalogue.filter(
    (check) =>
      (ids.length === 0 || ids.some((id) => matchesCheckPattern(id, check.id))) &&
      (services.length === 0 || services.includes(check.service)),
  );
}
