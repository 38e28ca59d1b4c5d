/**
 * Turns Terraform resources (from a plan, a state or configuration) into inventory resources in the CloudFormation
 * shape: each type through its mapping table entry, and the provider's split resources (`aws_s3_bucket_versioning`,
 * `aws_security_group_rule`, `aws_iam_role_policy` ...) merged into the resource they configure.
 */

import type { Resource, SourceProblem } from '../../resource.js';
import { isReference, isUnknown, Reference, type PropRecord, type PropValue, type Unknown } from '../../values.js';
import { applyFieldsAndBuild, clean, type FieldSpec, type ParentLink, type TypeMapping } from './mappings/dsl.js';
import { describeFailure } from './limits.js';
import { mappingFor } from './mappings/index.js';
import type { TerraformResource } from './model.js';

interface Entry {
  item: TerraformResource;
  resource: Resource;
}

export interface Conversion {
  resources: Resource[];
  problems: SourceProblem[];
}

function effectiveValues(item: TerraformResource, mapping: TypeMapping): PropRecord {
  let values = item.values;
  const configured = item.configured;
  if (mapping.computed && (configured || item.fromConfiguration)) {
    // An attribute the provider computes, unset in the configuration, takes the provider's default: an unknown value
    // there is not missing evidence but the default, which is what "absent" means in CloudFormation too.
    for (const attribute of mapping.computed) {
      if (isUnknown(values[attribute]) && !(configured?.has(attribute) ?? false)) {
        if (values === item.values) values = { ...values };
        delete values[attribute];
      }
    }
  }
  if (item.fromConfiguration && mapping.defaults) {
    for (const [attribute, fallback] of Object.entries(mapping.defaults)) {
      if (values[attribute] === undefined) {
        if (values === item.values) values = { ...values };
        values[attribute] = fallback;
      }
    }
  }
  return values;
}

const NO_FIELDS: FieldSpec = {};

function propertiesOf(mapping: TypeMapping, values: PropRecord): PropRecord {
  return applyFieldsAndBuild(mapping.fields ?? NO_FIELDS, mapping.build, values);
}

function propertyLines(item: TerraformResource, mapping: TypeMapping): Record<string, number> | undefined {
  const lines = item.attributeLines;
  if (!lines || !mapping.fields) return undefined;
  const out: Record<string, number> = {};
  for (const [attribute, target] of Object.entries(mapping.fields)) {
    const line = lines[attribute];
    if (line === undefined) continue;
    const path = typeof target === 'string' ? target : target[0];
    out[path] = line;
    const top = path.split('.')[0];
    if (top !== undefined && out[top] === undefined) out[top] = line;
  }
  return out;
}

function buildResource(item: TerraformResource, mapping: TypeMapping, id = item.address): Resource {
  const values = effectiveValues(item, mapping);
  const resource: Resource = { id, scope: item.scope, type: mapping.cfnTypeOf?.(values) ?? mapping.cfnType, properties: propertiesOf(mapping, values), origin: { ...item.origin } };
  const lines = propertyLines(item, mapping);
  if (lines) resource.origin.propertyLines = lines;
  if (item.suppressions) resource.suppressions = item.suppressions;
  const name = mapping.name === undefined ? undefined : values[mapping.name];
  if (typeof name === 'string' && name !== '') resource.name = name;
  const arn = values['arn'];
  if (typeof arn === 'string' && arn.startsWith('arn:')) resource.arn = arn;
  return resource;
}

/**
 * The JSON text of each item appended to a list property, by list: a group with thousands of rules (each its own
 * `aws_security_group_rule`) is checked for repeats by lookup, not by comparing every new rule with every rule so far.
 */
type AppendedItems = WeakMap<PropValue[], Set<string>>;

function applyFragment(parent: Entry, child: TerraformResource, fragment: PropRecord, mode: ParentLink['mode'], appended: AppendedItems): void {
  const properties = parent.resource.properties;
  for (const [key, value] of Object.entries(fragment)) {
    const existing = properties[key];
    if (mode === 'append' && Array.isArray(value)) {
      if (Array.isArray(existing)) {
        let list = existing;
        let present = appended.get(list);
        if (!present) {
          // Copied on the first append (the list may be shared with the values it was mapped from), then extended in place.
          list = existing.slice();
          present = new Set(list.map((item) => JSON.stringify(item)));
          appended.set(list, present);
          properties[key] = list;
        }
        for (const item of value) {
          const text = JSON.stringify(item);
          if (present.has(text)) continue;
          present.add(text);
          list.push(item);
        }
      } else if (isUnknown(existing)) properties[key] = [...value, existing];
      else properties[key] = value;
    } else {
      properties[key] = value;
    }
    // Findings on a merged property point at the block that set it, when it is in the same file.
    if (child.origin.line !== undefined && child.origin.file === parent.resource.origin.file) {
      parent.resource.origin.propertyLines = { ...parent.resource.origin.propertyLines, [key]: child.origin.line };
    }
  }
}

