/**
 * The vocabulary of the mapping tables: how a Terraform attribute becomes a CloudFormation property. A table entry is
 * one plain object per Terraform type; `fields` maps attribute names to property paths (dotted for nesting), with an
 * optional converter for values whose shape differs (nested blocks, tags, JSON documents ...).
 */

import { fromJson, isRecord, isRedacted, isReference, isUnknown, Redacted, Unknown, type PropRecord, type PropValue } from '../../../values.js';
import { LIMITS } from '../limits.js';

/** Converts one attribute value; `undefined` leaves the property out. The whole attribute record is at hand. */
export type Convert = (value: PropValue, attributes: PropRecord) => PropValue | undefined;

/** Properties computed by a function; `undefined` entries are left out. */
export type Built = Readonly<Record<string, PropValue | undefined>>;

/** Drops the `undefined` entries of a built record. */
export function clean(built: Built | undefined): PropRecord {
  const out: PropRecord = {};
  if (built) for (const [key, value] of Object.entries(built)) if (value !== undefined) out[key] = value;
  return out;
}

export type FieldTarget = string | readonly [string, Convert];
export type FieldSpec = Readonly<Record<string, FieldTarget>>;

export interface ParentLink {
  /** Terraform types of the resource this one configures. */
  types: readonly string[];
  /** The attribute of this resource that names the parent (`bucket`, `role`, `security_group_id`). */
  attribute: string;
  /** Attributes of the parent that value may equal (`bucket`, `id`, `name`, `arn`). */
  keys: readonly string[];
  /** `assign` replaces the parent's properties with the fragment's; `append` adds to its lists. */
  mode: 'assign' | 'append';
}

export interface TypeMapping {
  /** The CloudFormation (or demarc) type the resource becomes. For a split resource: its parent's type. */
  cfnType: string;
  /** For a type whose CloudFormation type depends on an attribute (a directory's `type`): that type, else `cfnType`. */
  cfnTypeOf?: (attributes: PropRecord) => string | undefined;
  /** The attribute holding the physical name (bucket name, role name ...). */
  name?: string;
  fields?: FieldSpec;
  /** Properties computed from the attributes as a whole, merged over `fields`. */
  build?: (attributes: PropRecord) => Built;
  /** The Terraform provider's defaults for attributes whose absence would otherwise mean something else. */
  defaults?: Readonly<PropRecord>;
  /** Attributes that the provider computes when they are not configured: an unknown value then means its default. */
  computed?: readonly string[];
  /** Set for resources that configure another one (`aws_s3_bucket_versioning`): merged into the parent. */
  parent?: ParentLink | readonly ParentLink[];
  /**
   * For a split resource whose parent is not in the scan: the resource it becomes on its own, if any (a function when
   * the type depends on the attributes, as a rule's direction does). Its `companions` come along.
   */
  standalone?: TypeMapping | ((attributes: PropRecord) => TypeMapping | undefined);
  /**
   * Properties that depend on another resource of the scan (a listener's protocol on its load balancer's type):
   * `build` gets the attributes of the resource `link` names, or undefined when it is not in the scan.
   */
  related?: { link: Omit<ParentLink, 'mode'>; build: (attributes: PropRecord, related: PropRecord | undefined) => Built };
  /** Inline parts that CloudFormation holds as resources of their own; `self` refers to this resource. */
  companions?: (attributes: PropRecord, self: PropValue) => Companion[];
}

/** A resource that CloudFormation describes separately but Terraform inline (network ACL entries, routes). */
export interface Companion {
  /** Appended to the owner's address to make the companion's id (`.ingress[0]`). */
  suffix: string;
  cfnType: string;
  properties: PropRecord;
}

export type MappingTable = Readonly<Record<string, TypeMapping>>;

const passUnknown = (value: PropValue): boolean => isUnknown(value) || isReference(value) || isRedacted(value);

/** Sets `value` at a dotted path, creating the records on the way. */
export function setPath(target: PropRecord, path: string, value: PropValue): void {
  setSteps(target, path.split('.'), value);
}

function setSteps(target: PropRecord, steps: readonly string[], value: PropValue): void {
  let current = target;
  for (let index = 0; index < steps.length - 1; index += 1) {
    const step = steps[index] ?? '';
    const next = current[step];
    if (isRecord(next)) current = next;
    else if (next === undefined || next === null) {
      const created: PropRecord = {};
      current[step] = created;
      current = created;
    } else return;
  }
  const last = steps[steps.length - 1] ?? '';
  current[last] = value;
}

interface CompiledField {
  attribute: string;
  steps: readonly string[];
  convert: Convert | undefined;
}

// Each specification split into steps once (a large plan applies the same table entry to many thousands of resources).
const compiledSpecs = new WeakMap<FieldSpec, readonly CompiledField[]>();

function compiled(spec: FieldSpec): readonly CompiledField[] {
  let fields = compiledSpecs.get(spec);
  if (!fields) {
    fields = Object.entries(spec).map(([attribute, target]) =>
      typeof target === 'string' ? { attribute, steps: target.split('.'), convert: undefined } : { attribute, steps: target[0].split('.'), convert: target[1] },
    );
    compiledSpecs.set(spec, fields);
  }
  return fields;
}

