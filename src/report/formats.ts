import type { ScanResult } from '../engine/result.js';
import { renderJson } from './json.js';
import type { TextStyle } from './terminal-style.js';
import { renderText } from './text.js';

/** One output format: a pure function of the scan result. */
export interface OutputFormat {
  id: string;
  description: string;
  /** File extension for `--output` defaults and docs. */
  extension: string;
  render(result: ScanResult, style: TextStyle): string | Uint8Array;
}

export const outputFormats: readonly OutputFormat[] = [
  { id: 'text', description: 'matrix, findings and summary for a terminal', extension: 'txt', render: (result, style) => renderText(result, style) },
  { id: 'json', description: 'the canonical, versioned result', extension: 'json', render: (result) => renderJson(result) },
];

export function getOutputFormat(id: string): OutputFormat | undefined {
  return outputFormats.find((format) => format.id === id);
}
