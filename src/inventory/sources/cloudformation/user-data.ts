import { gunzipSync } from 'node:zlib';
import { looksSecret } from '../../redact.js';
import { isRecord, isUnknown, Unknown, type PropRecord, type PropValue } from '../../values.js';
import { intrinsicOf } from './intrinsics.js';
import type { TemplateValue } from './parse-yaml.js';

/**
 * User data as the text an instance receives. In a template, `UserData` is base64 by definition: `Fn::Base64` turns
 * its text into base64 (the resolver passes that text through unchanged), and any other value (a literal, a parameter,
 * a join) must already be base64. Secrets are looked for in the text, so the base64 is decoded here, before
 * redaction runs: an encoded private key or access key is as readable to whoever can read the instance's attributes.
 */

/** Largest text gzip-compressed user data may expand to (EC2 takes 16 KB of encoded user data; cloud-init, gzip). */
export const MAX_DECODED_USER_DATA = 1024 * 1024;

/** Where each resource type holds its user data. */
export const USER_DATA_PATHS: Readonly<Record<string, readonly string[]>> = {
  'AWS::EC2::Instance': ['UserData'],
  'AWS::AutoScaling::LaunchConfiguration': ['UserData'],
  'AWS::EC2::LaunchTemplate': ['LaunchTemplateData', 'UserData'],
};

/** What `decodeUserData` needs of the template's evaluation: the resolver's own functions. */
export interface UserDataEvaluation {
  resolve(value: TemplateValue): PropValue | symbol;
  condition(name: string): boolean | Unknown;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Control characters other than tab, line feed, vertical tab, form feed and carriage return: not text. */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f) return true;
  }
  return false;
}

function asText(bytes: Buffer): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return hasControlCharacter(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * The text that base64 user data encodes: plain text, or gzip-compressed text (which cloud-init accepts). Text that
 * is not base64 is returned as it is written (EC2 refuses it, but what it says is still judged); base64 of anything
 * other than text is an `Unknown`, never "nothing secret-like".
 */
export function decodeBase64UserData(written: string): string | Unknown {
  const compact = written.replace(/\s+/g, '');
  if (compact === '' || compact.length % 4 === 1 || !BASE64.test(compact)) return written;
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    let expanded: Buffer;
    try {
      expanded = gunzipSync(bytes, { maxOutputLength: MAX_DECODED_USER_DATA });
    } catch (error) {
      return new Unknown(
        error instanceof RangeError
          ? `the user data is gzip-compressed and expands beyond ${MAX_DECODED_USER_DATA} bytes`
          : 'the user data looks gzip-compressed but cannot be decompressed',
      );
    }
    return asText(expanded) ?? new Unknown('the user data is gzip-compressed data that is not text');
  }
  const text = asText(bytes);
  if (text !== undefined) return text;
  // Text that happens to use only base64 letters ("none", an access key id) decodes to noise: it was never encoded,
  // and what it says is judged as written.
  if (compact.length < 16 || looksSecret('UserData', written)) return written;
  return new Unknown('the user data is base64 of binary data that is neither text nor gzip');
}

/**
 * The user data text of a value as written (`written`) and as the resolver resolved it (`resolved`): `Fn::Base64`
 * already gave its text, `Fn::If` decodes the branch the condition picks, and anything else is base64 to decode.
 */
export function decodeUserData(written: TemplateValue, resolved: PropValue, evaluation: UserDataEvaluation): PropValue {
  const intrinsic = intrinsicOf(written);
  if (intrinsic?.name === 'Fn::Base64') return resolved;
  if (intrinsic?.name === 'Fn::If' && Array.isArray(intrinsic.argument) && intrinsic.argument.length === 3 && typeof intrinsic.argument[0] === 'string') {
    const outcome = evaluation.condition(intrinsic.argument[0]);
    // Unknown condition: the resolver gave a value only when both branches agree, and then either branch decodes it.
    const branch = outcome === false ? intrinsic.argument[2] : isUnknown(outcome) && isUnknown(resolved) ? undefined : intrinsic.argument[1];
    if (branch === undefined) return resolved;
    const value = evaluation.resolve(branch ?? null);
    return typeof value === 'symbol' ? resolved : decodeUserData(branch ?? null, value, evaluation);
  }
  return typeof resolved === 'string' ? decodeBase64UserData(resolved) : resolved;
}

/**
 * A resource's properties with its user data decoded (a new object along the path; the rest shared), for the types
 * in `USER_DATA_PATHS`. `rawProperties` is the `Properties` section as written.
 */
export function withDecodedUserData(type: string, rawProperties: TemplateValue | undefined, properties: PropRecord, evaluation: UserDataEvaluation): PropRecord {
  const path = USER_DATA_PATHS[type];
  if (path === undefined) return properties;
  const rebuild = (written: TemplateValue | undefined, resolved: PropRecord, depth: number): PropRecord => {
    const key = path[depth] ?? '';
    if (!Object.hasOwn(resolved, key) || written === null || typeof written !== 'object' || Array.isArray(written) || !Object.hasOwn(written, key)) return resolved;
    const writtenValue = written[key] ?? null;
    const value = resolved[key] ?? null;
    if (depth === path.length - 1) return { ...resolved, [key]: decodeUserData(writtenValue, value, evaluation) };
    // An intermediate object written as an intrinsic function (a whole LaunchTemplateData from !If) is left as it is.
    if (!isRecord(value) || intrinsicOf(writtenValue)) return resolved;
    return { ...resolved, [key]: rebuild(writtenValue, value, depth + 1) };
  };
  return rebuild(rawProperties, properties, 0);
}
