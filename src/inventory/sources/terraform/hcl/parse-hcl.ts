import { createRequire } from 'node:module';
import { LIMITS } from '../limits.js';

/**
 * HCL parsing with `@cdktf/hcl2json` (HashiCorp's own HCL library compiled to WebAssembly), through the package's
 * public async `parse(filename, contents)`.
 *
 * The package is loaded on first use, not when this module is imported: loading it starts instantiating its
 * WebAssembly module, which a scan of CloudFormation templates or plans never needs. It is loaded with `require`
 * rather than a typed import because its type declarations pull the DOM library into the whole program, which this
 * project compiles without; the one function used is checked at run time instead.
 */

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/** HCL nested too deeply to be handed to the parser; a problem of the file, like a syntax error. */
export class HclNestingError extends HclSyntaxError {}

type Context = 'bracket' | 'interpolation' | 'string' | 'heredoc';

const HEREDOC_START = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;

/**
 * The line where HCL text first nests brackets, blocks and string interpolations more than `limit` levels deep, or
 * undefined. The parser (Go compiled to WebAssembly) recurses once per level on the JavaScript stack: around a
 * thousand levels exhaust it, and the runtime can be left broken for the files after. So the nesting is counted
 * first, in one pass with a stack of its own, skipping comments, and following strings and heredocs with their
 * interpolations.
 */
export function hclNestingExcess(text: string, limit: number): number | undefined {
  const stack: Array<{ context: Context; marker?: string }> = [];
  let line = 1;
  let lineStart = true;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const top = stack[stack.length - 1];
    if (char === '\n') {
      line += 1;
      lineStart = true;
      index += 1;
      // A string does not span lines: an unclosed one ends here, as the parser would say.
      if (top?.context === 'string') stack.pop();
      continue;
    }
    const atLineStart = lineStart;
    lineStart = false;
    if (top?.context === 'heredoc') {
      if (atLineStart) {
        const end = text.indexOf('\n', index);
        if (text.slice(index, end === -1 ? text.length : end).trim() === top.marker) {
          stack.pop();
          index = end === -1 ? text.length : end;
          continue;
        }
      }
    }
    if (top?.context === 'string' || top?.context === 'heredoc') {
      if (top.context === 'string' && char === '\\') index += 2;
      else if (top.context === 'string' && char === '"') {
        stack.pop();
        index += 1;
      } else if ((char === '$' || char === '%') && text[index + 1] === char && text[index + 2] === '{') index += 3;
      else if ((char === '$' || char === '%') && text[index + 1] === '{') {
        stack.push({ context: 'interpolation' });
        index += 2;
      } else index += 1;
    } else if (char === '#' || (char === '/' && text[index + 1] === '/')) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (let at = text.indexOf('\n', index); at !== -1 && at < stop; at = text.indexOf('\n', at + 1)) line += 1;
      index = stop;
    } else if (char === '"') {
      stack.push({ context: 'string' });
      index += 1;
    } else if (char === '<' && text[index + 1] === '<') {
      HEREDOC_START.lastIndex = index;
      const match = HEREDOC_START.exec(text);
      if (match) {
        stack.push({ context: 'heredoc', marker: match[1] ?? '' });
        index += match[0].length;
        line += 1;
        lineStart = true;
      } else index += 2;
    } else if (char === '(' || char === '[' || char === '{') {
      stack.push({ context: 'bracket' });
      index += 1;
    } else if (char === ')' || char === ']') {
      if (top?.context === 'bracket') stack.pop();
      index += 1;
    } else if (char === '}') {
      if (top?.context === 'bracket' || top?.context === 'interpolation') stack.pop();
      index += 1;
    } else index += 1;
    if (stack.length > limit) return line;
  }
  return undefined;
}

type ParseFunction = (filename: string, contents: string) => Promise<unknown>;

let parser: ParseFunction | undefined;

function loadParser(): ParseFunction {
  if (parser) return parser;
  const require = createRequire(import.meta.url);
  const loaded: unknown = require('@cdktf/hcl2json');
  const parse: unknown = typeof loaded === 'object' && loaded !== null ? Reflect.get(loaded, 'parse') : undefined;
  if (typeof parse !== 'function') throw new Error('the HCL parser (@cdktf/hcl2json) has no parse function');
  const bound: ParseFunction = async (filename, contents) => {
    const result: unknown = await Reflect.apply(parse, loaded, [filename, contents]);
    return result;
  };
  parser = bound;
  return bound;
}

const LOCATION = /:(\d+),\d+(?:-\d+(?:,\d+)?)?:\s*/;
// The parser's diagnostics start with this; anything else is a failure of the parser itself, not of the input.
const DIAGNOSTIC = /^parse config:/;

/** Parses HCL text into hcl2json's JSON form: blocks as lists of bodies, expressions as `${...}` strings. */
export async function parseHcl(file: string, text: string, maxNesting: number = LIMITS.hclNesting): Promise<Record<string, unknown>> {
  const tooDeep = hclNestingExcess(text, maxNesting);
  if (tooDeep !== undefined) throw new HclNestingError(`the file nests brackets, blocks and string interpolations more than ${maxNesting} levels deep; it is not parsed`, tooDeep);
  const parse = loadParser();
  let parsed: unknown;
  try {
    parsed = await parse(file, text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    if (!DIAGNOSTIC.test(raw)) throw error;
    const message = raw.replace(DIAGNOSTIC, '').trimStart().replace(/^\[|\]$/g, '');
    const location = LOCATION.exec(message);
    const line = location ? Number(location[1]) : undefined;
    const clean = message.replace(/^[^:]*:\d+,\d+(?:-\d+(?:,\d+)?)?:\s*/, '');
    throw new HclSyntaxError(clean, line);
  }
  return isObject(parsed) ? parsed : {};
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
