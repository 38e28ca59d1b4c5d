/**
 * Terraform plan JSON (`terraform show -json planfile`, formats 0.x and 1.x) and the state representation that
 * `terraform show -json` prints for a state: resources from `planned_values` (or `values`), root and child modules.
 */

import type { ResourceOrigin, SourceKind, SourceProblem } from '../../resource.js';
import { isRecord, Redacted, Reference, Unknown, type PropRecord, type PropValue } from '../../values.js';
import { withoutIndexes } from './convert.js';
import { formatCount, LIMITS } from './limits.js';
import type { ConfiguredAttributes, TerraformResource } from './model.js';

export interface ReadResult {
  items: TerraformResource[];
  problems: SourceProblem[];
  kind: SourceKind;
}

type Json = Record<string, unknown>;
const isJsonObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const AFTER_APPLY = new Unknown('known only after apply');
const TOO_DEEP = new Unknown(`not read: the value nests lists and objects deeper than ${LIMITS.valueDepth} levels`);
const TOO_LONG = new Unknown(`not read: the string is longer than ${formatCount(LIMITS.stringLength)} characters`);

/**
 * A planned value with Terraform's masks laid over it: `after_unknown` marks the values known only after apply,
 * `after_sensitive` the values marked sensitive, which are never carried. Parts nested deeper than the value depth
 * limit, and strings longer than the string limit, are unknown: every later reader of the value walks it by recursion.
 */
export function overlay(value: unknown, unknownMask: unknown, sensitiveMask: unknown, depth = 0, cut?: CutParts): PropValue {
  // Most of a plan carries no mark: such a subtree is used as parsed, without a copy (plans are large).
  if (!marks(unknownMask, depth) && !marks(sensitiveMask, depth) && isPlainJson(value, depth)) return value;
  if (sensitiveMask === true) return value === null || value === undefined || value === '' ? null : new Redacted(true);
  if (unknownMask === true) return AFTER_APPLY;
  if (typeof value === 'string' && value.length > LIMITS.stringLength) {
    if (cut) cut.long = true;
    return TOO_LONG;
  }
  const composite = Array.isArray(value) || Array.isArray(unknownMask) || isJsonObject(value) || isJsonObject(unknownMask);
  // A sensitive mark deeper than this is covered too: the whole part is unknown, nothing of it is carried.
  if (composite && depth >= LIMITS.valueDepth) {
    if (cut) cut.deep = true;
    return TOO_DEEP;
  }
  if (Array.isArray(value) || Array.isArray(unknownMask)) {
    const items = Array.isArray(value) ? value : [];
    const unknowns = Array.isArray(unknownMask) ? unknownMask : [];
    const sensitives = Array.isArray(sensitiveMask) ? sensitiveMask : [];
    const length = Math.max(items.length, unknowns.length);
    const out: PropValue[] = new Array<PropValue>(length);
    for (let index = 0; index < length; index += 1) out[index] = overlay(items[index] ?? null, unknowns[index], sensitives[index], depth + 1, cut);
    return out;
  }
  if (isJsonObject(value) || isJsonObject(unknownMask)) {
    const record = isJsonObject(value) ? value : {};
    const unknowns = isJsonObject(unknownMask) ? unknownMask : undefined;
    const sensitives = isJsonObject(sensitiveMask) ? sensitiveMask : undefined;
    const out: PropRecord = {};
    for (const key in record) out[key] = overlay(record[key], unknowns?.[key], sensitives?.[key], depth + 1, cut);
    if (unknowns) for (const key in unknowns) if (!(key in record) && unknowns[key] !== false) out[key] = overlay(undefined, unknowns[key], sensitives?.[key], depth + 1, cut);
    return out;
  }
  if (value === undefined) return null;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return new Unknown('unsupported value in the plan');
}

/** What `overlay` left unread: parts nested too deep, strings too long. */
export interface CutParts {
  deep: boolean;
  long: boolean;
}

/** A problem (once per file and kind) for the values a file holds beyond the limits, which are read as unknown. */
export function cutProblems(file: string, address: string, cut: CutParts, said: CutParts): SourceProblem[] {
  const problems: SourceProblem[] = [];
  if (cut.deep && !said.deep) {
    said.deep = true;
    problems.push({ file, message: `${address}: values nested more than ${LIMITS.valueDepth} levels deep are not read; they are unknown (later resources of this file may have more)`, fatal: false });
  }
  if (cut.long && !said.long) {
    said.long = true;
    problems.push({ file, message: `${address}: strings longer than ${formatCount(LIMITS.stringLength)} characters are not read; they are unknown (later resources of this file may have more)`, fatal: false });
  }
  return problems;
}

