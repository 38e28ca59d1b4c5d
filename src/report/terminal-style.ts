/** Colour and layout helpers for terminal text; colour is decided by the CLI, never by a format. */

export interface TextStyle {
  color: boolean;
  /** Columns available; wide tables fold to fit. */
  width: number;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1, dim: 2 } as const;
export type Paint = keyof typeof CODES;

export function painter(style: TextStyle): (paint: Paint, text: string) => string {
  return (paint, text) => (style.color ? `\u001b[${CODES[paint]}m${text}\u001b[0m` : text);
}

/** Removes control characters from text that came from scanned input, so it cannot drive the terminal. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
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
