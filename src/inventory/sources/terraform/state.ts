/** Terraform state files (`terraform.tfstate`, format version 4): what is deployed, attribute by attribute. */

import type { SourceProblem } from '../../resource.js';
import { isRecord, Redacted, type PropValue } from '../../values.js';
import { instanceAddress, type TerraformResource } from './model.js';
import { overlay, type ReadResult } from './plan.js';

type Json = Record<string, unknown>;
const isJsonObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Replaces the value at a sensitive path (`[{type: 'get_attr', value: 'password'}]`) with a redaction. */
function redactPath(values: PropValue, path: unknown[]): PropValue {
  if (path.length === 0) return values === null || values === '' ? values : new Redacted(true);
  const [step, ...rest] = path;
  if (!isJsonObject(step)) return values;
  const key = isJsonObject(step['value']) ? step['value']['value'] : step['value'];
  if (Array.isArray(values) && (typeof key === 'number' || typeof key === 'string')) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= values.length) return values;
    const copy = [...values];
    copy[index] = redactPath(copy[index] ?? null, rest);
    return copy;
  }
  if (isRecord(values) && typeof key === 'string' && key in values) return { ...values, [key]: redactPath(values[key] ?? null, rest) };
  return values;
}

export function readStateDocument(file: string, document: Json): ReadResult {
  const problems: SourceProblem[] = [];
  const version = document['version'];
  if (version !== 4) {
    return { items: [], problems: [{ file, message: `unsupported Terraform state version ${JSON.stringify(version ?? null)}: demarc reads version 4 (Terraform 0.12 and later)`, fatal: true }], kind: 'terraform-state' };
  }
  const items: TerraformResource[] = [];
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
      let values = overlay(instance['attributes'] ?? {}, undefined, undefined);
      const sensitive = instance['sensitive_attributes'];
      if (Array.isArray(sensitive)) {
        for (const path of sensitive) if (Array.isArray(path)) values = redactPath(values, path);
      }
      if (!isRecord(values)) continue;
      const key = instance['index_key'];
      const index = typeof key === 'string' || typeof key === 'number' ? key : undefined;
      const item: TerraformResource = { address: instanceAddress(base, index), type, modulePath, values, scope: file, origin: { kind: 'terraform-state', file } };
      if (index !== undefined) item.index = index;
      items.push(item);
    }
  }
  return { items, problems, kind: 'terraform-state' };
}
