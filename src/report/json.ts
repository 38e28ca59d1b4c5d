import type { ScanResult } from '../engine/result.js';

/** The canonical result: every other format is a function of this document. */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
