import type { Convert } from './dsl.js';
import { isRedacted, isUnknown, Redacted, Unknown } from '../../../values.js';

// A variable that nothing in the scanned files sets, or a data source read when Terraform runs (a Secrets Manager
// secret version): either way the value is not written in the configuration.
const OUTSIDE_THE_FILES = /^(variable \S+ has no value|data\.\S+ is read from the provider)/;

/**
 * A password or token, never carried. `secretLike` says whether the configuration writes the value itself: a literal
 * (or a plain variable's value) is; a sensitive variable (which the configuration reader already redacted), a
 * variable without a value and a data source are not.
 * A plan or state redacts every sensitive attribute, written or not: the checks do not read the mark there.
 */
export const writtenSecret: Convert = (value) => {
  if (isRedacted(value)) return new Redacted(false);
  if (typeof value === 'string') return value === '' ? undefined : new Redacted(true);
  if (!isUnknown(value)) return value;
  if (OUTSIDE_THE_FILES.test(value.reason)) return new Redacted(false);
  // Text around an unresolved part may itself be part of the secret: keep only why it is unknown.
  return new Unknown(value.reason);
};
