import { controls, duties } from '../catalogue.js';
import type { Framework, FrameworkItem } from '../types.js';
import type { Owner } from '../vocabulary.js';
import { rows as familyRows } from './generated/nist-800-53-families.js';

// NIST SP 800-53 rev. 5 at family level, as the responsibility model sees it: who owns a family is derived from the
// model (a family that only inherited controls touch is the provider's; only customer-specific ones, the customer's;
// anything else is shared), and its checks are those whose model control names the family. The control-level view,
// with evidence from AWS's own mappings, is nist-800-53-r5.

/** The model's controls that name a NIST family. */
function controlsOf(family: string): Set<string> {
  return new Set(controls.filter((control) => control.nistFamilies.includes(family)).map((control) => control.id));
}

export function familyOwner(family: string): Exclude<Owner, 'none'> {
  const types = new Set(controls.filter((control) => control.nistFamilies.includes(family)).map((control) => control.type));
  if (types.size === 1 && types.has('inherited')) return 'provider';
  if (types.size === 1 && types.has('customer-specific')) return 'customer';
  return 'shared';
}

/**
 * The duties an attestation covers for a control of the family: the customer-side duties of the model's controls in
 * it, or, for a family the provider owns, the provider's duties the customer inherits.
 */
export function familyDuties(family: string): string[] {
  const inFamily = controlsOf(family);
  const provider = familyOwner(family) === 'provider';
  return duties.filter((duty) => inFamily.has(duty.control) && (provider || duty.owner !== 'provider')).map((duty) => duty.id);
}

/** Family titles of the catalog, by upper-case family id. */
export const NIST_FAMILY_TITLES: ReadonlyMap<string, string> = new Map(familyRows.map(([family, title]) => [family, title]));

export const nistFamilies: Framework = {
  id: 'nist-800-53',
  title: 'NIST SP 800-53 rev. 5 control families',
  version: '5.0.1',
  description: 'Every control family of NIST SP 800-53 rev. 5, with the owner the responsibility model gives it and the checks that evidence its customer side. A roll-up: nist-800-53-r5 has each control.',
  items: familyRows.map(([family, title, checks]): FrameworkItem => {
    const inFamily = controlsOf(family);
    return {
      id: family,
      title,
      section: 'Control families',
      automated: checks.length > 0,
      checks: [...checks],
      duties: duties.filter((duty) => inFamily.has(duty.control)).map((duty) => duty.id),
      owner: familyOwner(family),
    };
  }),
};
