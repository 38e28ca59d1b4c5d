import type { ScanResult } from '../engine/result.js';
import { joinChunks, jsonChunks } from './json-stream.js';

/** The canonical result in pieces (each finding, matrix row and check on its own), for results of any size. */
export function* jsonResultChunks(result: ScanResult): Generator<string> {
  yield* jsonChunks(result, 2);
  yield '\n';
}

/** The canonical result: every other format is a function of this document. */
export function renderJson(result: ScanResult): string {
  return joinChunks(jsonResultChunks(result));
}
