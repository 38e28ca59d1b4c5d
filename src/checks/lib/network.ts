import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, num, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown, Unknown, type PropValue } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';

/**
 * Network helpers shared by checks on security groups, network ACLs, load balancers, CDNs and API endpoints:
 * CIDR and port-range logic, and the minimum TLS version behind the managed security policy names of AWS.
 */

// ---------------------------------------------------------------------------------------------------------------
// Addresses and ports

/** True for a CIDR block that matches every address of its family: `0.0.0.0/0`, `::/0` (prefix length zero). */
export function isWorldCidr(cidr: string): boolean {
  const [address, prefix] = cidr.trim().split('/');
  if (address === undefined || prefix === undefined || address === '') return false;
  return Number(prefix) === 0;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

export interface PortRange {
  from: number;
  to: number;
}

/**
 * IP protocols by name. Security groups take names or numbers (`tcp`, `6`, `-1`), network ACL entries numbers
 * only (`6`, `-1`); both forms end up as one of these names, or the number as text for anything else.
 */
export type ProtocolName = 'all' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | string;

const PROTOCOL_NUMBERS: Record<string, ProtocolName> = { '-1': 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

export function protocolName(value: string | number): ProtocolName {
  const text = String(value).trim().toLowerCase();
  if (text === 'all') return 'all';
  return PROTOCOL_NUMBERS[text] ?? text;
}

/** Protocols whose rules carry a port range; any other protocol (ICMP ...) reaches no port. */
const PORTED_PROTOCOLS: readonly ProtocolName[] = ['tcp', 'udp'];

/**
 * The port range of a rule. `-1` on either bound, or both bounds absent for the `all` protocol, means every port.
 * Unknown when a bound cannot be read, or when a TCP/UDP rule gives no bounds (the EC2 API would reject it).
 */
export function portRangeOf(protocol: ProtocolName, from: PropValue | undefined, to: PropValue | undefined): PortRange | Unknown | undefined {
  if (protocol === 'all') return ALL_PORTS;
  if (!PORTED_PROTOCOLS.includes(protocol)) return undefined;
  const low = num(from);
  const high = num(to);
  if (isUnknown(low)) return low;
  if (isUnknown(high)) return high;
  if (low === undefined && high === undefined) return new Unknown(`a ${protocol} rule without a port range`);
  if (low === -1 || high === -1) return ALL_PORTS;
  const start = low ?? high ?? 0;
  const end = high ?? low ?? 65535;
  return { from: Math.min(start, end), to: Math.max(start, end) };
}

export const coversPort = (range: PortRange, port: number): boolean => range.from <= port && port <= range.to;

export const coversAllPorts = (range: PortRange): boolean => range.from <= 0 && range.to >= 65535;

export function describePorts(protocol: ProtocolName, range: PortRange | undefined): string {
  if (protocol === 'all') return 'all traffic (every protocol and port)';
  const label = protocol.toUpperCase();
  if (range === undefined) return label;
  if (coversAllPorts(range)) return `${label} on every port`;
  return range.from === range.to ? `${label} port ${range.from}` : `${label} ports ${range.from}-${range.to}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Firewall rules (security group ingress and network ACL entries)

/** One inbound rule, read from a security group's inline list, a separate ingress resource, or an ACL entry. */
export interface InboundRule {
  /** Where the rule is written: a property path of the evaluated resource, or a description of another resource. */
  label: string;
  /** Property path for locations, when the rule lives on the evaluated resource. */
  path?: string;
  protocol: ProtocolName | Unknown;
  ports: PortRange | Unknown | undefined;
  /** The source CIDR blocks (IPv4 and IPv6) the rule admits; other sources (groups, prefix lists) are not listed. */
  cidrs: Array<string | Unknown>;
}

/** Reads a rule in the shape of `AWS::EC2::SecurityGroup.Ingress` (also `AWS::EC2::SecurityGroupIngress` properties). */
export function securityGroupRule(entry: PropValue | undefined, label: string, path?: string): InboundRule {
  const rawProtocol = str(at(entry, 'IpProtocol'));
  const protocol = rawProtocol === undefined ? new Unknown('the rule has no IpProtocol') : isUnknown(rawProtocol) ? rawProtocol : protocolName(rawProtocol);
  const ports = isUnknown(protocol) ? undefined : portRangeOf(protocol, at(entry, 'FromPort'), at(entry, 'ToPort'));
  const cidrs: Array<string | Unknown> = [];
  for (const key of ['CidrIp', 'CidrIpv6']) {
    const value = str(at(entry, key));
    if (value !== undefined) cidrs.push(value);
  }
  return { label, path, protocol, ports, cidrs };
}

/** Reads an `AWS::EC2::NetworkAclEntry` (its numeric `Protocol` and `PortRange`). */
export function networkAclRule(properties: PropValue, label: string): InboundRule {
  const rawProtocol = str(at(properties, 'Protocol'));
  const protocol = rawProtocol === undefined ? new Unknown('the entry has no Protocol') : isUnknown(rawProtocol) ? rawProtocol : protocolName(rawProtocol);
  const ports = isUnknown(protocol) ? undefined : portRangeOf(protocol, at(properties, 'PortRange', 'From'), at(properties, 'PortRange', 'To'));
  const cidrs: Array<string | Unknown> = [];
  for (const key of ['CidrBlock', 'Ipv6CidrBlock']) {
    const value = str(at(properties, key));
    if (value !== undefined) cidrs.push(value);
  }
  return { label, protocol, ports, cidrs };
}

/** The world-open CIDR blocks of a rule; unknown when none is open but some source cannot be read. */
export function worldSources(rule: InboundRule): string[] | Unknown {
  const open = rule.cidrs.filter((cidr): cidr is string => typeof cidr === 'string' && isWorldCidr(cidr));
  if (open.length > 0) return open;
  return rule.cidrs.find(isUnknown) ?? [];
}

/**
 * Whether the rule lets `protocols` traffic reach `port` (the `all` protocol always does). Unknown when the
 * protocol or port range cannot be read.
 */
export function ruleReachesPort(rule: InboundRule, port: number, protocols: readonly ProtocolName[] = ['tcp']): boolean | Unknown {
  if (isUnknown(rule.protocol)) return rule.protocol;
  if (rule.protocol !== 'all' && !protocols.includes(rule.protocol)) return false;
  if (rule.ports === undefined) return false;
  if (isUnknown(rule.ports)) return rule.ports;
  return coversPort(rule.ports, port);
}

/** Whether the rule admits every port: the `all` protocol, or TCP or UDP over 0-65535. */
export function ruleReachesAllPorts(rule: InboundRule): boolean | Unknown {
  if (isUnknown(rule.protocol)) return rule.protocol;
  if (rule.ports === undefined) return false;
  if (isUnknown(rule.ports)) return rule.ports;
  return coversAllPorts(rule.ports);
}

export function describeRule(rule: InboundRule): string {
  if (isUnknown(rule.protocol)) return 'traffic';
  return describePorts(rule.protocol, isUnknown(rule.ports) ? undefined : rule.ports);
}

/** Outcome of asking whether a rule opens something to the internet. */
export type Exposure = { open: true; sources: string[] } | { open: false } | { open: 'unknown'; reason: Unknown };

/** Whether the rule opens what `reaches` asks about to every address. */
export function exposure(rule: InboundRule, reaches: (rule: InboundRule) => boolean | Unknown): Exposure {
  const sources = worldSources(rule);
  if (!isUnknown(sources) && sources.length === 0) return { open: false };
  const reached = reaches(rule);
  if (reached === false) return { open: false };
  if (isUnknown(reached)) return { open: 'unknown', reason: reached };
  if (isUnknown(sources)) return { open: 'unknown', reason: sources };
  return { open: true, sources };
}

/**
 * Every inbound rule of a security group: its inline `SecurityGroupIngress` list and the separate
 * `AWS::EC2::SecurityGroupIngress` resources that point at it by `GroupId` or `GroupName`.
 */
/** What `securityGroupInboundRules` looks up. */
export const INGRESS_READS = ['AWS::EC2::SecurityGroupIngress'] as const;

export function securityGroupInboundRules(group: Resource, inventory: InventoryView): InboundRule[] {
  const rules: InboundRule[] = [];
  const inline = group.properties['SecurityGroupIngress'];
  if (Array.isArray(inline)) {
    inline.forEach((entry, index) => {
      const path = `SecurityGroupIngress.${index}`;
      rules.push(securityGroupRule(entry, path, path));
    });
  } else if (isUnknown(inline)) {
    rules.push({ label: 'SecurityGroupIngress', path: 'SecurityGroupIngress', protocol: inline, ports: undefined, cidrs: [inline] });
  }
  const separate = new Set([
    ...inventory.referrers(group, 'AWS::EC2::SecurityGroupIngress', 'GroupId'),
    ...inventory.referrers(group, 'AWS::EC2::SecurityGroupIngress', 'GroupName'),
  ]);
  for (const ingress of separate) rules.push(securityGroupRule(ingress.properties, `${ingress.id} (AWS::EC2::SecurityGroupIngress)`));
  return rules;
}

/** The security group a separate ingress rule belongs to, when that group is in the inventory. */
/** What `groupOfIngress` and `securityGroupExposure` look up. */
export const SECURITY_GROUP_READS = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'] as const;

export function groupOfIngress(ingress: Resource, inventory: InventoryView): Resource | undefined {
  for (const key of ['GroupId', 'GroupName']) {
    const target = inventory.resolve(ingress.properties[key]);
    if (target && target.type === 'AWS::EC2::SecurityGroup') return target;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// TLS versions behind AWS security policy names

/** A TLS version as `[major, minor]` of the protocol's own numbering (`1.2` → `[1, 2]`); SSLv3 is `[0, 3]`. */
export type TlsVersion = readonly [number, number];

export const TLS_1_2: TlsVersion = [1, 2];

export const tlsAtLeast = (version: TlsVersion, minimum: TlsVersion): boolean =>
  version[0] > minimum[0] || (version[0] === minimum[0] && version[1] >= minimum[1]);

export const formatTls = (version: TlsVersion): string => (version[0] === 0 ? 'SSLv3' : `TLS ${version[0]}.${version[1]}`);

// Elastic Load Balancing policies that predate the version-named ones; all of them still accept TLS 1.0.
const LEGACY_ELB_POLICIES = new Set([
  'ELBSecurityPolicy-2016-08',
  'ELBSecurityPolicy-2015-05',
  'ELBSecurityPolicy-2015-03',
  'ELBSecurityPolicy-2015-02',
  'ELBSecurityPolicy-2014-10',
  'ELBSecurityPolicy-2014-01',
  'ELBSecurityPolicy-2011-08',
  'ELBSecurityPolicy-FS-2018-06',
  'ELBSample-ELBDefaultNegotiationPolicy',
  'ELBSample-OpenSSLDefaultNegotiationPolicy',
]);

/**
 * The oldest TLS version an Elastic Load Balancing security policy accepts, read from its name
 * (`ELBSecurityPolicy-TLS13-1-2-2021-06` → 1.2, `ELBSecurityPolicy-FS-1-1-2019-08` → 1.1); undefined for a name
 * this table does not know (a custom Classic Load Balancer policy, a policy newer than this code).
 */
export function elbPolicyMinimumTls(policy: string): TlsVersion | undefined {
  if (LEGACY_ELB_POLICIES.has(policy)) return [1, 0];
  const versioned = /^ELBSecurityPolicy-(?:TLS13-|TLS-|FS-)(1)-([0-3])-/.exec(policy);
  if (versioned) return [Number(versioned[1]), Number(versioned[2])];
  return undefined;
}

/** The policy an HTTPS or TLS listener gets when a template or the API names none (the console picks a newer one). */
export const ELB_API_DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';

/**
 * CloudFront viewer security policies (`MinimumProtocolVersion`): the TLS floor and the year of the cipher set.
 * `TLSv1.2_2018` and `TLSv1.2_2019` require TLS 1.2 but still offer CBC ciphers that `TLSv1.2_2021` dropped.
 */
export function cloudFrontPolicy(policy: string): { minimum: TlsVersion; year: number } | undefined {
  if (policy === 'SSLv3') return { minimum: [0, 3], year: 0 };
  if (policy === 'TLSv1') return { minimum: [1, 0], year: 0 };
  const named = /^TLSv1(?:\.([0-3]))?_(\d{4})$/.exec(policy);
  if (!named) return undefined;
  return { minimum: [1, Number(named[1] ?? 0)], year: Number(named[2]) };
}

/** True for a CloudFront policy at or above `TLSv1.2_2021`: TLS 1.2 or later with the current cipher set. */
export function cloudFrontPolicyIsModern(policy: string): boolean | undefined {
  const parsed = cloudFrontPolicy(policy);
  if (!parsed) return undefined;
  if (tlsAtLeast(parsed.minimum, [1, 3])) return true;
  return tlsAtLeast(parsed.minimum, TLS_1_2) && parsed.year >= 2021;
}

/**
 * The minimum TLS version of an API Gateway custom domain `SecurityPolicy`: the classic `TLS_1_0` / `TLS_1_2` and
 * the enhanced `SecurityPolicy_TLS13_...` / `SecurityPolicy_TLS12_...` names.
 */
export function apiGatewayPolicyMinimumTls(policy: string): TlsVersion | undefined {
  const classic = /^TLS_1_([0-3])$/.exec(policy);
  if (classic) return [1, Number(classic[1])];
  const enhanced = /^SecurityPolicy_TLS1([23])(?:_1_([23]))?_/.exec(policy);
  if (enhanced) {
    // `SecurityPolicy_TLS13_1_3_...` names its floor; where the name gives none, claim no more than TLS 1.2.
    return enhanced[2] !== undefined ? [1, Number(enhanced[2])] : TLS_1_2;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Security group exposure, as the checks on SSH, RDP and all ports judge it

/**
 * Evaluates one security group (or a separate `AWS::EC2::SecurityGroupIngress` whose group is not in the
 * inventory) for rules that open `what` to every address: one fail per such rule, unknown where a rule cannot
 * be read, a pass otherwise. A separate ingress rule whose group is in the inventory is judged with that group and
 * yields nothing on its own.
 */
export function securityGroupExposure(
  resource: Resource,
  inventory: InventoryView,
  reaches: (rule: InboundRule) => boolean | Unknown,
  what: string,
): Evaluation[] {
  let rules: InboundRule[];
  if (resource.type === 'AWS::EC2::SecurityGroupIngress') {
    if (groupOfIngress(resource, inventory)) return [];
    rules = [securityGroupRule(resource.properties, 'the rule')];
  } else {
    rules = securityGroupInboundRules(resource, inventory);
  }
  const failures: Evaluation[] = [];
  const unknowns: Evaluation[] = [];
  for (const rule of rules) {
    const outcome = exposure(rule, reaches);
    if (outcome.open === true) {
      const facets = [...new Set(outcome.sources.map((source) => (source.includes(':') ? 'ipv6' : 'ipv4')))].sort();
      failures.push({ ...fail(`${rule.label} allows ${describeRule(rule)} from ${outcome.sources.join(' and ')}, which opens ${what} to the whole internet`, rule.path), facets });
    } else if (outcome.open === 'unknown') {
      unknowns.push(unknown(`${rule.label}: cannot tell whether it opens ${what} to the internet: ${outcome.reason.reason}`, rule.path));
    }
  }
  if (failures.length > 0 || unknowns.length > 0) return [...failures, ...unknowns];
  return [pass(rules.length === 0 ? `no inbound rule, so ${what} is not open to the internet` : `no inbound rule opens ${what} to 0.0.0.0/0 or ::/0`)];
}

// ---------------------------------------------------------------------------------------------------------------
// ARNs built in templates

/**
 * Whether `value` points at `target`: a reference or a name, id or ARN the inventory resolves to it, or an ARN that
 * a template builds with `Fn::Sub`/`Fn::Join` around the target (`arn:...:distribution/${Site}`), whose text keeps
 * the target's logical id. Unknown when `value` cannot be read and names no resource at all.
 */
export function pointsAt(value: PropValue | undefined, target: Resource, inventory: InventoryView): boolean | Unknown {
  if (value === undefined || value === null) return false;
  const resolved = inventory.resolve(value);
  if (resolved) return resolved === target;
  if (isUnknown(value)) {
    const text = value.template;
    if (text === undefined) return value;
    const named = [...text.matchAll(/\$\{([^}.]+)(?:\.[^}]*)?\}/g)].map((match) => match[1]);
    if (named.includes(target.id)) return true;
    return named.some((id) => id !== undefined && id !== '?' && inventory.hasId(id)) ? false : value;
  }
  if (typeof value === 'string') return target.arn !== undefined && value === target.arn;
  return false;
}
