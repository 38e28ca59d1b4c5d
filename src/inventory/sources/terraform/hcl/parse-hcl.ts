import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * HCL parsing with `@cdktf/hcl2json` (HashiCorp's own HCL library compiled to WebAssembly). The package's `parse` is
 * async only because it instantiates the module asynchronously; the parse itself answers through a callback that the
 * Go side calls before returning. A `FileSource.read` is synchronous, so the module is instantiated synchronously
 * here, once per process, and called the same way the package's bridge calls it.
 */

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

type ParseCallback = (error: string | null, result: string | null) => void;
type ParseFunction = (filename: string, contents: string, callback: ParseCallback) => void;

// The project compiles without the DOM library, so the few WebAssembly members used are declared here.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: unknown) => object;
}

interface GoRuntime {
  importObject: unknown;
  run(instance: object): Promise<void>;
}

function isGoRuntime(value: unknown): value is GoRuntime {
  return typeof value === 'object' && value !== null && 'importObject' in value && 'run' in value && typeof value.run === 'function';
}

function isWasmApi(value: unknown): value is WasmApi {
  return typeof value === 'object' && value !== null && 'Module' in value && 'Instance' in value;
}

const GLOBAL_KEY = '__parse_terraform_config_wasm__';
let parser: ParseFunction | undefined;

function isParseFunction(value: unknown): value is ParseFunction {
  return typeof value === 'function';
}

function loadParser(): ParseFunction {
  if (parser) return parser;
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('@cdktf/hcl2json/package.json'));
  // Defines globalThis.Go, the runtime shim the Go compiler ships with its WebAssembly output.
  require(join(packageDir, 'wasm', 'bridge_wasm_exec.js'));
  const GoConstructor: unknown = Reflect.get(globalThis, 'Go');
  if (typeof GoConstructor !== 'function') throw new Error('the HCL parser runtime did not load');
  const go: unknown = Reflect.construct(GoConstructor, []);
  const wasm: unknown = Reflect.get(globalThis, 'WebAssembly');
  if (!isGoRuntime(go) || !isWasmApi(wasm)) throw new Error('the HCL parser runtime did not load');
  const bytes = gunzipSync(readFileSync(join(packageDir, 'main.wasm.gz')));
  const instance = new wasm.Instance(new wasm.Module(bytes), go.importObject);
  // The Go program registers its functions on this global object while it starts, synchronously.
  const previous: unknown = Reflect.get(globalThis, GLOBAL_KEY);
  const exports: Record<string, unknown> = {};
  Reflect.set(globalThis, GLOBAL_KEY, exports);
  void go.run(instance);
  if (previous === undefined) Reflect.deleteProperty(globalThis, GLOBAL_KEY);
  else Reflect.set(globalThis, GLOBAL_KEY, previous);
  const parse = exports['parse'];
  if (!isParseFunction(parse)) throw new Error('the HCL parser did not start');
  parser = parse;
  return parse;
}

const LOCATION = /:(\d+),\d+(?:-\d+(?:,\d+)?)?:\s*/;

/** Parses HCL text into hcl2json's JSON form: blocks as lists of bodies, expressions as `${...}` strings. */
export function parseHcl(file: string, text: string): Record<string, unknown> {
  const parse = loadParser();
  let failure: string | null = null;
  let output: string | null = null;
  let answered = false;
  parse(file, text, (error, result) => {
    answered = true;
    failure = error;
    output = result;
  });
  if (!answered) throw new Error('the HCL parser did not answer synchronously');
  if (failure !== null) {
    const message = String(failure).replace(/^parse config:\s*/, '').replace(/^\[|\]$/g, '');
    const location = LOCATION.exec(message);
    const line = location ? Number(location[1]) : undefined;
    const clean = message.replace(/^[^:]*:\d+,\d+(?:-\d+(?:,\d+)?)?:\s*/, '');
    throw new HclSyntaxError(clean, line);
  }
  const parsed: unknown = JSON.parse(output ?? '{}');
  return isObject(parsed) ? parsed : {};
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