/** True when a mask marks anything (`true` somewhere inside); a mask nested past the depth limit counts as marking. */
function marks(mask: unknown, depth: number): boolean {
  if (mask === true) return true;
  if (typeof mask !== 'object' || mask === null) return false;
  if (depth >= LIMITS.valueDepth) return true;
  if (Array.isArray(mask)) return mask.some((item) => marks(item, depth + 1));
  for (const key in mask) if (marks(Reflect.get(mask, key), depth + 1)) return true;
  return false;
}

/** Parsed JSON is already a property tree; this checks it without copying it (and within the depth and string limits). */
function isPlainJson(value: unknown, depth: number): value is PropValue {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return true;
  if (typeof value === 'string') return value.length <= LIMITS.stringLength;
  if (depth >= LIMITS.valueDepth) return false;
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1));
  if (isJsonObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
    for (const key in value) if (!isPlainJson(value[key], depth + 1)) return false;
    return true;
  }
  return false;
}

interface ConfiguredResource {
  configured: ConfiguredAttributes;
  expressions: Json;
  modulePath: string;
}

/** The plan's `configuration`: which attributes each resource sets, and what its expressions refer to. */
function indexConfiguration(configuration: unknown): Map<string, ConfiguredResource> {
  const out = new Map<string, ConfiguredResource>();
  const walk = (module: unknown, prefix: string, depth: number): void => {
    // Modules deeper than the planned values are read are not looked at (that is warned about there).
    if (!isJsonObject(module) || depth > LIMITS.planModuleDepth) return;
    const resources = module['resources'];
    if (Array.isArray(resources)) {
      const modulePath = prefix.replace(/\.$/, '');
      for (const resource of resources) {
        if (!isJsonObject(resource) || typeof resource['address'] !== 'string') continue;
        const expressions = isJsonObject(resource['expressions']) ? resource['expressions'] : {};
        // The attributes set are the expressions' keys: looked up there rather than copied into a set per resource.
        out.set(`${prefix}${resource['address']}`, { configured: { has: (attribute) => Object.hasOwn(expressions, attribute) }, expressions, modulePath });
      }
    }
    const calls = module['module_calls'];
    if (isJsonObject(calls)) {
      for (const [name, call] of Object.entries(calls)) if (isJsonObject(call)) walk(call['module'], `${prefix}module.${name}.`, depth + 1);
    }
  };
  if (isJsonObject(configuration)) walk(configuration['root_module'], '', 0);
  return out;
}

