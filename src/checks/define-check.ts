import type { Check, CheckDefinition, Evaluation } from './types.js';
import type { Unknown } from '../inventory/values.js';

/** Identity at run time; gives check files one typed shape to follow. */
export function defineCheck(definition: CheckDefinition): Check {
  return Object.freeze({ ...definition });
}

export const pass = (message: string, path?: string): Evaluation => ({ status: 'pass', message, path });
export const fail = (message: string, path?: string): Evaluation => ({ status: 'fail', message, path });
export const notApplicable = (message: string): Evaluation => ({ status: 'not-applicable', message });
export const unknown = (reasonOrValue: string | Unknown, path?: string): Evaluation => ({
  status: 'unknown',
  message: typeof reasonOrValue === 'string' ? reasonOrValue : `cannot tell: ${reasonOrValue.reason}`,
  path,
});
