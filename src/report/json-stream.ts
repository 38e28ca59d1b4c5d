/**
 * JSON written in pieces. A result of a few hundred thousand resources serialises to more text than V8 allows in
 * one string (about 512 MiB), so formats hand the CLI pieces to write one after another. Joined, the pieces are
 * byte for byte what `JSON.stringify(value, null, 2)` returns, so a small result's output does not change.
 */

/** An array whose items are made while it is written, so that a long one never exists whole. */
export class LazyJsonArray<T> {
  constructor(private readonly produce: () => Iterable<T>) {}

  items(): Iterable<T> {
    return this.produce();
  }

  /** So that `JSON.stringify` of a value holding one writes the same array. */
  toJSON(): T[] {
    return [...this.produce()];
  }
}

const STEP = '  ';

// JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+009B is CSI to some terminals), the line
// and paragraph separators and the bidirectional overrides raw. Outside strings JSON has none of them, so writing
// them as \u escapes changes no value, only what a terminal shows when the JSON is printed.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const HAS_JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** JSON text with the characters JSON.stringify leaves raw that a terminal would act on written as `\uXXXX`. */
export function terminalSafeJson(text: string): string {
  return HAS_JSON_UNSAFE.test(text) ? text.replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** `JSON.stringify(value, null, 2)` for a value written at `indent`: its inner lines carry the indentation. */
function whole(value: unknown, indent: string): string {
  const text = terminalSafeJson(JSON.stringify(value, null, 2) ?? 'null');
  // A JSON text has line breaks only between tokens (strings escape theirs), so each one starts an indented line.
  return indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
}

function* arrayChunks(items: Iterable<unknown>, levels: number, indent: string): Generator<string> {
  const inner = indent + STEP;
  let first = true;
  for (const item of items) {
    yield `${first ? '[\n' : ',\n'}${inner}`;
    first = false;
    if (isOmitted(item)) yield 'null';
    else yield* jsonChunks(item, levels - 1, inner);
  }
  yield first ? '[]' : `\n${indent}]`;
}

/**
 * The pieces of `JSON.stringify(value, null, 2)`: objects and arrays in the outer `levels` levels are written
 * member by member, anything deeper whole. `value` must not itself be one that JSON.stringify leaves out.
 */
export function* jsonChunks(value: unknown, levels: number, indent = ''): Generator<string> {
  if (value instanceof LazyJsonArray) {
    if (levels > 0) yield* arrayChunks(value.items(), levels, indent);
    else yield whole(value, indent);
    return;
  }
  // Values with their own toJSON (dates), and anything below the streamed levels, go to JSON.stringify whole.
  if (levels <= 0 || !isContainer(value) || 'toJSON' in value) {
    yield whole(value, indent);
    return;
  }
  if (Array.isArray(value)) {
    yield* arrayChunks(value, levels, indent);
    return;
  }
  const members = Object.entries(value).filter(([, member]) => !isOmitted(member));
  if (members.length === 0) {
    yield '{}';
    return;
  }
  const inner = indent + STEP;
  for (const [index, [key, member]] of members.entries()) {
    yield `${index === 0 ? '{\n' : ',\n'}${inner}${terminalSafeJson(JSON.stringify(key))}: `;
    yield* jsonChunks(member, levels - 1, inner);
  }
  yield `\n${indent}}`;
}

/** The pieces joined: for callers that want the whole text of a value known to be small. */
export function joinChunks(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
}
