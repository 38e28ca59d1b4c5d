import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import type { PropValue } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';

/** Helpers for checks on how many Availability Zones a resource spans (not a check: not indexed). */

/** What `subnetZoneSpread` looks up: a check using it declares this in `reads`. */
export const SUBNET = 'AWS::EC2::Subnet';

/**
 * Whether the subnets listed at `path` lie in two or more Availability Zones, from the AWS::EC2::Subnet resources
 * they point at. A single subnet is one zone even when the scan does not hold it; two unread ones may share a zone.
 */
export function subnetZoneSpread(value: PropValue | undefined, path: string, owner: string, inventory: InventoryView): Evaluation {
  const subnets = list(value);
  if (isUnknown(subnets)) return unknown(subnets, path);
  if (subnets === undefined || subnets.length === 0) return unknown(`${owner} lists no subnets or Availability Zones`, path);
  const zones = new Set<string>();
  const unresolved = new Set<string>();
  const seen = new Set<string>();
  subnets.forEach((item, index) => {
    const subnet = inventory.resolve(item, [SUBNET]);
    const name = str(item);
    const key = subnet?.id ?? (typeof name === 'string' ? name : `#${index}`);
    if (seen.has(key)) return;
    seen.add(key);
    const zone = str(at(subnet?.properties, 'AvailabilityZone'));
    if (typeof zone === 'string' && zone !== '') zones.add(zone);
    else unresolved.add(key);
  });
  if (seen.size === 1) return fail(`${owner} has a single subnet, so it runs in one Availability Zone`, path);
  if (zones.size >= 2) return pass(`the subnets of ${owner} span ${zones.size} Availability Zones (${[...zones].sort().join(', ')})`, path);
  if (unresolved.size > 0) {
    return unknown(`the Availability Zone of subnet ${[...unresolved].join(', ')} cannot be read (not in the scan, or left to AWS), so whether the ${seen.size} subnets of ${owner} span more than one zone is not known`, path);
  }
  return fail(`all ${seen.size} subnets of ${owner} are in ${[...zones].join(', ')}: a single Availability Zone`, path);
}

/**
 * Whether a list of Availability Zone names holds two or more zones: undefined when the list is absent, empty or
 * partly unreadable with fewer than two readable zones (the caller then looks at the subnets).
 */
export function zoneListSpread(value: PropValue | undefined, path: string, owner: string): Evaluation | undefined {
  const listed = list(value);
  if (isUnknown(listed) || listed === undefined || listed.length === 0) return undefined;
  const zones = listed.map((zone) => str(zone));
  const known = [...new Set(zones.filter((zone): zone is string => typeof zone === 'string'))].sort();
  if (known.length >= 2) return pass(`${owner} spans ${known.length} Availability Zones (${known.join(', ')})`, path);
  if (zones.every((zone) => typeof zone === 'string')) return fail(`${owner} runs in a single Availability Zone (${known.join(', ')})`, path);
  return undefined;
}
