// A baseline as a scan uses it: read up front (a bad path fails before a long scan), applied to the scan's result.
// Library code: what the baseline left out is returned as data; nothing here prints or exits.
import { isAbsolute, resolve } from 'node:path';
import { ScanInputError } from '../config/cli.js';
import type { ScanResult } from '../engine/result.js';
import { applyBaseline, describeBaseline, type BaselineOutcome } from './baseline.js';
import { readSavedResult } from './result-file.js';

export interface LoadedBaseline {
  result: ScanResult;
  /** How messages name the baseline: the path as given, or `the given result`. */
  label: string;
}

/**
 * Reads a saved JSON result (a path, resolved against `cwd`), or takes a result as it is. A file that cannot be read
 * or is no result throws a `ScanInputError` whose one problem (kind `baseline`) says why.
 */
export async function loadBaseline(source: string | ScanResult, cwd: string = process.cwd()): Promise<LoadedBaseline> {
  if (typeof source !== 'string') return { result: source, label: 'the given result' };
  try {
    return { result: await readSavedResult(isAbsolute(source) ? source : resolve(cwd, source)), label: source };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(resolve(cwd, source), source) : String(error);
    throw new ScanInputError(`baseline ${message}`, [{ kind: 'baseline', severity: 'error', file: source, message }]);
  }
}

/** What a baseline did to a result: the counts, and one line that says them. */
export interface BaselineReport extends Omit<BaselineOutcome, 'result'> {
  file: string;
  description: string;
}

/** Leaves out of `result` the findings the baseline already had. */
export function withBaseline(result: ScanResult, baseline: LoadedBaseline): { result: ScanResult; report: BaselineReport } {
  const outcome = applyBaseline(result, baseline.result);
  const { result: kept, ...counts } = outcome;
  return { result: kept, report: { ...counts, file: baseline.label, description: describeBaseline(outcome, baseline.label) } };
}
