import { controls, duties } from '../catalogue.js';
import type { Framework, FrameworkItem } from '../types.js';
import type { Owner } from '../vocabulary.js';

// NIST SP 800-53 rev. 5 control families (ids and titles from the catalog). Who owns a family is derived from the
// model: a family that only inherited controls touch is the provider's; only customer-specific ones, the
// customer's; anything else is shared (both sides run their own program).

export const NIST_FAMILIES: ReadonlyArray<readonly [id: string, title: string]> = [
  ['AC', 'Access Control'], ['AT', 'Awareness and Training'], ['AU', 'Audit and Accountability'],
  ['CA', 'Assessment, Authorization, and Monitoring'], ['CM', 'Configuration Management'], ['CP', 'Contingency Planning'],
  ['IA', 'Identification and Authentication'], ['IR', 'Incident Response'], ['MA', 'Maintenance'], ['MP', 'Media Protection'],
  ['PE', 'Physical and Environmental Protection'], ['PL', 'Planning'], ['PM', 'Program Management'], ['PS', 'Personnel Security'],
  ['PT', 'Personally Identifiable Information Processing and Transparency'], ['RA', 'Risk Assessment'],
  ['SA', 'System and Services Acquisition'], ['SC', 'System and Communications Protection'],
  ['SI', 'System and Information Integrity'], ['SR', 'Supply Chain Risk Management'],
];

export function familyOwner(family: string): Exclude<Owner, 'none'> {
  const types = new Set(controls.filter((control) => control.nistFamilies.includes(family)).map((control) => control.type));
  if (types.size === 1 && types.has('inherited')) return 'provider';
  if (types.size === 1 && types.has('customer-specific')) return 'customer';
  return 'shared';
}

/** The minimal facts about a check this framework needs: which control it evidences. */
export interface CheckControl {
  id: string;
  control: string;
}

export function buildNistFramework(checks: readonly CheckControl[]): Framework {
  const items = NIST_FAMILIES.map(([family, title]): FrameworkItem => {
    const familyControls = new Set(controls.filter((control) => control.nistFamilies.includes(family)).map((control) => control.id));
    return {
      id: family,
      title,
      section: 'Control families',
      automated: checks.some((check) => familyControls.has(check.control)),
      checks: checks.filter((check) => familyControls.has(check.control)).map((check) => check.id),
      duties: duties.filter((duty) => familyControls.has(duty.control)).map((duty) => duty.id),
      owner: familyOwner(family),
    };
  });
  return {
    id: 'nist-800-53',
    title: 'NIST SP 800-53 rev. 5 control families',
    version: '5.0.1',
    description: 'Every control family of NIST SP 800-53 rev. 5, with the owner the responsibility model gives it and the checks that evidence its customer side.',
    items,
  };
}
