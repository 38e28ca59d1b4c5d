import type { ScanResult } from '../engine/result.js';
import { asffChunks, renderAsff, type AsffTarget } from './asff.js';
import { renderCrm } from './crm.js';
import { csvResultChunks, renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { jsonResultChunks, renderJson } from './json.js';
import { junitChunks, renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderOscal } from './oscal.js';
import { renderSarif, sarifChunks } from './sarif.js';
import type { TextStyle } from './terminal-style.js';
import { renderText, type TextView } from './text.js';

/** One output format: a pure function of the scan result. */
export interface OutputFormat {
  id: string;
  description: string;
  /** File extension for `--output` defaults and docs. */
  extension: string;
  render(result: ScanResult, options: RenderOptions): string | Uint8Array;
  /**
   * The same text in pieces, for formats whose size grows with the scan: written one piece after another, a large
   * result never has to fit in one string (V8 caps a string near 512 MiB). Joined, the pieces equal `render`'s text.
   */
  chunks?(result: ScanResult, options: RenderOptions): Iterable<string>;
}

/** Terminal style and view (`--compact`, `--severity`), and for ASFF the account and region to import template findings into. */
export interface RenderOptions extends TextStyle, TextView, AsffTarget {}

export const outputFormats: readonly OutputFormat[] = [
  { id: 'text', description: 'matrix, findings and summary for a terminal', extension: 'txt', render: (result, style) => renderText(result, style) },
  { id: 'json', description: 'the canonical, versioned result (schema/scan-result.schema.json)', extension: 'json', render: (result) => renderJson(result), chunks: (result) => jsonResultChunks(result) },
  { id: 'sarif', description: 'SARIF 2.1.0 for code scanning (GitHub and others)', extension: 'sarif', render: (result) => renderSarif(result), chunks: (result) => sarifChunks(result) },
  { id: 'html', description: 'a self-contained page: the responsibility picture, matrix, findings and gaps', extension: 'html', render: (result) => renderHtml(result) },
  { id: 'oscal', description: 'an OSCAL 1.1 System Security Plan fragment (JSON) per NIST SP 800-53 control', extension: 'oscal.json', render: (result) => renderOscal(result) },
  { id: 'crm', description: 'a customer responsibility matrix (CSV) per NIST SP 800-53 control', extension: 'crm.csv', render: (result) => renderCrm(result) },
  { id: 'csv', description: 'one row per finding (CSV)', extension: 'csv', render: (result) => renderCsv(result), chunks: (result) => csvResultChunks(result) },
  { id: 'markdown', description: 'a pull-request comment: summary and worst findings first', extension: 'md', render: (result) => renderMarkdown(result) },
  { id: 'junit', description: 'JUnit XML: a test case per check and resource, for CI dashboards', extension: 'xml', render: (result) => renderJunit(result), chunks: (result) => junitChunks(result) },
  { id: 'asff', description: 'AWS Security Finding Format (JSON array) for Security Hub import', extension: 'asff.json', render: (result, options) => renderAsff(result, options), chunks: (result, options) => asffChunks(result, options) },
];

export function getOutputFormat(id: string): OutputFormat | undefined {
  return outputFormats.find((format) => format.id === id);
}
