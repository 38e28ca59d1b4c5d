import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { at, bool, isUnknown, record, str } from '../../inventory/readers.js';

/** Whether a domain publishes one log type (`AUDIT_LOGS`, `ES_APPLICATION_LOGS` ...) to a CloudWatch Logs log group. */
export function logPublishing(domain: Resource, logType: string, what: string): Evaluation {
  const path = `LogPublishingOptions.${logType}`;
  const option = record(at(domain.properties, 'LogPublishingOptions', logType));
  if (isUnknown(option)) return unknown(option, path);
  if (option === undefined) return fail(`${what} are not published (no ${logType} entry in LogPublishingOptions)`, path);
  const enabled = bool(at(option, 'Enabled'));
  if (isUnknown(enabled)) return unknown(enabled, `${path}.Enabled`);
  if (enabled === false) return fail(`${what.replace(/s$/, '')} publishing is disabled`, `${path}.Enabled`);
  if (enabled === undefined) return unknown(`${logType} names no Enabled value`, `${path}.Enabled`);
  const group = str(at(option, 'CloudWatchLogsLogGroupArn'));
  if (isUnknown(group)) return unknown(group, `${path}.CloudWatchLogsLogGroupArn`);
  if (group === undefined || group === '') return fail(`${what} name no CloudWatch Logs log group`, `${path}.CloudWatchLogsLogGroupArn`);
  return pass(`${what} are published to CloudWatch Logs`, path);
}
