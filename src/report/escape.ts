/** Escaping for each output language: every string from scanned input passes through one of these. */
import { escapeControl, plain } from './terminal-style.js';

// Line breaks as character references: the markup means the same, and no value begins a line of the file (which,
// printed in a CI log, could be read as a workflow command such as `::error`).
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;', '\r': '&#13;' };

// Other control characters and the invisible reordering ones are shown escaped, as `plain` shows them.
// eslint-disable-next-line no-control-regex
const MARKUP_UNSAFE = /[&<>"'\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeHtml(text: string): string {
  return text.replace(MARKUP_UNSAFE, (char) => HTML_ESCAPES[char] ?? escapeControl(char));
}

// Characters XML 1.0 forbids anywhere, even escaped.
const XML_FORBIDDEN = /[\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '\ufffd').replace(MARKUP_UNSAFE, (char) => HTML_ESCAPES[char] ?? escapeControl(char));
}

/** Cells a spreadsheet would run as a formula start with one of these; a leading apostrophe keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

// A spreadsheet has no use for terminal controls; shown escaped, they cannot drive a terminal that prints the file.
// Line breaks stay: RFC 4180 quotes them, and the cell reads back as it was.
// eslint-disable-next-line no-control-regex
const CSV_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value).replace(CSV_CONTROLS, escapeControl);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | undefined)[]): string {
  return values.map(csvCell).join(',');
}

/** RFC 4180 in pieces, a record at a time: CRLF after each record, a header first. */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly (string | number | undefined)[]>): Generator<string> {
  yield `${csvRow(header)}\r\n`;
  for (const row of rows) yield `${csvRow(row)}\r\n`;
}

/** RFC 4180: CRLF between records, a header first. */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return [csvRow(header), ...rows.map(csvRow)].join('\r\n') + '\r\n';
}

/**
 * Text for a Markdown table cell or line: no HTML, no table breaks, no links or mentions that GitHub would act on,
 * and no control characters (`plain` shows them escaped, so no value begins a line).
 */
export function escapeMarkdown(text: string): string {
  return plain(text)
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_{}[\]()#+!|~>]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/@/g, '&#64;');
}
