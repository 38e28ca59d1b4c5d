import type { Severity } from '../model/vocabulary.js';

/** Colour and layout helpers for terminal text; colour is decided by the CLI, never by a format. */

export interface TextStyle {
  color: boolean;
  /** Columns available; wide tables fold to fit. */
  width: number;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, brightRed: 91, bold: 1, dim: 2 } as const;
export type Paint = keyof typeof CODES;

export function painter(style: TextStyle): (paint: Paint, text: string) => string {
  return (paint, text) => (style.color ? `\u001b[${CODES[paint]}m${text}\u001b[0m` : text);
}

/** Each severity its own colour: critical and high in shades of red, medium yellow, low blue, info gray. */
export const SEVERITY_PAINT: Readonly<Record<Severity, Paint>> = { critical: 'brightRed', high: 'red', medium: 'yellow', low: 'blue', info: 'gray' };

/**
 * Characters that must never reach a terminal or a CI log raw: C0 and C1 controls and DEL (escape sequences, BEL,
 * carriage return, newline: a value that could start a line could start a `::error` workflow command), the Unicode
 * line and paragraph separators, and the bidirectional overrides and isolates that reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const HAS_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One unsafe character, shown the way a programmer writes it: `\n`, `\x1b`, `\u202e`. */
export function escapeControl(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text that came from an input (a file name, a logical id, a message, anything read from a template, an account or
 * a saved result), made safe for a terminal, standard error, a text or Markdown report and a CI log: every control
 * character is shown escaped (`\x1b`, `\n`), so no value can drive the terminal or begin a line of its own.
 * The one place that does this: every other writer of such text calls it.
 */
export function plain(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, escapeControl) : text;
}

export function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function truncate(text: string, width: number): string {
  if (width <= 1) return text.slice(0, Math.max(0, width));
  if (text.length <= width) return text;
  // Keep the tail: nested module addresses and ARNs differ at their end, not their start.
  const head = Math.ceil((width - 1) / 3);
  return `${text.slice(0, head)}…${text.slice(text.length - (width - 1 - head))}`;
}

/** Wraps words to `width`, indenting continuation lines by `indent` spaces. */
export function wrap(text: string, width: number, indent: number): string {
  const room = Math.max(20, width - indent);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}
