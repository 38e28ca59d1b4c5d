import type { Framework } from '../types.js';

/** Frameworks are data pointing at check ids and duty ids; one file per framework in this folder. */
export const frameworks: readonly Framework[] = [];
