import { createHash } from 'node:crypto';

// A fixed namespace for demarc's name-based UUIDs, so the same name always gives the same UUID.
const DEMARC_NAMESPACE = Buffer.from('5b0c7a4e8f3d4f6aa1e2c9d7b3f40a61', 'hex');

/** A version-5 (SHA-1, name-based) UUID in the RFC 4122 layout: stable across runs for the same name. */
export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(DEMARC_NAMESPACE).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A short stable digest of some text, for fingerprints. */
export function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}