function addCompanions(item: TerraformResource, mapping: TypeMapping, resources: Resource[]): void {
  if (!mapping.companions) return;
  const values = effectiveValues(item, mapping);
  for (const companion of mapping.companions(values, new Reference(item.address))) {
    const id = companion.suffix.startsWith('#') ? `${item.address}${companion.suffix}` : `${item.address}.${companion.suffix}`;
    resources.push({ id, scope: item.scope, type: companion.cfnType, properties: companion.properties, origin: { ...item.origin } });
  }
}

/** Two unknowns that come from the same expression: the same template, or no template and the same provenance. */
function sameUnknown(candidate: PropValue | undefined, value: Unknown): boolean {
  if (!isUnknown(candidate)) return false;
  if (candidate.template !== undefined || value.template !== undefined) return candidate.template === value.template;
  // Without a template only a reason that names where the value comes from tells one expression from another.
  return candidate.reason === value.reason && /^(variable |the value comes from |data\.|module\.)/.test(value.reason);
}

/** Strips instance keys: `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`. */
export function withoutIndexes(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
}

/**
 * Converts each scope (root folder, plan, state) on its own: an address in one never binds to another's, and a scope
 * that fails to convert costs its own files only.
 */
export function convertResources(items: readonly TerraformResource[]): Conversion {
  const byScope = new Map<string, TerraformResource[]>();
  for (const item of items) {
    const list = byScope.get(item.scope);
    if (list) list.push(item);
    else byScope.set(item.scope, [item]);
  }
  const resources: Resource[] = [];
  const problems: SourceProblem[] = [];
  for (const scoped of byScope.values()) {
    let conversion: Conversion;
    try {
      conversion = convertScope(scoped);
    } catch (error) {
      const files = new Set<string>();
      for (const item of scoped) if (item.origin.file !== undefined) files.add(item.origin.file);
      for (const file of files) problems.push({ file, message: `the resources could not be converted: ${describeFailure(error)}`, fatal: true });
      continue;
    }
    for (const resource of conversion.resources) resources.push(resource);
    for (const problem of conversion.problems) problems.push(problem);
  }
  return { resources, problems };
}