/** `aws_s3_bucket.b.id` → `aws_s3_bucket.b` with attribute `id`; only references to resources count. */
function resourceReference(reference: string, modulePath: string): Reference | undefined {
  if (reference.startsWith('var.') || reference.startsWith('local.') || reference.startsWith('module.') || reference.startsWith('data.') || reference.startsWith('each.') || reference.startsWith('count.') || reference.startsWith('path.')) return undefined;
  const match = /^([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\])?(?:\.([A-Za-z_][A-Za-z0-9_]*))?/.exec(reference);
  if (!match) return undefined;
  const index = match[3] && /^\[("[^"]*"|\d+)\]$/.test(match[3]) ? match[3] : '';
  const target = `${modulePath ? `${modulePath}.` : ''}${match[1]}.${match[2]}${index}`;
  return new Reference(target, match[4]);
}

/**
 * Where a value is known only after apply and its expression names one resource attribute (`bucket =
 * aws_s3_bucket.b.id`), the value becomes a reference to that resource: the split resources find their parent so.
 */
function linkUnknowns(value: PropValue, expression: unknown, modulePath: string): PropValue {
  if (value === AFTER_APPLY && isJsonObject(expression) && Array.isArray(expression['references'])) {
    const references = expression['references'].filter((item): item is string => typeof item === 'string');
    const resolved = references.map((reference) => resourceReference(reference, modulePath)).filter((item): item is Reference => item !== undefined);
    const withAttribute = resolved.find((reference) => reference.attribute !== undefined);
    const targets = new Set(resolved.map((reference) => withoutIndexes(reference.target)));
    if (withAttribute && targets.size === 1) return withAttribute;
    return value;
  }
  if (Array.isArray(value) && Array.isArray(expression)) return value.map((item, index) => linkUnknowns(item, expression[index], modulePath));
  if (isRecord(value) && isJsonObject(expression)) {
    let out: PropRecord | undefined;
    for (const [key, item] of Object.entries(value)) {
      const sub = expression[key];
      if (sub === undefined) continue;
      const linked = linkUnknowns(item, Array.isArray(sub) && !Array.isArray(item) ? sub[0] : sub, modulePath);
      if (linked !== item) {
        out ??= { ...value };
        out[key] = linked;
      }
    }
    return out ?? value;
  }
  return value;
}

function modulePathOf(address: string, type: string, name: string): string {
  const marker = address.lastIndexOf(`${type}.${name}`);
  return marker > 0 ? address.slice(0, marker - 1) : '';
}

function indexOf(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

export function readPlanDocument(file: string, document: Json): ReadResult {
  const problems: SourceProblem[] = [];
  const version = document['format_version'];
  const isPlan = 'planned_values' in document || 'resource_changes' in document;
  const kind: SourceKind = isPlan ? 'terraform-plan' : 'terraform-state';
  // Format 0.x is what Terraform 0.12 to 1.0 write, 1.x what 1.1 and later write: the parts read here are the same.
  if (typeof version !== 'string' || !/^[01]\.\d+$/.test(version)) {
    return { items: [], problems: [{ file, message: `unsupported Terraform JSON format_version ${JSON.stringify(version ?? null)}: demarc reads formats 0.x and 1.x (Terraform 0.12 and later)`, fatal: true }], kind };
  }
  const changes = new Map<string, Json>();
  const resourceChanges = document['resource_changes'];
  if (Array.isArray(resourceChanges)) {
    for (const change of resourceChanges) {
      if (isJsonObject(change) && typeof change['address'] === 'string' && isJsonObject(change['change'])) changes.set(change['address'], change['change']);
    }
  }
  const configuration = isPlan ? indexConfiguration(document['configuration']) : new Map<string, ConfiguredResource>();
  const items: TerraformResource[] = [];
  const origin: ResourceOrigin = { kind, file };

  const root = isPlan ? (isJsonObject(document['planned_values']) ? document['planned_values']['root_module'] : undefined) : isJsonObject(document['values']) ? document['values']['root_module'] : undefined;
  let tooDeep = false;
  const said: CutParts = { deep: false, long: false };
  const walk = (module: unknown, depth: number): void => {
    if (!isJsonObject(module)) return;
    if (depth > LIMITS.planModuleDepth) {
      // Said once per file: the resources of this module and of the modules below it are not read.
      if (!tooDeep) {
        const address = typeof module['address'] === 'string' ? module['address'] : 'a module';
        problems.push({ file, message: `${address} is nested more than ${LIMITS.planModuleDepth} modules deep: its resources, and those of the modules below it, are not read`, fatal: false });
      }
      tooDeep = true;
      return;
    }
    const resources = module['resources'];
    if (Array.isArray(resources)) {
      for (const resource of resources) {
        if (!isJsonObject(resource) || resource['mode'] !== 'managed') continue;
        const address = resource['address'];
        const type = resource['type'];
        const name = resource['name'];
        if (typeof address !== 'string' || typeof type !== 'string' || typeof name !== 'string') continue;
        const change = changes.get(address);
        const after = change && 'after' in change && change['after'] !== null ? change['after'] : resource['values'];
        const unknownMask = change?.['after_unknown'];
        const sensitiveMask = change?.['after_sensitive'] ?? resource['sensitive_values'];
        const cut: CutParts = { deep: false, long: false };
        const values = overlay(after ?? {}, unknownMask, sensitiveMask, 0, cut);
        for (const problem of cutProblems(file, address, cut, said)) problems.push(problem);
        if (!isRecord(values)) continue;
        const modulePath = modulePathOf(address, type, name);
        const config = configuration.get(withoutIndexes(address));
        const linked = config ? linkUnknowns(values, config.expressions, modulePath) : values;
        const item: TerraformResource = { address, type, modulePath, values: isRecord(linked) ? linked : values, origin, scope: file };
        const index = indexOf(resource['index']);
        if (index !== undefined) item.index = index;
        if (config) item.configured = config.configured;
        items.push(item);
      }
    }
    const children = module['child_modules'];
    if (Array.isArray(children)) for (const child of children) walk(child, depth + 1);
  };
  if (root === undefined && isPlan) problems.push({ file, message: 'the plan has no planned_values: nothing to scan (was it made with -destroy?)', fatal: false });
  walk(root, 0);
  return { items, problems, kind };
}
