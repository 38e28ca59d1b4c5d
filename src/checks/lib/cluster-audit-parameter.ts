import { fail, pass, unknown } from '../define-check.js';
import type { CheckContext, Evaluation } from '../types.js';
import { at, isUnknown, record, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { exportsLog } from './log-exports.js';

const GROUP_PROPERTY = 'DBClusterParameterGroupName';

export interface AuditParameter {
  /** The cluster parameter group type of the engine (`AWS::DocDB::DBClusterParameterGroup`). */
  groupType: string;
  /** The parameter that turns audit events on (`audit_logs`), off in the engine's default group. */
  name: string;
  /** Whether a value turns audit events on: true, false, or undefined for a value AWS does not document. */
  isOn(value: string): boolean | undefined;
}

/**
 * DocumentDB and Neptune keep an audit log only when both halves are set: the cluster exports the log to CloudWatch
 * Logs, and its cluster parameter group turns the audit parameter on (the engine's default group leaves it off).
 */
export function judgeAuditLogging(cluster: Resource, context: CheckContext, parameter: AuditParameter): Evaluation {
  const exported = exportsLog(cluster.properties, 'audit', 'audit logs');
  if (exported.status !== 'pass') return exported;
  const groupValue = cluster.properties[GROUP_PROPERTY];
  const groupName = str(groupValue);
  const resolved = groupValue === undefined ? undefined : context.inventory.resolve(groupValue, [parameter.groupType]);
  if (resolved === undefined && isUnknown(groupName)) return unknown(groupName, GROUP_PROPERTY);
  if (groupValue === undefined || (resolved === undefined && typeof groupName === 'string' && groupName.startsWith('default.'))) {
    return fail(`audit logs are exported, but the engine's default cluster parameter group leaves ${parameter.name} off, so no audit events are written`, GROUP_PROPERTY);
  }
  if (resolved?.type !== parameter.groupType) return unknown(`the cluster parameter group ${typeof groupName === 'string' ? groupName : 'it references'} is not in the scanned input, so whether it turns ${parameter.name} on is not known`, GROUP_PROPERTY);
  const parameters = record(at(resolved.properties, 'Parameters'));
  if (isUnknown(parameters)) return unknown(parameters, GROUP_PROPERTY);
  const value = parameters === undefined ? undefined : str(parameters[parameter.name]);
  if (isUnknown(value)) return unknown(value, GROUP_PROPERTY);
  const where = `the cluster parameter group ${resolved.name ?? resolved.id}`;
  if (value === undefined) return fail(`audit logs are exported, but ${where} does not set ${parameter.name}, which is off by default, so no audit events are written`, GROUP_PROPERTY);
  const on = parameter.isOn(value);
  if (on === undefined) return unknown(`${where} sets ${parameter.name} to ${value}, a value AWS does not document`, GROUP_PROPERTY);
  return on
    ? pass(`audit logs are exported to CloudWatch Logs and ${where} sets ${parameter.name} to ${value}`, GROUP_PROPERTY)
    : fail(`audit logs are exported, but ${where} sets ${parameter.name} to ${value}, so no audit events are written`, GROUP_PROPERTY);
}
