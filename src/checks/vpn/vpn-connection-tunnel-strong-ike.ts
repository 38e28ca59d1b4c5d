// Compliant: neither tunnel of the Site-to-Site VPN connection accepts IKEv1, SHA-1 integrity or Diffie-Hellman groups 2 and 5 (an option left out takes the AWS default, which accepts all three).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';
import type { PropValue } from '../../inventory/values.js';

const TUNNELS = 2;

/** Each tunnel option, the values it must not allow, and what AWS allows when the option is left out. */
const OPTIONS: ReadonlyArray<{ property: string; weak: readonly string[]; defaults: readonly string[] }> = [
  { property: 'IKEVersions', weak: ['ikev1'], defaults: ['ikev1', 'ikev2'] },
  { property: 'Phase1IntegrityAlgorithms', weak: ['SHA1'], defaults: ['SHA1', 'SHA2-256', 'SHA2-384', 'SHA2-512'] },
  { property: 'Phase2IntegrityAlgorithms', weak: ['SHA1'], defaults: ['SHA1', 'SHA2-256', 'SHA2-384', 'SHA2-512'] },
  { property: 'Phase1DHGroupNumbers', weak: ['2'], defaults: ['2', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24'] },
  { property: 'Phase2DHGroupNumbers', weak: ['2', '5'], defaults: ['2', '5', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24'] },
];

/** The weak values one tunnel allows (`[]` when none), or the verdict when its options cannot be read. */
function weakValues(tunnel: PropValue | undefined, index: number): string[] | Evaluation {
  const found: string[] = [];
  for (const option of OPTIONS) {
    const path = `VpnTunnelOptionsSpecifications[${index}].${option.property}`;
    const entries = list(at(tunnel, option.property));
    if (isUnknown(entries)) return unknown(entries, path);
    let allowed: readonly string[] = option.defaults;
    if (entries !== undefined && entries.length > 0) {
      const values: string[] = [];
      for (const entry of entries) {
        const value = str(at(entry, 'Value'));
        if (isUnknown(value)) return unknown(value, path);
        if (value !== undefined) values.push(value);
      }
      allowed = values;
    }
    for (const value of allowed) {
      if (option.weak.some((weak) => weak.toLowerCase() === value.toLowerCase())) found.push(`${option.property} ${value}${entries === undefined || entries.length === 0 ? ' (default)' : ''}`);
    }
  }
  return found;
}

export default defineCheck({
  id: 'vpn-connection-tunnel-strong-ike',
  title: 'Site-to-Site VPN tunnels refuse IKEv1, SHA-1 and weak Diffie-Hellman groups',
  service: 'vpn',
  resourceTypes: ['AWS::EC2::VPNConnection'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'A tunnel negotiates the strongest proposal both ends share, but it accepts anything its options allow: a customer gateway (or someone impersonating one) that offers only IKEv1, SHA-1 or the 1024-bit and 1536-bit Diffie-Hellman groups 2 and 5 gets them. Unless the customer narrows the tunnel options, AWS allows all of these, for backward compatibility. AWS runs the tunnel endpoints; which algorithms they accept is the customer\'s choice, made per tunnel.',
  remediation: {
    console: 'VPC console > Site-to-Site VPN connections > connection > Actions > Modify VPN tunnel options: for each tunnel, allow only IKEv2, SHA2 integrity algorithms and Diffie-Hellman groups 14 and above in both phases.',
    cloudformation: 'AWS::EC2::VPNConnection.VpnTunnelOptionsSpecifications: two entries, each with IKEVersions: [{Value: ikev2}], Phase1/Phase2IntegrityAlgorithms: [{Value: SHA2-256}], Phase1/Phase2DHGroupNumbers: [{Value: 14}, ...]',
    terraform: 'aws_vpn_connection { tunnel1_ike_versions = ["ikev2"], tunnel1_phase1_integrity_algorithms = ["SHA2-256"], tunnel1_phase1_dh_group_numbers = [14], tunnel1_phase2_integrity_algorithms = ["SHA2-256"], tunnel1_phase2_dh_group_numbers = [14], and the same for tunnel2 }',
  },
  evaluate(connection) {
    const tunnels = list(at(connection.properties, 'VpnTunnelOptionsSpecifications'));
    if (isUnknown(tunnels)) return unknown(tunnels, 'VpnTunnelOptionsSpecifications');
    // An account reports the options of both tunnels: fewer is an unread answer, not the default.
    if ((tunnels?.length ?? 0) < TUNNELS && isLive(connection)) return unknown('the connection did not report the options of both tunnels (ec2:DescribeVpnConnections)', 'VpnTunnelOptionsSpecifications');
    const problems: string[] = [];
    for (let index = 0; index < TUNNELS; index += 1) {
      // A tunnel without options keeps every default.
      const weak = weakValues(tunnels?.[index], index);
      if (!Array.isArray(weak)) return weak;
      if (weak.length > 0) problems.push(`tunnel ${index + 1} allows ${weak.join(', ')}`);
    }
    if (problems.length === 0) return pass('both tunnels allow only IKEv2, SHA2 integrity and Diffie-Hellman groups 14 and above', 'VpnTunnelOptionsSpecifications');
    return fail(`${problems.join('; ')}: a peer offering only these gets them`, 'VpnTunnelOptionsSpecifications');
  },
});
