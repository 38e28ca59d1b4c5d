import { Ajv } from 'ajv';
import { MAX_RESULT_BYTES, readInputFile } from '../config/read-input.js';
import type { ScanResult } from '../engine/result.js';
import { CELL_STATUSES, CHECK_STATUSES, LAYER_IDS, OWNERS, SEVERITIES } from '../model/vocabulary.js';

// The parts of a saved JSON result that diffs and baselines read. Deliberately lenient about everything else, so
// that a result written by a slightly different demarc version can still serve as a baseline.
// Every field they read is typed here, so that a wrong-typed one is refused with its name, never met later as a crash.
const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;
const whole = { type: 'integer' } as const;
const resourceRef = {
  type: 'object',
  required: ['id', 'type'],
  properties: { id: text, type: text, scope: text, account: text, region: text, name: text, arn: text, service: text, constructPath: text },
} as const;

const savedResultSchema = {
  type: 'object',
  required: ['schemaVersion', 'generatedAt', 'findings', 'matrix', 'coverage'],
  properties: {
    schemaVersion: { type: 'string', pattern: '^1\\.' },
    generatedAt: text,
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['checkId', 'title', 'resource', 'status', 'severity', 'layer', 'owner', 'message'],
        properties: {
          checkId: text,
          title: text,
          resource: resourceRef,
          status: { enum: CHECK_STATUSES },
          severity: { enum: SEVERITIES },
          layer: { enum: LAYER_IDS },
          owner: { enum: OWNERS },
          message: text,
          suppressed: { type: 'object', required: ['reason'], properties: { reason: text } },
        },
      },
    },
    matrix: {
      type: 'array',
      items: {
        type: 'object',
        required: ['resource', 'cells'],
        properties: {
          resource: resourceRef,
          cells: { type: 'array', items: { type: 'object', required: ['layer', 'owner', 'status'], properties: { layer: { enum: LAYER_IDS }, owner: { enum: OWNERS }, status: { enum: CELL_STATUSES }, note: text } } },
        },
      },
    },
    coverage: {
      type: 'object',
      required: ['gaps', 'uncovered', 'problems'],
      properties: {
        gaps: {
          type: 'array',
          items: {
            type: 'object',
            required: ['resourceTypes', 'reason'],
            properties: { resourceTypes: texts, reason: text, account: text, region: text, service: text, call: text, operation: text, httpStatus: whole, resourceId: text },
          },
        },
        uncovered: { type: 'array', items: { type: 'object', required: ['id', 'type'], properties: { id: text, type: text, file: text, line: whole } } },
        problems: { type: 'array', items: { type: 'object', required: ['file', 'message'], properties: { file: text, line: whole, message: text, fatal: { type: 'boolean' } } } },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: false, strictTypes: false });
const isSavedResult = ajv.compile<ScanResult>(savedResultSchema);

/** `/findings/0/resource/id` → `findings[0].resource.id`, as the field is named in messages. */
function fieldName(pointer: string): string {
  if (pointer === '') return 'the document';
  const parts = pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const part of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    value = typeof value === 'object' && value !== null ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Parses a result saved with `--format json`; the error names the file and what is wrong. */
export function parseSavedResult(content: string, file: string): ScanResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)}); save results with --format json`, { cause: error });
  }
  if (!isSavedResult(data)) {
    const first = isSavedResult.errors?.[0];
    const where = first ? `${fieldName(first.instancePath)} ${first.message ?? 'is not valid'}${first.keyword === 'type' ? ` (found ${kindOf(valueAt(data, first.instancePath))})` : ''}` : 'not a result';
    const hint = typeof data === 'object' && data !== null && 'schemaVersion' in data && typeof data.schemaVersion === 'string' && !data.schemaVersion.startsWith('1.')
      ? ` (written with result schema ${data.schemaVersion}; this demarc reads 1.x)`
      : '';
    throw new Error(`${file}: not a demarc JSON result: ${where}${hint}`);
  }
  return data;
}

export async function readSavedResult(path: string): Promise<ScanResult> {
  let content: string;
  try {
    content = await readInputFile(path, MAX_RESULT_BYTES);
  } catch (error) {
    throw new Error(`${path}: cannot read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return parseSavedResult(content, path);
}