function convertScope(items: readonly TerraformResource[]): Conversion {
  const problems: SourceProblem[] = [];
  const resources: Resource[] = [];
  const byAddress = new Map<string, Entry>();
  const split: Array<{ item: TerraformResource; mapping: TypeMapping }> = [];
  const uncovered = new Map<string, { file: string; types: Set<string>; count: number; aws: boolean }>();
  const related: Array<{ item: TerraformResource; mapping: TypeMapping; resource: Resource }> = [];

  for (const item of items) {
    const mapping = mappingFor(item.type);
    if (!mapping) {
      const aws = item.type.startsWith('aws_');
      const key = `${item.origin.file ?? ''}\u0000${String(aws)}`;
      const entry = uncovered.get(key) ?? { file: item.origin.file ?? '', types: new Set<string>(), count: 0, aws };
      entry.types.add(item.type);
      entry.count += 1;
      uncovered.set(key, entry);
      continue;
    }
    if (mapping.parent) {
      split.push({ item, mapping });
      continue;
    }
    const resource = buildResource(item, mapping);
    resources.push(resource);
    byAddress.set(item.address, { item, resource });
    if (mapping.related) related.push({ item, mapping, resource });
    addCompanions(item, mapping, resources);
  }

  // Parents found by a plain value (a bucket name, a role name, a group id), indexed on first use.
  const valueIndex = new Map<string, Map<string, Entry>>();
  const lookup = (type: string, key: string, value: string): Entry | undefined => {
    const indexKey = `${type}\u0000${key}`;
    let index = valueIndex.get(indexKey);
    if (!index) {
      index = new Map();
      for (const entry of byAddress.values()) {
        if (entry.item.type !== type) continue;
        const candidate = entry.item.values[key];
        if (typeof candidate === 'string' && candidate !== '' && !index.has(candidate)) index.set(candidate, entry);
      }
      valueIndex.set(indexKey, index);
    }
    return index.get(value);
  };

  /**
   * A value unknown here (`bucket = var.name` with no value for the variable) binds a parent whose key holds the same
   * unknown: the same template, or the same expression read in the same module (the reason names the variable or
   * resource it comes from). Only when exactly one parent does, after matching instance keys.
   */
  const sameExpression = (link: Omit<ParentLink, 'mode'>, value: Unknown, child: TerraformResource): Entry | undefined => {
    const matches: Entry[] = [];
    for (const entry of byAddress.values()) {
      if (!link.types.includes(entry.item.type) || entry.item.modulePath !== child.modulePath) continue;
      if (link.keys.some((key) => sameUnknown(entry.item.values[key], value))) matches.push(entry);
    }
    const sameIndex = child.index === undefined ? matches : matches.filter((entry) => entry.item.index === child.index);
    return sameIndex.length === 1 ? sameIndex[0] : undefined;
  };

  const findParent = (link: Omit<ParentLink, 'mode'>, value: PropValue, child: TerraformResource): Entry | undefined => {
    if (isReference(value)) {
      const candidates = [value.target];
      if (child.index !== undefined && !value.target.endsWith(']')) candidates.push(`${value.target}${typeof child.index === 'number' ? `[${child.index}]` : `[${JSON.stringify(child.index)}]`}`);
      for (const candidate of candidates) {
        const entry = byAddress.get(candidate);
        if (entry && link.types.includes(entry.item.type)) return entry;
      }
      return undefined;
    }
    if (isUnknown(value)) return sameExpression(link, value, child);
    if (typeof value !== 'string' || value === '') return undefined;
    for (const type of link.types) {
      for (const key of link.keys) {
        const entry = lookup(type, key, value);
        if (entry) return entry;
      }
    }
    // An ARN or id that ends with the name (`arn:aws:iam::1:role/x`, `x`): match on the last path segment.
    const tail = value.split(/[/:]/).pop();
    if (tail && tail !== value) {
      for (const type of link.types) {
        for (const key of link.keys) {
          const entry = lookup(type, key, tail);
          if (entry) return entry;
        }
      }
    }
    return undefined;
  };

  for (const { item, mapping, resource } of related) {
    const link = mapping.related;
    if (!link) continue;
    const values = effectiveValues(item, mapping);
    const raw = values[link.link.attribute];
    const target = raw === undefined || raw === null ? undefined : findParent(link.link, raw, item);
    Object.assign(resource.properties, clean(link.build(values, target ? effectiveValues(target.item, mappingFor(target.item.type) ?? mapping) : undefined)));
  }

  const appended: AppendedItems = new WeakMap();
  for (const { item, mapping } of split) {
    const values = effectiveValues(item, mapping);
    const fragment = propertiesOf(mapping, values);
    const links = Array.isArray(mapping.parent) ? mapping.parent : mapping.parent ? [mapping.parent] : [];
    let merged = 0;
    let wanted = 0;
    let unreadable = false;
    const missing: string[] = [];
    for (const link of links) {
      const raw = values[link.attribute];
      if (raw === undefined || raw === null) continue;
      const targets = Array.isArray(raw) ? raw : [raw];
      for (const target of targets) {
        wanted += 1;
        const parent = findParent(link, target, item);
        if (parent) {
          applyFragment(parent, item, fragment, link.mode, appended);
          // A suppression written on the block that configures the parent (aws_s3_bucket_logging) is about the parent.
          if (item.suppressions) parent.resource.suppressions = [...(parent.resource.suppressions ?? []), ...item.suppressions];
          merged += 1;
        } else {
          if (typeof target !== 'string' || target === '') unreadable = true;
          missing.push(isReference(target) ? target.target : typeof target === 'string' ? target : isUnknown(target) ? `(${target.reason})` : 'an unresolved value');
        }
      }
    }
    if (wanted === 0) unreadable = true;
    if (merged === wanted && wanted > 0) continue;
    const standalone = typeof mapping.standalone === 'function' ? mapping.standalone(values) : mapping.standalone;
    if (standalone) {
      const resource = buildResource(item, standalone);
      resources.push(resource);
      byAddress.set(item.address, { item, resource });
      addCompanions(item, standalone, resources);
      // Judged on its own, but a parent named by nothing readable may still be in the scan, without these settings.
      if (!unreadable) continue;
    }
    const parentTypes = links.flatMap((link) => link.types).join(' or ');
    problems.push({
      file: item.origin.file ?? '',
      line: item.origin.line,
      message: `${item.address} configures ${parentTypes} ${missing.join(', ') || '(not named)'}, which is not in this scan: ${standalone ? 'it is judged on its own, and its' : 'its'} settings are not applied to any resource`,
      fatal: false,
    });
  }

  for (const entry of uncovered.values()) {
    const types = [...entry.types].sort();
    const shown = types.slice(0, 8).join(', ') + (types.length > 8 ? ` and ${types.length - 8} more` : '');
    problems.push({
      file: entry.file,
      message: entry.aws
        ? `${entry.count} resource(s) of AWS types demarc does not map yet were not checked: ${shown}`
        : `${entry.count} resource(s) of providers other than AWS were skipped: ${shown}`,
      fatal: false,
    });
  }
  return { resources, problems };
}

