import type { FrameworkItem } from '../types.js';
import type { LayerId, Severity } from '../vocabulary.js';
import type { Inheritance, Origination } from './nist-ownership.js';

// The row shapes of the generated files in ./generated (scripts/generate-frameworks.mjs writes them, one line per
// item, so that they stay small and reviewable). The builders beside this file turn rows into framework items.

/** How demarc matches a Security Hub control: an exact equivalent check, only partial ones, or none yet. */
export type EquivalenceMatch = 'exact' | 'partial' | 'none';

export type SecurityHubRow = readonly [id: string, severity: Severity, title: string, match: EquivalenceMatch, checks: readonly string[], duties: readonly string[]];

export type NistControlRow = readonly [id: string, title: string, checks: readonly string[], checkDuties: readonly string[]];

export type NistFamilyRow = readonly [family: string, title: string, checks: readonly string[]];

export type RequirementRow = readonly [id: string, title: string, section: string, securityHub: readonly string[], checks: readonly string[], duties: readonly string[]];

/** A Security Hub control as a framework item: the usual fields, plus its severity and how demarc matches it. */
export interface SecurityHubItem extends FrameworkItem {
  severity: Severity;
  match: EquivalenceMatch;
}

/** A requirement of a standard as a framework item, with the Security Hub controls AWS relates to it. */
export interface RequirementItem extends FrameworkItem {
  securityHub: string[];
}

/** A NIST SP 800-53 control as a framework item: the usual fields, plus its ownership on AWS at control level. */
export interface NistControlItem extends FrameworkItem {
  origination: Origination;
  inheritance: Inheritance;
  providerPart: string;
  customerPart: string;
  /** Why it falls where it does: the model's controls, duties and layers that decide it. */
  reason: string;
  /** The model's controls behind it. */
  modelControls: string[];
  layers: LayerId[];
  /** AWS's duties the customer inherits. */
  providerDuties: string[];
  /** The customer's duties only an attestation can show. */
  attestationDuties: string[];
}

export function isNistControlItem(item: FrameworkItem): item is NistControlItem {
  return 'origination' in item;
}
