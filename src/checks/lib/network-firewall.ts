import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, strings } from '../../inventory/readers.js';
import { isUnknown, type PropRecord } from '../../inventory/values.js';

// The stateless default actions that keep a packet no rule matched from passing uninspected.
const CONTAINING_ACTIONS = new Set(['aws:drop', 'aws:forward_to_sfe']);

/**
 * The verdict on a firewall policy's stateless default actions (`StatelessDefaultActions` for full packets,
 * `StatelessFragmentDefaultActions` for fragmented UDP packets): drop, or forward to the stateful engine.
 */
export function statelessDefault(policy: PropRecord, property: 'StatelessDefaultActions' | 'StatelessFragmentDefaultActions', packets: string): Evaluation {
  const path = `FirewallPolicy.${property}`;
  const actions = strings(at(policy, 'FirewallPolicy', property));
  if (isUnknown(actions)) return unknown(actions, path);
  // Both properties are required by CloudFormation, Terraform and the API: a policy without one was not read whole.
  if (actions === undefined) return unknown(`${property} is not set: the policy could not be read whole`, path);
  const unread = actions.find((action) => isUnknown(action));
  const known = actions.filter((action): action is string => typeof action === 'string');
  const containing = known.find((action) => CONTAINING_ACTIONS.has(action));
  if (containing) return pass(`${packets} that no stateless rule matches are ${containing === 'aws:drop' ? 'dropped' : 'forwarded to the stateful rule engine'} (${containing})`, path);
  if (unread) return unknown(unread, path);
  const chosen = known.filter((action) => action.startsWith('aws:'));
  return fail(`${packets} that no stateless rule matches are ${chosen.includes('aws:pass') ? 'passed uninspected (aws:pass)' : 'neither dropped nor forwarded to the stateful engine'}`, path);
}
