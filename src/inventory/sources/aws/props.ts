import { Redacted, Unknown, type PropRecord, type PropValue } from '../../values.js';
import { ABSENT, type Absent } from './collector.js';

/** SDK output into a property tree: dates become ISO strings, undefined members are dropped. */
export function toProp(value: unknown): PropValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  // Already property values: a Redacted verdict must stay one, or checks could no longer tell it from data.
  if (value instanceof Unknown || value instanceof Redacted) return value;
  if (value instanceof Uint8Array) return new Unknown('binary value not kept');
  if (Array.isArray(value)) return value.map((item) => toProp(item) ?? null);
  if (typeof value === 'object') {
    const record: PropRecord = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === '$metadata') continue;
      const converted = toProp(item);
      if (converted !== undefined) record[key] = converted;
    }
    return record;
  }
  return undefined;
}

/** Builds a record, leaving out members whose value is undefined (an absent property means the AWS default). */
export function props(entries: Record<string, unknown>): PropRecord {
  const record: PropRecord = {};
  for (const [key, value] of Object.entries(entries)) {
    const converted = toProp(value);
    if (converted !== undefined) record[key] = converted;
  }
  return record;
}

/** A policy document as AWS returns it: JSON, URL-encoded in IAM responses. */
export function policyDocument(text: string | undefined): PropValue | undefined {
  if (text === undefined || text === '') return undefined;
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === undefined) continue;
    try {
      return toProp(JSON.parse(candidate));
    } catch {
      // try the next form
    }
  }
  return new Unknown('the policy document is not valid JSON');
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The value of a detail call: `undefined` when absent, the `Unknown` when it failed, `map(output)` otherwise. */
export function fromDetail<T>(result: T | Absent | Unknown, map: (output: T) => unknown): PropValue | undefined {
  if (result === ABSENT) return undefined;
  if (result instanceof Unknown) return result;
  return toProp(map(result));
}

export function tagsList(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): PropValue | undefined {
  if (!tags || tags.length === 0) return undefined;
  return tags.map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' }));
}

export function tagsFromMap(tags: Record<string, string> | undefined): PropValue | undefined {
  if (!tags) return undefined;
  const entries = Object.entries(tags);
  return entries.length === 0 ? undefined : entries.map(([Key, Value]) => ({ Key, Value }));
}

/** The last part of an ARN's resource (`arn:aws:iam::1:role/path/name` → `name`). */
export function nameFromArn(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const cut = Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':'));
  return cut >= 0 ? resource.slice(cut + 1) : resource;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
