import { evaluateFramework, type FrameworkResult } from '../engine/framework-status.js';
import type { ScanResult } from '../engine/result.js';
import { frameworks } from '../model/frameworks/index.js';

/**
 * The framework status a report shows: what the scan computed for `--framework`, or else each framework some of
 * whose checks ran, evaluated by the engine's own rules (so every format agrees with `scan --framework`).
 */
export function frameworkResults(result: ScanResult): FrameworkResult[] {
  if (result.frameworks && result.frameworks.length > 0) return result.frameworks;
  const ran = new Set(result.coverage.checks.map((entry) => entry.checkId));
  return frameworks
    .filter((framework) => framework.items.some((item) => item.checks.some((check) => ran.has(check))))
    .map((framework) => evaluateFramework(framework, result.findings));
}

/** "12 pass, 3 fail, ..." in a fixed order, leaving out zeros. */
export function frameworkCountsText(framework: FrameworkResult): string {
  const order = ['pass', 'fail', 'unknown', 'attested', 'inherited', 'not-applicable', 'not-assessed'] as const;
  return order.filter((status) => framework.counts[status] > 0).map((status) => `${framework.counts[status]} ${status}`).join(', ');
}
