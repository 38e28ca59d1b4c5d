import type { Finding, ScanResult } from '../engine/result.js';
import { frameworks } from '../model/frameworks/index.js';
import type { Framework, FrameworkItem } from '../model/types.js';

export type ItemStatus = 'pass' | 'fail' | 'unknown' | 'manual' | 'not-assessed';

export interface FrameworkItemStatus {
  item: FrameworkItem;
  status: ItemStatus;
  findings: number;
}

export interface FrameworkStatus {
  framework: Framework;
  items: FrameworkItemStatus[];
  counts: Record<ItemStatus, number>;
}

function itemStatus(item: FrameworkItem, findings: readonly Finding[]): FrameworkItemStatus {
  const own = findings.filter((finding) => item.checks.includes(finding.checkId) && !finding.suppressed);
  let status: ItemStatus;
  if (own.some((finding) => finding.status === 'fail' && finding.owner !== 'provider')) status = 'fail';
  else if (own.some((finding) => finding.status === 'unknown' || finding.status === 'error')) status = 'unknown';
  else if (own.some((finding) => finding.status === 'pass')) status = 'pass';
  else if (!item.automated) status = 'manual';
  else status = 'not-assessed';
  return { item, status, findings: own.length };
}

/** Each framework whose items point at a check that ran in this scan, with each item's status from the findings. */
export function frameworkStatuses(result: ScanResult): FrameworkStatus[] {
  const ran = new Set(result.coverage.checks.map((entry) => entry.checkId));
  return frameworks
    .filter((framework) => framework.items.some((item) => item.checks.some((check) => ran.has(check))))
    .map((framework) => {
      const items = framework.items.map((item) => itemStatus(item, result.findings));
      const counts: Record<ItemStatus, number> = { pass: 0, fail: 0, unknown: 0, manual: 0, 'not-assessed': 0 };
      for (const entry of items) counts[entry.status] += 1;
      return { framework, items, counts };
    });
}
