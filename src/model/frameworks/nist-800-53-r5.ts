import type { Framework } from '../types.js';
import * as high from './generated/fedramp-high.js';
import * as low from './generated/fedramp-low.js';
import * as moderate from './generated/fedramp-moderate.js';
import * as catalog from './generated/nist-800-53-r5.js';
import { NIST_FAMILY_TITLES } from './nist-800-53.js';
import { nistOwnership } from './nist-ownership.js';
import type { NistControlItem } from './rows.js';

// NIST SP 800-53 rev. 5 control by control, and the FedRAMP rev. 5 baselines that select from it. Evidence comes from
// AWS's own mapping (the Security Hub controls the guide relates to each NIST control, and the checks equivalent to
// them); ownership comes from the model at control level (./nist-ownership.ts): its FedRAMP origination, the two
// parts in words, and the duties that decide it. An item no check evidences points at its customer duties to attest,
// or, when AWS's part is all there is, is inherited. Nothing is ever "not met" for want of a check.

const familyOf = (id: string): string => (id.split('-')[0] ?? id).toUpperCase();

function controlItem([id, title, checks, checkDuties]: (typeof catalog.rows)[number]): NistControlItem {
  const family = familyOf(id);
  const ownership = nistOwnership(id, checkDuties);
  return {
    id,
    title,
    section: NIST_FAMILY_TITLES.get(family) ?? family,
    automated: checks.length > 0,
    checks: [...checks],
    duties: ownership.customerDuties.length > 0 ? ownership.customerDuties : ownership.providerDuties,
    owner: ownership.owner,
    origination: ownership.origination,
    inheritance: ownership.inheritance,
    providerPart: ownership.providerPart,
    customerPart: ownership.customerPart,
    reason: ownership.reason,
    modelControls: ownership.controls,
    layers: ownership.layers,
    providerDuties: ownership.providerDuties,
    attestationDuties: ownership.attestationDuties,
  };
}

const controlItems: readonly NistControlItem[] = catalog.rows.map(controlItem);
const controlById = new Map(controlItems.map((item) => [item.id, item]));

/** The control-level item of a NIST control id (`ac-2.1`), if the catalog has it. */
export function nistControlItem(id: string): NistControlItem | undefined {
  return controlById.get(id);
}

export const nistControls: Framework = {
  id: 'nist-800-53-r5',
  title: 'NIST SP 800-53 rev. 5 controls',
  version: catalog.version,
  description: 'Every control and enhancement of NIST SP 800-53 rev. 5 that is not withdrawn, each with its FedRAMP origination on AWS (provider inherited, shared, customer configured or customer provided) derived from the model, AWS\'s and the customer\'s parts, and the checks AWS\'s mapping of Security Hub controls relates to it; controls no check evidences point at the duties to attest.',
  items: [...controlItems],
};

function baseline(level: string, source: { version: string; rows: readonly string[] }): Framework {
  return {
    id: `fedramp-${level.toLowerCase()}`,
    title: `FedRAMP rev. 5 ${level} baseline`,
    version: source.version,
    description: `The ${source.rows.length} NIST SP 800-53 rev. 5 controls the FedRAMP ${level} baseline selects, each with the origination, parts, evidence and duties of nist-800-53-r5.`,
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
