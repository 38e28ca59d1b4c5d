import type { Framework } from '../types.js';

/** How a framework's items are covered: by checks, by duties to attest only, or inherited from AWS. */
export interface FrameworkCoverage {
  items: number;
  /** Customer or shared items at least one check evidences. */
  withChecks: number;
  /** Customer or shared items no check evidences, which an attestation of their duties can cover. */
  dutiesOnly: number;
  /** Items AWS operates: the customer inherits them. */
  inherited: number;
}

export function frameworkCoverage(framework: Framework): FrameworkCoverage {
  const coverage: FrameworkCoverage = { items: framework.items.length, withChecks: 0, dutiesOnly: 0, inherited: 0 };
  for (const item of framework.items) {
    if (item.owner === 'provider') coverage.inherited += 1;
    else if (item.checks.length > 0) coverage.withChecks += 1;
    else if (item.duties.length > 0) coverage.dutiesOnly += 1;
  }
  return coverage;
}
