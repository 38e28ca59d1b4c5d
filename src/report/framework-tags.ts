import { checkEquivalents } from '../checks/equivalents.js';
import { allFrameworks } from '../model/frameworks/index.js';
import type { Framework } from '../model/types.js';

// The framework items each check evidences, for SARIF tags and ASFF related requirements. The FedRAMP baselines are
// selections of nist-800-53-r5 items, so their ids would only repeat those.

const REPEATS = new Set(['fedramp-low', 'fedramp-moderate', 'fedramp-high']);

function index(frameworks: readonly Framework[]): Map<string, { framework: string; item: string }[]> {
  const byCheck = new Map<string, { framework: string; item: string }[]>();
  for (const framework of frameworks) {
    if (REPEATS.has(framework.id)) continue;
    for (const item of framework.items) {
      for (const check of new Set(item.checks)) {
        const list = byCheck.get(check) ?? [];
        list.push({ framework: framework.id, item: item.id });
        byCheck.set(check, list);
      }
    }
  }
  return byCheck;
}

let cached: Map<string, { framework: string; item: string }[]> | undefined;

/** `<framework>/<item>` for every framework item the check evidences: `cis-aws-v5/1.4`, `nist-800-53-r5/ac-2`. */
export function frameworkTags(checkId: string): string[] {
  cached ??= index(allFrameworks);
  return (cached.get(checkId) ?? []).map((entry) => `${entry.framework}/${entry.item}`);
}

// How Security Hub writes the requirement ids of each standard in `Compliance.RelatedRequirements`.
const REQUIREMENT_TEXT: Record<string, (item: string) => string> = {
  'nist-800-53-r5': (item) => {
    const [base, enhancement] = item.toUpperCase().split('.');
    return `NIST.800-53.r5 ${base}${enhancement ? `(${enhancement})` : ''}`;
  },
  'cis-aws-v5': (item) => `CIS AWS Foundations Benchmark v5.0.0/${item}`,
  'cis-aws-v1.4': (item) => `CIS AWS Foundations Benchmark v1.4.0/${item}`,
  'pci-dss-3.2.1': (item) => `PCI DSS v3.2.1/${item}`,
};

/** ASFF allows at most 32 related requirements per finding. */
export const MAX_RELATED_REQUIREMENTS = 32;

/** The requirements the check evidences, as Security Hub writes them, most specific standards first. */
export function relatedRequirements(checkId: string): string[] {
  cached ??= index(allFrameworks);
  const order = Object.keys(REQUIREMENT_TEXT);
  const entries = (cached.get(checkId) ?? []).filter((entry) => REQUIREMENT_TEXT[entry.framework] !== undefined)
    .sort((a, b) => order.indexOf(b.framework) - order.indexOf(a.framework));
  return entries.map((entry) => REQUIREMENT_TEXT[entry.framework]!(entry.item)).slice(0, MAX_RELATED_REQUIREMENTS);
}

/** The Security Hub control the check declares equivalent: an exact one first, else a partial one. */
export function securityControlId(checkId: string): string | undefined {
  const declared = checkEquivalents[checkId]?.securityHub ?? [];
  return (declared.find((entry) => entry.match === 'exact') ?? declared[0])?.id;
}
