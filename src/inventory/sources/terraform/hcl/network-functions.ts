/**
 * Terraform's IPv4 address functions (`cidrsubnet`, `cidrsubnets`, `cidrhost`), evaluated statically: subnet layouts
 * decide how many subnets, route tables and ACL rules a VPC module makes. IPv6 prefixes are left unknown.
 */

import { isUnknown, Unknown, type PropValue } from '../../../values.js';

const SPACE = 2 ** 32;

interface Network {
  start: number;
  prefix: number;
}

function parseCidr(text: PropValue | undefined): Network | Unknown {
  if (typeof text !== 'string') return new Unknown('a CIDR prefix that is not a string');
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return new Unknown(`${text.includes(':') ? 'IPv6 prefixes are' : `"${text.slice(0, 60)}" is`} not evaluated statically as an IPv4 CIDR prefix`);
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return new Unknown(`"${text}" is not a valid CIDR prefix`);
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  // As Go's ParseCIDR does: the host bits of the address given are dropped.
  const size = 2 ** (32 - prefix);
  return { start: Math.floor(address / size) * size, prefix };
}

function ipText(address: number): string {
  const octets: number[] = [];
  let rest = address;
  for (let index = 0; index < 4; index += 1) {
    octets.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return octets.join('.');
}

const whole = (value: PropValue | undefined): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined);

export function cidrsubnet([base, newbits, netnum]: PropValue[]): PropValue {
  const network = parseCidr(base);
  if (isUnknown(network)) return network;
  const bits = whole(newbits);
  const number = whole(netnum);
  if (bits === undefined || number === undefined || bits < 0) return new Unknown('cidrsubnet with numbers that are not whole');
  const prefix = network.prefix + bits;
  if (prefix > 32) return new Unknown(`cidrsubnet: ${bits} more bits would make a prefix longer than 32`);
  if (number < 0 || number >= 2 ** bits) return new Unknown(`cidrsubnet: network number ${number} does not fit in ${bits} bits`);
  return `${ipText(network.start + number * 2 ** (32 - prefix))}/${prefix}`;
}

export function cidrhost([base, hostnum]: PropValue[]): PropValue {
  const network = parseCidr(base);
  if (isUnknown(network)) return network;
  const number = whole(hostnum);
  if (number === undefined) return new Unknown('cidrhost with a host number that is not whole');
  const size = 2 ** (32 - network.prefix);
  const offset = number < 0 ? size + number : number;
  if (offset < 0 || offset >= size) return new Unknown(`cidrhost: host number ${number} is outside the prefix`);
  return ipText(network.start + offset);
}

/** Consecutive subnets, each starting at the first address after the previous one that is aligned to its own size. */
export function cidrsubnets([base, ...newbits]: PropValue[]): PropValue {
  const network = parseCidr(base);
  if (isUnknown(network)) return network;
  const end = network.start + 2 ** (32 - network.prefix);
  const out: string[] = [];
  let next = network.start;
  for (const raw of newbits) {
    const bits = whole(raw);
    if (bits === undefined || bits < 1) return new Unknown('cidrsubnets with a number of bits that is not a positive whole number');
    const prefix = network.prefix + bits;
    if (prefix > 32) return new Unknown(`cidrsubnets: ${bits} more bits would make a prefix longer than 32`);
    const size = 2 ** (32 - prefix);
    const start = Math.ceil(next / size) * size;
    if (start + size > end || start + size > SPACE) return new Unknown('cidrsubnets: the subnets do not fit in the prefix');
    out.push(`${ipText(start)}/${prefix}`);
    next = start + size;
  }
  return out;
}
