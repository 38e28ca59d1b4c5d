import { controls, duties } from '../catalogue.js';
import type { Duty } from '../types.js';
import type { LayerId, Owner } from '../vocabulary.js';
import { NIST_RESPONSIBILITY, responsibilityKey } from './nist-responsibility.js';

// The owner of a NIST SP 800-53 rev. 5 control on AWS, in FedRAMP's words, derived from the model: the duties an entry
// of ./nist-responsibility.ts names, plus the duties of the checks AWS's mapping relates to the control, decide it.
//   no customer or shared duty                      -> provider inherited (the customer inherits AWS's part whole)
//   AWS has a duty too                              -> shared
//   the customer's duties are all attestation-only  -> customer provided (policies, people, processes)
//   otherwise                                       -> customer configured (settings of AWS services and the workloads)

export type Origination = 'provider-inherited' | 'shared' | 'customer-configured' | 'customer-provided';

export const ORIGINATION_TITLES: Readonly<Record<Origination, string>> = {
  'provider-inherited': 'Provider inherited',
  shared: 'Shared',
  'customer-configured': 'Customer configured',
  'customer-provided': 'Customer provided',
};

/** Whether the customer can inherit the control from AWS, as a FedRAMP CRM says it. */
export type Inheritance = 'Yes' | 'Partial' | 'No';

export interface NistOwnership {
  origination: Origination;
  owner: Exclude<Owner, 'none'>;
  inheritance: Inheritance;
  /** The responsibility entry the control takes (itself, its base control or its family). */
  entry: string;
  /** The model's controls the entry rests on. */
  controls: string[];
  /** Layers of the duties that decide it. */
  layers: LayerId[];
  /** The customer's (and shared) duties: what the customer's part consists of. */
  customerDuties: string[];
  /** AWS's duties the customer inherits. */
  providerDuties: string[];
  /** Customer duties no configuration can show: only an attestation covers them. */
  attestationDuties: string[];
  providerPart: string;
  customerPart: string;
  /** Why, in words: the entry's reason and the model's duties and layers that decide it. */
  reason: string;
}

const dutyById: ReadonlyMap<string, Duty> = new Map(duties.map((duty) => [duty.id, duty]));
const controlTypes: ReadonlyMap<string, string> = new Map(controls.map((control) => [control.id, control.type]));

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function originationOf(customer: readonly Duty[], provider: readonly Duty[]): Origination {
  if (customer.length === 0) return 'provider-inherited';
  if (provider.length > 0) return 'shared';
  return customer.every((duty) => duty.needsAttestation) ? 'customer-provided' : 'customer-configured';
}

const OWNER: Record<Origination, Exclude<Owner, 'none'>> = {
  'provider-inherited': 'provider', shared: 'shared', 'customer-configured': 'customer', 'customer-provided': 'customer',
};
const INHERITANCE: Record<Origination, Inheritance> = {
  'provider-inherited': 'Yes', shared: 'Partial', 'customer-configured': 'No', 'customer-provided': 'No',
};

function dutyList(list: readonly Duty[]): string {
  return list.map((duty) => `${duty.id} (${duty.layers.length > 0 ? duty.layers.join(', ') : 'no layer'})`).join(', ');
}

/**
 * The control-level owner of a NIST control (`ac-2`, `ac-2.1`): `checkDuties` are the duties of the checks AWS's
 * mapping relates to it, which the customer's part includes. Unknown duty ids are left out (a meta-test names them).
 */
export function nistOwnership(id: string, checkDuties: readonly string[] = []): NistOwnership {
  const key = responsibilityKey(id);
  const entry = key === undefined ? undefined : NIST_RESPONSIBILITY[key];
  if (key === undefined || entry === undefined) throw new Error(`no responsibility entry covers NIST control ${id}`);
  const all = unique([...entry.duties, ...checkDuties]).map((duty) => dutyById.get(duty)).filter((duty): duty is Duty => duty !== undefined);
  const customer = all.filter((duty) => duty.owner !== 'provider');
  const provider = all.filter((duty) => duty.owner === 'provider');
  const origination = originationOf(customer, provider);
  const fromChecks = checkDuties.filter((duty) => !entry.duties.includes(duty));
  const because = [
    customer.length > 0 ? `the customer's part is ${dutyList(customer)}` : 'no duty of the customer\'s touches it',
    provider.length > 0 ? `AWS's part is ${dutyList(provider)}` : 'AWS has no part the customer can inherit',
  ];
  if (fromChecks.length > 0) because.push(`${unique(fromChecks).join(', ')} joined from the checks AWS's mapping relates to it`);
  const modelControls = entry.controls.filter((control) => controlTypes.has(control));
  return {
    origination,
    owner: OWNER[origination],
    inheritance: INHERITANCE[origination],
    entry: key,
    controls: [...modelControls],
    layers: unique(all.flatMap((duty) => duty.layers)),
    customerDuties: customer.map((duty) => duty.id),
    providerDuties: provider.map((duty) => duty.id),
    attestationDuties: customer.filter((duty) => duty.needsAttestation).map((duty) => duty.id),
    providerPart: entry.provider,
    customerPart: entry.customer,
    reason: `${ORIGINATION_TITLES[origination]}: ${entry.reason} In the model (${modelControls.map((control) => `${control}, ${controlTypes.get(control)}`).join('; ')}), ${because.join('; ')}.`,
  };
}