/** Applies a field specification to a Terraform attribute record. */
export function applyFields(spec: FieldSpec, attributes: PropRecord): PropRecord {
  const out: PropRecord = {};
  for (const { attribute, steps, convert } of compiled(spec)) {
    const value = attributes[attribute];
    if (value === undefined || value === null) continue;
    const converted = convert ? convert(value, attributes) : value;
    if (converted !== undefined) setSteps(out, steps, converted);
  }
  return out;
}

/** The fields of a specification with the built properties laid over them (as `{ ...fields, ...clean(built) }`). */
export function applyFieldsAndBuild(spec: FieldSpec, build: ((attributes: PropRecord) => Built) | undefined, attributes: PropRecord): PropRecord {
  const out = applyFields(spec, attributes);
  const built = build?.(attributes);
  if (built) for (const key in built) if (built[key] !== undefined) out[key] = built[key];
  return out;
}

/** The first (only) element of a nested block, which Terraform represents as a list of one. */
export function single(value: PropValue | undefined): PropValue | undefined {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value[0];
  return value;
}

/** A nested block (`versioning_configuration { ... }`) mapped by its own field specification. */
export function block(spec: FieldSpec, build?: (attributes: PropRecord) => Built): Convert {
  return (value) => {
    const item = single(value);
    if (item === undefined || item === null) return undefined;
    if (passUnknown(item)) return item;
    if (!isRecord(item)) return new Unknown('a nested block is not an object');
    return applyFieldsAndBuild(spec, build, item);
  };
}

/** A repeated nested block (`rule { ... } rule { ... }`) mapped to a list. */
export function blocks(spec: FieldSpec, build?: (attributes: PropRecord) => Built): Convert {
  return (value) => {
    if (passUnknown(value)) return value;
    const items = Array.isArray(value) ? value : [value];
    return items.map((item) => (isRecord(item) ? applyFieldsAndBuild(spec, build, item) : item));
  };
}

/** Terraform's tag map as CloudFormation's `[{Key, Value}]` list. */
export const tags: Convert = (value) => {
  if (passUnknown(value)) return value;
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  return entries.length === 0 ? undefined : entries.map(([Key, Value]) => ({ Key, Value }));
};

/** True when parsed JSON nests no deeper than `limit` levels; walked with a stack of its own, never by recursion. */
function nestsWithin(value: unknown, limit: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= limit) return false;
    for (const item of Object.values(next.value)) if (typeof item === 'object' && item !== null) pending.push({ value: item, depth: next.depth + 1 });
  }
  return true;
}

/** A JSON document held as text (policies, container definitions): parsed into the object CloudFormation holds. */
export const json: Convert = (value) => {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return new Unknown('the JSON document is not valid JSON');
  }
  // Every later reader walks the document by recursion: one nested past the limit is not read.
  if (!nestsWithin(parsed, LIMITS.valueDepth)) return new Unknown(`the JSON document nests lists and objects deeper than ${LIMITS.valueDepth} levels`);
  return fromJson(parsed);
};

/** A value that may be a secret: never carried, only whether it was set. */
export const secret: Convert = (value) => (isUnknown(value) ? value : new Redacted(value !== '' && value !== null));

/** A boolean as the `"true"`/`"false"` text CloudFormation uses in attribute lists. */
export const boolText: Convert = (value) => (typeof value === 'boolean' ? String(value) : value);

/** A value mapped through a table of names; unknown names pass unchanged. */
export function rename(table: Readonly<Record<string, string>>): Convert {
  return (value) => (typeof value === 'string' ? (table[value] ?? value) : value);
}

/** A string or number as a number (`"8080"` → 8080). */
export const number: Convert = (value) => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value);

/**
 * Base64 text (`user_data_base64`, a launch template's `user_data`) as the text it encodes: CloudFormation templates
 * hold the plain text inside `Fn::Base64`, and the checks read that. Text that is not base64 is left as it is.
 */
export const base64Text: Convert = (value) => {
  if (typeof value !== 'string') return value;
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return value;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  // Binary content (a gzip archive for cloud-init) does not survive as UTF-8 text: keep the original then.
  return decoded.includes('\uFFFD') ? value : decoded;
};

/** A scalar as a list of one (`security_group_id` → `[id]`). */
export const asList: Convert = (value) => (Array.isArray(value) || passUnknown(value) ? value : [value]);

/** A scalar attribute as a list of one, an unknown value included (`policy_arn` names one policy, never several). */
export const one: Convert = (value) => (Array.isArray(value) ? value : [value]);

/** Leaves an empty list or record out (Terraform writes unset blocks as `[]`). */
export const nonEmpty: Convert = (value) => ((Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0) ? undefined : value);

/** A map attribute kept as it is (environment variables, parameters), empty maps left out. */
export const map: Convert = nonEmpty;

/** `[{name, value}]` blocks as a map (`parameter { name, value }` → `{ name: value }`). */
export function nameValueMap(nameKey = 'name', valueKey = 'value'): Convert {
  return (value) => {
    if (passUnknown(value)) return value;
    if (!Array.isArray(value)) return undefined;
    const out: PropRecord = {};
    for (const item of value) {
      if (isRecord(item) && typeof item[nameKey] === 'string') out[item[nameKey]] = item[valueKey] ?? null;
    }
    return out;
  };
}

/** Reads a string attribute, or undefined. */
export function text(attributes: PropRecord, name: string): string | undefined {
  const value = attributes[name];
  return typeof value === 'string' ? value : undefined;
}

export { isRecord, isUnknown, Unknown };
