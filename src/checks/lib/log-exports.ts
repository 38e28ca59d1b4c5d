import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, strings } from '../../inventory/readers.js';
import type { PropRecord, Unknown } from '../../inventory/values.js';

/**
 * Whether a cluster's `EnableCloudwatchLogsExports` names `logType`: an unresolved entry could be it, so it makes the
 * verdict unknown unless another entry already names the log.
 */
export function exportsLog(properties: PropRecord, logType: string, what: string): Evaluation {
  const path = 'EnableCloudwatchLogsExports';
  const value = at(properties, path);
  const entries = list(value);
  if (isUnknown(entries)) return unknown(entries, path);
  if (entries === undefined || entries.length === 0) return fail(`${path} is not set, so ${what} are not published to CloudWatch Logs`, path);
  const names = strings(value) ?? [];
  if (names.includes(logType)) return pass(`${what} are published to CloudWatch Logs`, path);
  const unresolved = names.find((name): name is Unknown => isUnknown(name));
  if (unresolved !== undefined) return unknown(unresolved, path);
  return fail(`${path} does not include ${logType}, so ${what} are not published to CloudWatch Logs`, path);
}
