import type { Framework } from '../types.js';
import { awsFsbp } from './aws-fsbp.js';
import { cisAwsV14, pciDss321 } from './aws-requirements.js';
import { cisAwsV5 } from './cis-aws-v5.js';
import { nistFamilies } from './nist-800-53.js';
import { fedrampHigh, fedrampLow, fedrampModerate, nistControls } from './nist-800-53-r5.js';

// Frameworks are data pointing at check ids and duty ids. CIS v5 is mapped by hand; the others are built from the
// files scripts/generate-frameworks.mjs writes into ./generated from AWS's, NIST's and FedRAMP's own mappings.

/**
 * The frameworks reports show by default (for every scan whose checks they cover) and docs/checks.md lists against
 * each check: the hand-mapped CIS benchmark and the NIST family roll-up.
 */
export const frameworks: readonly Framework[] = [cisAwsV5, nistFamilies];

/** The frameworks derived from AWS's, NIST's and FedRAMP's mappings, each large: reported only when asked for. */
export const derivedFrameworks: readonly Framework[] = [awsFsbp, nistControls, fedrampLow, fedrampModerate, fedrampHigh, pciDss321, cisAwsV14];

/** Every framework: `demarc frameworks` lists these, and `--framework` accepts any of them. */
export const allFrameworks: readonly Framework[] = [...frameworks, ...derivedFrameworks];

export function getFramework(id: string): Framework | undefined {
  return allFrameworks.find((framework) => framework.id === id);
}
