/** Terraform state files (`terraform.tfstate`, format version 4): what is deployed, attribute by attribute. */

import type { SourceProblem } from '../../resource.js';
import { isRecord, Redacted, type PropValue } from '../../values.js';
import { instanceAddress, type TerraformResource } from './model.js';
import { cutProblems, overlay, type CutParts, type ReadResult } from './plan.js';

type Json = Record<string, unknown>;
const isJsonObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Replaces the value at a sensitive path (`[{type: 'get_attr', value: 'password'}]`) with a redaction. The path is
 * followed by position (a copy of the rest at each step is quadratic on long paths); the walk goes no deeper than the
 * value does, which `overlay` keeps within the depth limit.
 */
function redactPath(values: PropValue, path: readonly unknown[], at = 0): PropValue {
  if (at >= path.length) return values === null || values === '' ? values : new Redacted(true);
  const step = path[at];
  if (!isJsonObject(step)) return values;
  const key = isJsonObject(step['value']) ? step['value']['value'] : step['value'];
  if (Array.isArray(values) && (typeof key === 'number' || typeof key === 'string')) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= values.length) return values;
    const copy = values.slice();
    copy[index] = redactPath(copy[index] ?? null, path, at + 1);
    return copy;
  }
  if (isRecord(values) && typeof key === 'string' && key in values) return { ...values, [key]: redactPath(values[key] ?? null, path, at + 1) };
  return values;
}

export function readStateDocument(file: string, document: Json): ReadResult {
  const problems: SourceProblem[] = [];
  const version = document['version'];
  if (version !== 4) {
    return { items: [], problems: [{ file, message: `unsupported Terraform state version ${JSON.stringify(version ?? null)}: demarc reads version 4 (Terraform 0.12 and later)`, fatal: true }], kind: 'terraform-state' };
  }
  const items: TerraformResource[] = [];
  const said: CutParts = { deep: false, long: false };
  const resources = document['resources'];
  if (!Array.isArray(resources)) return { items, problems, kind: 'terraform-state' };
  for (const resource of resources) {
    if (!isJsonObject(resource) || resource['mode'] !== 'managed') continue;
    const type = resource['type'];
    const name = resource['name'];
    if (typeof type !== 'string' || typeof name !== 'string') continue;
    const modulePath = typeof resource['module'] === 'string' ? resource['module'] : '';
    const base = `${modulePath ? `${modulePath}.` : ''}${type}.${name}`;
    const instances = Array.isArray(resource['instances']) ? resource['instances'] : [];
    for (const instance of instances) {
      if (!isJsonObject(instance)) continue;
      const key = instance['index_key'];
      const index = typeof key === 'string' || typeof key === 'number' ? key : undefined;
      const cut: CutParts = { deep: false, long: false };
      let values = overlay(instance['attributes'] ?? {}, undefined, undefined, 0, cut);
      for (const problem of cutProblems(file, instanceAddress(base, index), cut, said)) problems.push(problem);
      const sensitive = instance['sensitive_attributes'];
      if (Array.isArray(sensitive)) {
        for (const path of sensitive) if (Array.isArray(path)) values = redactPath(values, path);
      }
      if (!isRecord(values)) continue;
      const item: TerraformResource = { address: instanceAddress(base, index), type, modulePath, values, scope: file, origin: { kind: 'terraform-state', file } };
      if (index !== undefined) item.index = index;
      items.push(item);
    }
  }
  return { items, problems, kind: 'terraform-state' };
}
