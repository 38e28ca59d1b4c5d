import { intrinsicOf } from '../intrinsics.js';
import type { TemplateValue } from '../parse-yaml.js';
import { isTemplateRecord, type TemplateRecord } from './template-values.js';

/**
 * Rewrites SAM's referenceable properties (`!Ref MyFunction.Alias`, `!Ref MyApi.Stage`, `${MyFunction.Version}` in a
 * `!Sub`) into the ids of the resources they name, in place, as SAM does before CloudFormation sees the template.
 * Each object is visited once, so that values shared through YAML aliases cost their written size.
 */
export function rewriteReferences(resources: TemplateRecord, names: ReadonlyMap<string, string>): void {
  if (names.size === 0) return;
  const seen = new Set<object>();
  const pending: TemplateValue[] = Object.values(resources);
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    rewriteOne(value, names);
    pending.push(...Object.values(value));
  }
}

function rewriteOne(value: TemplateRecord, names: ReadonlyMap<string, string>): void {
  const intrinsic = intrinsicOf(value);
  if (intrinsic?.name === 'Ref' && typeof intrinsic.argument === 'string') {
    const target = names.get(intrinsic.argument);
    if (target !== undefined) value['Ref'] = target;
  } else if (intrinsic?.name === 'Fn::Sub') {
    const rewrite = (text: string): string => text.replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) => {
      const target = names.get(name.trim());
      return target === undefined ? whole : `\${${target}}`;
    });
    const argument = intrinsic.argument;
    if (typeof argument === 'string') value['Fn::Sub'] = rewrite(argument);
    else if (Array.isArray(argument) && typeof argument[0] === 'string') argument[0] = rewrite(argument[0]);
  } else if (isTemplateRecord(value) && intrinsic?.name === 'Fn::GetAtt' && Array.isArray(intrinsic.argument)) {
    const [target] = intrinsic.argument;
    const renamed = typeof target === 'string' ? names.get(target) : undefined;
    if (renamed !== undefined) intrinsic.argument[0] = renamed;
  }
}
