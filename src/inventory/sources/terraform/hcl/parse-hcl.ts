import { createRequire } from 'node:module';

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
export async function parseHcl(file: string, text: string): Promise<Record<string, unknown>> {
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
