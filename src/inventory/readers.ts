import { isRecord, isRedacted, isReference, isUnknown, Unknown, type PropRecord, type PropValue } from './values.js';

/**
 * Typed, validating readers over property trees. Each returns the value, `undefined` when the property is absent,
 * or an `Unknown` when it cannot be known (unresolved, a reference to another resource's attribute, a wrong type).
 */
export type Maybe<T> = T | Unknown | undefined;

type PathStep = string | number;

/** The value at `path` below `value`; an `Unknown` met on the way is returned as it is. */
export function at(value: PropValue | undefined, ...path: PathStep[]): PropValue | undefined {
  let current: PropValue | undefined = value;
  for (const step of path) {
    if (current === undefined || current === null) return undefined;
    if (isUnknown(current)) return current;
    if (isReference(current)) return new Unknown(`the value comes from ${current.target}${current.attribute ? `.${current.attribute}` : ''}`);
    if (isRedacted(current)) return new Unknown('the value was redacted');
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (!isRecord(current)) return undefined;
      current = current[step];
    }
  }
  return current;
}

function describe(value: PropValue): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (isReference(value)) return `a reference to ${value.target}`;
  if (isRedacted(value)) return 'a redacted value';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function unresolvable(value: PropValue, expected: string): Unknown {
  if (isUnknown(value)) return value;
  if (isReference(value)) return new Unknown(`the value comes from ${value.target}${value.attribute ? `.${value.attribute}` : ''}`);
  return new Unknown(`expected ${expected}, found ${describe(value)}`);
}

export function bool(value: PropValue | undefined): Maybe<boolean> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return unresolvable(value, 'a boolean');
}

export function str(value: PropValue | undefined): Maybe<string> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return unresolvable(value, 'a string');
}

export function num(value: PropValue | undefined): Maybe<number> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return unresolvable(value, 'a number');
}

export function list(value: PropValue | undefined): Maybe<PropValue[]> {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value;
  return unresolvable(value, 'a list');
}

export function record(value: PropValue | undefined): Maybe<PropRecord> {
  if (value === undefined || value === null) return undefined;
  if (isRecord(value)) return value;
  return unresolvable(value, 'an object');
}

/** A string or a list of strings (IAM's `Action`, `Resource` ...) as a list; unknown items stay unknown. */
export function strings(value: PropValue | undefined): Array<string | Unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value : [value];
  const out: Array<string | Unknown> = [];
  for (const item of items) {
    const text = str(item);
    if (text === undefined) continue;
    out.push(text);
  }
  return out;
}

/** Tags in the CloudFormation list shape (`[{Key, Value}]`) or a map, as a map. */
export function tagsOf(properties: PropRecord): Record<string, string> | Unknown {
  const raw = properties['Tags'];
  if (raw === undefined || raw === null) return {};
  if (isUnknown(raw)) return raw;
  const tags: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      const key = str(at(entry, 'Key'));
      const value = str(at(entry, 'Value'));
      if (typeof key === 'string') tags[key] = typeof value === 'string' ? value : '';
    }
    return tags;
  }
  if (isRecord(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      const text = str(value);
      tags[key] = typeof text === 'string' ? text : '';
    }
    return tags;
  }
  return new Unknown('tags are not a list or a map');
}

export { isUnknown };
