import { intrinsicOf } from '../intrinsics.js';
import type { TemplateValue } from '../parse-yaml.js';

/** Small readers and builders of raw template values, shared by the SAM expansion. */

export type TemplateRecord = { [key: string]: TemplateValue };

export function isTemplateRecord(value: TemplateValue | undefined): value is TemplateRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mapping that is data, not an intrinsic function (`{Ref: X}` is a value SAM passes on as it is). */
export function isPlainRecord(value: TemplateValue | undefined): value is TemplateRecord {
  return isTemplateRecord(value) && intrinsicOf(value) === undefined;
}

/** Sets a key, `__proto__` included (an assignment would change the object's prototype instead). */
export function put(target: TemplateRecord, key: string, value: TemplateValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export function own(record: TemplateRecord | undefined, key: string): TemplateValue | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** What SAM keeps of a name in a logical id: its letters and digits. */
export const alphanumeric = (text: string): string => text.replace(/[^A-Za-z0-9]/g, '');

export const ref = (target: string): TemplateRecord => ({ Ref: target });
export const getAtt = (target: string, attribute: string): TemplateRecord => ({ 'Fn::GetAtt': [target, attribute] });
export const sub = (text: string, variables?: TemplateRecord): TemplateRecord => ({ 'Fn::Sub': variables === undefined ? text : [text, variables] });

/** An AWS managed policy's ARN in the stack's partition. */
export const awsManagedPolicy = (path: string): TemplateRecord => sub(`arn:\${AWS::Partition}:iam::aws:policy/${path}`);

/** SAM's `Tags` (a map of key to value) as CloudFormation's list of `{Key, Value}`, after the tag SAM adds itself. */
export function tagList(tags: TemplateValue | undefined, createdBy?: string): TemplateValue[] {
  const list: TemplateValue[] = createdBy === undefined ? [] : [{ Key: createdBy, Value: 'SAM' }];
  if (isPlainRecord(tags)) for (const [Key, Value] of Object.entries(tags)) list.push({ Key, Value });
  return list;
}

/**
 * An S3 location written as `s3://bucket/key` or `{Bucket, Key, Version}`, in the names the target property uses;
 * undefined for a local path (the template is not packaged yet) or a value that is not one of those.
 */
export function s3Location(value: TemplateValue | undefined, names: { bucket: string; key: string; version: string }): TemplateRecord | undefined {
  if (typeof value === 'string') {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
    return match ? { [names.bucket]: match[1] ?? '', [names.key]: match[2] ?? '' } : undefined;
  }
  if (!isPlainRecord(value)) return undefined;
  const out: TemplateRecord = {};
  const bucket = own(value, 'Bucket');
  const key = own(value, 'Key');
  const version = own(value, 'Version');
  if (bucket !== undefined) out[names.bucket] = bucket;
  if (key !== undefined) out[names.key] = key;
  if (version !== undefined) out[names.version] = version;
  return out;
}
