/**
 * Where JSON text stops being valid, found without quoting it. V8's messages quote the text around the error
 * (`Unexpected token 'x', "...hunter2"... is not valid JSON`), which may be a secret of the plan or state, and some of
 * them give no position at all. This reads the text the way the JSON grammar does, with a stack of its own (no
 * recursion, so any nesting is fine), and says only where it failed and what was expected there.
 */

export interface JsonSyntaxPosition {
  /** 1-based line and column (in UTF-16 code units, as editors count them for most text). */
  line: number;
  column: number;
  /** True when the text ends where more was expected: the file is truncated. */
  truncated: boolean;
  /** What the grammar expected there, in words; never the text itself. */
  expected: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /[0-9a-fA-F]{4}/y;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function position(text: string, offset: number, expected: string): JsonSyntaxPosition {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1, truncated: offset >= text.length, expected };
}

/** The end of the string that starts at `start` (a `"`), or the offset of what makes it invalid and what was expected. */
function scanString(text: string, start: number): { end: number } | { error: number; expected: string } {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return { end: index + 1 };
    if (code < 0x20) return { error: index, expected: 'an escape sequence in place of a raw control character' };
    if (code === 0x5c) {
      const next = text[index + 1];
      if (next === undefined) return { error: index + 1, expected: 'an escape sequence' };
      if (next === 'u') {
        HEX4.lastIndex = index + 2;
        if (!HEX4.test(text)) return { error: index + 2, expected: 'four hexadecimal digits after \\u' };
        index += 6;
        continue;
      }
      if (!ESCAPES.has(next)) return { error: index + 1, expected: 'a valid escape sequence' };
      index += 2;
      continue;
    }
    index += 1;
  }
  return { error: text.length, expected: 'the end of a string' };
}

/** Where the JSON text is first invalid, or undefined when it is valid. */
export function locateJsonError(text: string): JsonSyntaxPosition | undefined {
  // 0 for an array, 1 for an object.
  const stack: number[] = [];
  let index = 0;
  let mode: 'value' | 'key' | 'after' = 'value';
  const skip = (): void => {
    while (index < text.length && isSpace(text.charCodeAt(index))) index += 1;
  };
  for (;;) {
    skip();
    if (mode === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return index < text.length ? position(text, index, 'the end of the document after its value') : undefined;
      const char = text[index];
      if (char === ',') {
        index += 1;
        mode = top === 1 ? 'key' : 'value';
      } else if ((top === 1 && char === '}') || (top === 0 && char === ']')) {
        index += 1;
        stack.pop();
      } else return position(text, index, top === 1 ? '"," or "}" after a property value' : '"," or "]" after an array element');
      continue;
    }
    if (mode === 'key') {
      if (text[index] !== '"') return position(text, index, 'a double-quoted property name');
      const scanned = scanString(text, index);
      if ('error' in scanned) return position(text, scanned.error, scanned.expected);
      index = scanned.end;
      skip();
      if (text[index] !== ':') return position(text, index, '":" after a property name');
      index += 1;
      mode = 'value';
      continue;
    }
    const char = text[index];
    if (char === '{' || char === '[') {
      index += 1;
      skip();
      if (text[index] === (char === '{' ? '}' : ']')) {
        index += 1;
        mode = 'after';
      } else {
        stack.push(char === '{' ? 1 : 0);
        mode = char === '{' ? 'key' : 'value';
      }
      continue;
    }
    if (char === '"') {
      const scanned = scanString(text, index);
      if ('error' in scanned) return position(text, scanned.error, scanned.expected);
      index = scanned.end;
      mode = 'after';
      continue;
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      NUMBER.lastIndex = index;
      const match = NUMBER.exec(text);
      if (!match) return position(text, index + 1, 'a digit');
      index += match[0].length;
      mode = 'after';
      continue;
    }
    const word = char === 't' ? 'true' : char === 'f' ? 'false' : char === 'n' ? 'null' : undefined;
    if (word !== undefined && text.startsWith(word, index)) {
      index += word.length;
      mode = 'after';
      continue;
    }
    return position(text, index, 'a value');
  }
}

/** A problem message for JSON that did not parse: where, and what was expected; never a piece of the text. */
export function describeJsonError(text: string): { line: number | undefined; message: string; truncated: boolean } {
  const found = locateJsonError(text);
  // The engine refused what this reader accepts: a limit of the engine, not of the grammar. Say so without its words.
  if (!found) return { line: undefined, message: 'the JSON could not be parsed', truncated: false };
  const where = `line ${found.line}, column ${found.column}`;
  return found.truncated
    ? { line: found.line, message: `the JSON is truncated: it ends at ${where}, where ${found.expected} was expected`, truncated: true }
    : { line: found.line, message: `the JSON is not valid at ${where}: expected ${found.expected}`, truncated: false };
}
