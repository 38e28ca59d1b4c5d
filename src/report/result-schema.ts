import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ScanResult } from '../engine/result.js';

export type ResultCheck = { ok: true; result: ScanResult } | { ok: false; errors: string[] };

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the document' : error.instancePath;
  return `${where}: ${error.message ?? 'is invalid'}${error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : ''}`;
}

/** Compiles `schema/scan-result.schema.json` (passed in, so this module does no I/O) into a checker. */
export function createResultValidator(schema: object): (value: unknown) => ResultCheck {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile<ScanResult>(schema);
  return (value) => {
    if (validate(value)) return { ok: true, result: value };
    return { ok: false, errors: (validate.errors ?? []).slice(0, 10).map(describe) };
  };
}
