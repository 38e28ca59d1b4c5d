import { at, list, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown, Unknown } from '../../inventory/values.js';

/** Helpers for Elastic Load Balancing checks (not a check: not indexed). */

/**
 * The value of one `LoadBalancerAttributes` entry (`[{Key, Value}]`, values are text such as `"true"`): undefined
 * when absent, unknown when the list or a relevant entry cannot be read.
 */
export function loadBalancerAttribute(balancer: Resource, key: string): string | Unknown | undefined {
  const attributes = list(balancer.properties['LoadBalancerAttributes']);
  if (isUnknown(attributes)) return attributes;
  let unreadable: Unknown | undefined;
  for (const entry of attributes ?? []) {
    const name = str(at(entry, 'Key'));
    if (isUnknown(name)) {
      unreadable ??= name;
      continue;
    }
    if (name !== key) continue;
    const value = str(at(entry, 'Value'));
    return isUnknown(value) ? value : value?.trim().toLowerCase();
  }
  return unreadable === undefined ? undefined : new Unknown(`an attribute key cannot be read: ${unreadable.reason}`);
}

/** The load balancer type; `application` when absent, as CloudFormation defaults it. */
export function loadBalancerType(balancer: Resource): string | Unknown {
  const type = str(balancer.properties['Type']);
  return type ?? 'application';
}
