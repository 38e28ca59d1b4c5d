import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isLive } from './data-stores.js';

/**
 * A Network Firewall protection flag (`DeleteProtection`, `SubnetChangeProtection`). Left out of a template, it takes
 * the API's default, which the API reference gives as TRUE for a new firewall while CloudFormation documents none:
 * that is not evidence either way. The Terraform mappings carry the provider's own default (false).
 */
export function firewallProtection(firewall: Resource, property: string, says: { on: string; off: string }): Evaluation {
  const enabled = bool(at(firewall.properties, property));
  if (isUnknown(enabled)) return unknown(enabled, property);
  if (enabled === true) return pass(says.on, property);
  if (enabled === false) return fail(`${property} is false: ${says.off}`, property);
  // An account always reports the setting: its absence there is an unread answer.
  if (isLive(firewall)) return unknown(`the firewall did not report ${property} (network-firewall:DescribeFirewall)`, property);
  return unknown(
    `${property} is not set: the API reference says a new firewall starts with it TRUE, but CloudFormation documents no default; set it to true, or scan the account to read the deployed value`,
    property,
  );
}
