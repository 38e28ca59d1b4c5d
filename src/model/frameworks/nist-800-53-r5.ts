import type { Framework, FrameworkItem } from '../types.js';
import * as high from './generated/fedramp-high.js';
import * as low from './generated/fedramp-low.js';
import * as moderate from './generated/fedramp-moderate.js';
import * as catalog from './generated/nist-800-53-r5.js';
import { NIST_FAMILY_TITLES, familyDuties, familyOwner } from './nist-800-53.js';

// NIST SP 800-53 rev. 5 control by control, and the FedRAMP rev. 5 baselines that select from it. Evidence comes from
// AWS's own mapping (the Security Hub controls the guide relates to each NIST control, and the checks equivalent to
// them); an item no check evidences points at the duties the model gives its family, and a family the model gives
// to AWS (physical and environmental protection, maintenance) is inherited. Nothing is ever "not met" for want of a
// check: the engine reports such an item as not assessed until someone attests its duties.

const familyOf = (id: string): string => (id.split('-')[0] ?? id).toUpperCase();

function controlItem([id, title, checks]: (typeof catalog.rows)[number]): FrameworkItem {
  const family = familyOf(id);
  return {
    id,
    title,
    section: NIST_FAMILY_TITLES.get(family) ?? family,
    automated: checks.length > 0,
    checks: [...checks],
    duties: familyDuties(family),
    owner: familyOwner(family),
  };
}

const controlItems: readonly FrameworkItem[] = catalog.rows.map(controlItem);
const controlById = new Map(controlItems.map((item) => [item.id, item]));

export const nistControls: Framework = {
  id: 'nist-800-53-r5',
  title: 'NIST SP 800-53 rev. 5 controls',
  version: catalog.version,
  description: 'Every control and enhancement of NIST SP 800-53 rev. 5 that is not withdrawn. Checks come from AWS\'s mapping of Security Hub controls to NIST controls; other controls point at the duties the model gives their family, and physical and environmental ones are inherited from AWS.',
  items: [...controlItems],
};

function baseline(level: string, source: { version: string; rows: readonly string[] }): Framework {
  return {
    id: `fedramp-${level.toLowerCase()}`,
    title: `FedRAMP rev. 5 ${level} baseline`,
    version: source.version,
    description: `The ${source.rows.length} NIST SP 800-53 rev. 5 controls the FedRAMP ${level} baseline selects, each with the evidence, duties and owner of nist-800-53-r5.`,
    items: source.rows.map((id) => {
      const item = controlById.get(id);
      if (!item) throw new Error(`FedRAMP ${level} selects ${id}, which nist-800-53-r5 does not have`);
      return item;
    }),
  };
}

export const fedrampLow = baseline('Low', low);
export const fedrampModerate = baseline('Moderate', moderate);
export const fedrampHigh = baseline('High', high);
