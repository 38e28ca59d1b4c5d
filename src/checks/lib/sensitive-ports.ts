import { securityGroupExposure, ruleReachesPort, type InboundRule, type ProtocolName } from './network.js';
import type { Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown, type Unknown } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';

/** A port a service listens on, and the protocols it is reached over (TCP unless said otherwise). */
export interface ServicePort {
  port: number;
  service: string;
  protocols?: readonly ProtocolName[];
}

/** Whether a rule lets traffic reach any of `ports`; unknown only when no port is reached for sure but one may be. */
export function reachesAnyPort(ports: readonly ServicePort[]): (rule: InboundRule) => boolean | Unknown {
  return (rule) => {
    let doubt: Unknown | undefined;
    for (const { port, protocols } of ports) {
      const reached = ruleReachesPort(rule, port, protocols ?? ['tcp']);
      if (reached === true) return true;
      if (isUnknown(reached)) doubt ??= reached;
    }
    return doubt ?? false;
  };
}

/** `MySQL (3306), PostgreSQL (5432)`: the ports as a message names them. */
export const describeServicePorts = (ports: readonly ServicePort[]): string => ports.map(({ port, service }) => `${service} (${port})`).join(', ');

/**
 * Judges a security group, or a separate ingress rule whose group is not in the scan, for rules that open any of
 * `ports` to 0.0.0.0/0 or ::/0. Looks up what `securityGroupExposure` does: declare SECURITY_GROUP_READS.
 */
export function sensitivePortsExposure(resource: Resource, inventory: InventoryView, ports: readonly ServicePort[], what: string): Evaluation[] {
  return securityGroupExposure(resource, inventory, reachesAnyPort(ports), `${what}: ${describeServicePorts(ports)}`);
}
