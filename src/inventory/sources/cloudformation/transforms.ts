import { FOR_EACH_PREFIX } from './intrinsics.js';
import type { TemplateValue } from './parse-yaml.js';

/**
 * What transforms and Rain modules add to a template. The SAM transform is expanded (sam/expand.ts) into the resources
 * its specification names; a name SAM makes with a hash (`MyFunctionVersion640128d35d`), a macro's, a loop's or a Rain
 * module's are not in the inventory. What is known is which names they may make, so that a reference to one is
 * `Unknown` (missing evidence) rather than reported as a reference to nothing.
 */

type TemplateRecord = { [key: string]: TemplateValue };

function isTemplateRecord(value: TemplateValue | undefined): value is TemplateRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const SERVERLESS_TRANSFORM = 'AWS::Serverless-2016-10-31';
export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';

/** The transforms a template's `Transform` section names: one name, a list, or `{Name, Parameters}` entries. */
export function transformNames(section: TemplateValue | undefined): string[] {
  const entries = Array.isArray(section) ? section : section === undefined || section === null ? [] : [section];
  const names: string[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') names.push(entry);
    else if (isTemplateRecord(entry) && typeof entry['Name'] === 'string') names.push(entry['Name']);
  }
  return names;
}

/** The module a Rain `Type: !Rain::Module path` names, if the resource is one. */
export function rainModuleOf(type: TemplateValue | undefined): string | undefined {
  if (!isTemplateRecord(type) || !Object.hasOwn(type, 'Rain::Module')) return undefined;
  const path = type['Rain::Module'];
  return typeof path === 'string' ? path : 'a module';
}

/** The literal start of the names a `Fn::ForEach` loop makes (`S3Bucket${Id}` makes names starting `S3Bucket`). */
function loopPrefixes(loop: TemplateValue | undefined, into: string[], depth = 0): void {
  if (!Array.isArray(loop) || depth > 8) return;
  const body = loop[2];
  if (!isTemplateRecord(body)) return;
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith(FOR_EACH_PREFIX)) loopPrefixes(value, into, depth + 1);
    else into.push(key.split(/[$&]\{/)[0] ?? '');
  }
}

/**
 * Why a name missing from the template may be made at deploy time, or undefined when nothing in the template makes
 * names: SAM's implicit resources (`MyFunctionRole`, `ServerlessRestApi`, `MyFunction.Alias`) start with the id of
 * the `AWS::Serverless::` resource that makes them; a Rain module's resources start with the module's id; a loop's,
 * with the text before its identifier. A macro (or `AWS::Include`) may make any name.
 */
export function madeElsewhereOf(transforms: readonly string[], resources: TemplateRecord): ((name: string) => string | undefined) | undefined {
  const makers: Array<{ prefix: string; reason: string }> = [];
  const serverless = transforms.includes(SERVERLESS_TRANSFORM);
  for (const [id, definition] of Object.entries(resources)) {
    if (id.startsWith(FOR_EACH_PREFIX)) {
      const prefixes: string[] = [];
      loopPrefixes(definition, prefixes);
      for (const prefix of prefixes) makers.push({ prefix, reason: `${id} may make it (${LANGUAGE_EXTENSIONS}, not expanded)` });
      continue;
    }
    if (!isTemplateRecord(definition)) continue;
    if (rainModuleOf(definition['Type']) !== undefined) makers.push({ prefix: id, reason: `Rain module ${id} may make it (not expanded)` });
    else if (serverless && typeof definition['Type'] === 'string' && definition['Type'].startsWith('AWS::Serverless::')) {
      makers.push({ prefix: id, reason: `the ${SERVERLESS_TRANSFORM} transform may make it from ${id}` });
    }
  }
  if (serverless) {
    for (const prefix of ['ServerlessRestApi', 'ServerlessHttpApi']) makers.push({ prefix, reason: `the ${SERVERLESS_TRANSFORM} transform may make it` });
  }
  const macro = transforms.find((name) => name !== SERVERLESS_TRANSFORM && name !== LANGUAGE_EXTENSIONS);
  if (macro !== undefined) makers.push({ prefix: '', reason: `the ${macro} transform may make it` });
  if (makers.length === 0) return undefined;
  return (name) => makers.find((maker) => name.startsWith(maker.prefix) && name !== maker.prefix)?.reason;
}
