import { controls, duties } from '../catalogue.js';
import type { Framework, FrameworkItem } from '../types.js';
import type { Owner } from '../vocabulary.js';
import { rows as familyRows } from './generated/nist-800-53-families.js';
import { rows as controlRows } from './generated/nist-800-53-r5.js';
import { nistOwnership } from './nist-ownership.js';

// NIST SP 800-53 rev. 5 at family level: a roll-up of the control-level view (nist-800-53-r5). A family is the
// provider's when AWS's part is all there is for every one of its controls, the customer's when no control has a
// part of AWS's, and shared otherwise; its checks are those AWS's Security Hub relations give its controls.

const familyOf = (id: string): string => (id.split('-')[0] ?? id).toUpperCase();

/** The control-level owners of the family's current controls, rolled up. */
export function familyOwner(family: string): Exclude<Owner, 'none'> {
  const owners = new Set(controlRows.filter(([id]) => familyOf(id) === family).map(([id, , , checkDuties]) => nistOwnership(id, checkDuties).owner));
  if (owners.size === 1 && owners.has('provider')) return 'provider';
  if (owners.size === 1 && owners.has('customer')) return 'customer';
  return 'shared';
}

/** Family titles of the catalog, by upper-case family id. */
export const NIST_FAMILY_TITLES: ReadonlyMap<string, string> = new Map(familyRows.map(([family, title]) => [family, title]));

export const nistFamilies: Framework = {
  id: 'nist-800-53',
  title: 'NIST SP 800-53 rev. 5 control families',
  version: '5.0.1',
  description: 'Every control family of NIST SP 800-53 rev. 5, with the owner rolled up from its controls\' owners on AWS and the checks that evidence its customer side. A roll-up: nist-800-53-r5 has each control.',
  items: familyRows.map(([family, title, checks]): FrameworkItem => {
    const inFamily = new Set(controls.filter((control) => control.nistFamilies.includes(family)).map((control) => control.id));
    const owner = familyOwner(family);
    const own = controlRows.filter(([id]) => familyOf(id) === family).map(([id, , , checkDuties]) => nistOwnership(id, checkDuties));
    const controlDuties = owner === 'provider' ? own.flatMap((entry) => entry.providerDuties) : own.flatMap((entry) => entry.customerDuties);
    return {
      id: family,
      title,
      section: 'Control families',
      automated: checks.length > 0,
      checks: [...checks],
      duties: [...new Set([...controlDuties, ...duties.filter((duty) => inFamily.has(duty.control) && (owner === 'provider' || duty.owner !== 'provider')).map((duty) => duty.id)])],
      owner,
    };
  }),
};
