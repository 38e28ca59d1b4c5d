import { UsageError } from '../cli/exit-codes.js';
import type { CliIo } from '../cli/io.js';
import type { ScanResult } from '../engine/result.js';
import { applyBaseline, describeBaseline } from './baseline.js';
import { readSavedResult } from './result-file.js';

/**
 * Reads `--baseline` up front (a bad path fails before a long scan) and returns what to do with the scan's result:
 * leave out the findings the baseline already had, and say on standard error how many there were.
 */
export async function prepareBaseline(path: string | undefined, io: CliIo): Promise<(result: ScanResult) => ScanResult> {
  if (path === undefined) return (result) => result;
  let baseline: ScanResult;
  try {
    baseline = await readSavedResult(path);
  } catch (error) {
    throw new UsageError(`--baseline ${error instanceof Error ? error.message : String(error)}`);
  }
  return (result) => {
    const outcome = applyBaseline(result, baseline);
    io.stderr(`demarc: ${describeBaseline(outcome, path)}\n`);
    return outcome.result;
  };
}
