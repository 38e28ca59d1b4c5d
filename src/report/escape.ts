/** Escaping for each output language: every string from scanned input passes through one of these. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

// Characters XML 1.0 forbids anywhere, even escaped.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '\ufffd').replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Cells a spreadsheet would run as a formula start with one of these; a leading apostrophe keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | undefined)[]): string {
  return values.map(csvCell).join(',');
}

/** RFC 4180: CRLF between records, a header first. */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return [csvRow(header), ...rows.map(csvRow)].join('\r\n') + '\r\n';
}

/**
 * Text for a Markdown table cell or line: no HTML, no table breaks, no links or mentions that GitHub would act on.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_{}[\]()#+!|~>]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/@/g, '&#64;');
}
