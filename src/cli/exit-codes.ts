/** 0: clean; 1: findings at or above --fail-on; 2: usage or tool error (knip's convention, and the design's). */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** A problem the user can fix: printed as one line (and indented detail lines, if any), exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly details: readonly string[] = []) {
    super(message);
  }
}
