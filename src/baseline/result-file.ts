import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import type { ScanResult } from '../engine/result.js';
import { CELL_STATUSES, CHECK_STATUSES, LAYER_IDS, OWNERS, SEVERITIES } from '../model/vocabulary.js';

// The parts of a saved JSON result that diffs and baselines read. Deliberately lenient about everything else, so
// that a result written by a slightly different demarc version can still serve as a baseline.
const text = { type: 'string' } as const;
const resourceRef = { type: 'object', required: ['id', 'type'], properties: { id: text, type: text, account: text, region: text, name: text, arn: text } } as const;

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
          cells: { type: 'array', items: { type: 'object', required: ['layer', 'owner', 'status'], properties: { layer: { enum: LAYER_IDS }, owner: { enum: OWNERS }, status: { enum: CELL_STATUSES } } } },
        },
      },
    },
    coverage: {
      type: 'object',
      required: ['gaps', 'uncovered', 'problems'],
      properties: {
        gaps: { type: 'array', items: { type: 'object', required: ['resourceTypes', 'reason'] } },
        uncovered: { type: 'array', items: { type: 'object', required: ['id', 'type'] } },
        problems: { type: 'array', items: { type: 'object', required: ['file', 'message'] } },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: false, strictTypes: false });
const isSavedResult = ajv.compile<ScanResult>(savedResultSchema);

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
    const where = first ? `${first.instancePath || 'the document'} ${first.message ?? 'is not valid'}` : 'not a result';
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
    content = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw new Error(`${path}: cannot read: ${reason}`, { cause: error });
  }
  return parseSavedResult(content, path);
}
