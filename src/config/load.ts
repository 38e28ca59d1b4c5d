import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { allChecks } from '../checks/index.js';
import type { Check } from '../checks/types.js';
import { duties, getDuty, getService, services } from '../model/catalogue.js';
import { allFrameworks as knownFrameworks } from '../model/frameworks/index.js';
import type { Framework } from '../model/types.js';
import { hasExpired } from './dates.js';
import { isGlob, matchesCheckPattern } from '../glob.js';
import { MAX_CONFIG_BYTES, readInputFile } from './read-input.js';
import { configSchema, type RawConfig } from './schema.js';
import { didYouMean } from './suggest.js';
import { checkYamlSize } from './yaml-size.js';
import { emptyConfig, type ConfigIssue, type DemarcConfig, type ResourceSelector, type Selection } from './types.js';

export const CONFIG_FILE_NAMES = ['demarc.config.yaml', 'demarc.config.yml'] as const;

// ajv-formats is CommonJS: under NodeNext its default import is the module object; `default` is the plugin.
const addFormats = addFormatsModule.default;
const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false });
addFormats(ajv, ['date']);
const validateRaw = ajv.compile<RawConfig>(configSchema);

export interface ConfigLoadOptions {
  /** The scan's clock, for expiry. */
  now: Date;
  /** The check catalogue that ids and globs are checked against. */
  checks?: readonly Check[];
  frameworks?: readonly Framework[];
  /** The folder that relative evidence paths start from (the configuration file's folder). */
  baseDir?: string;
}

export interface ConfigLoad {
  /** Absent when there are errors. */
  config?: DemarcConfig;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

type PathSegment = string | number;

/** `['suppressions', 0, 'reason']` → `suppressions[0].reason`. */
export function keyOf(path: readonly PathSegment[]): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

/** Line numbers of the YAML nodes, found by walking a path of keys and indexes. */
class LineFinder {
  constructor(
    private readonly doc: Document,
    private readonly counter: LineCounter,
  ) {}

  private lineAt(offset: number | undefined): number | undefined {
    return offset === undefined ? undefined : this.counter.linePos(offset).line;
  }

  /** The line of the deepest node that exists along `path`: a missing key points at its parent. */
  lineOf(path: readonly PathSegment[]): number | undefined {
    let node: unknown = this.doc.contents;
    let line = isMap(node) || isSeq(node) || isScalar(node) ? this.lineAt(node.range?.[0]) : undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return line;
        if (isScalar(pair.key)) line = this.lineAt(pair.key.range?.[0]) ?? line;
        node = pair.value;
      } else if (isSeq(node)) {
        const item: unknown = node.items[Number(segment)];
        if (!(isMap(item) || isSeq(item) || isScalar(item))) return line;
        line = this.lineAt(item.range?.[0]) ?? line;
        node = item;
      } else {
        return line;
      }
    }
    return line;
  }
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

function schemaText(schema: unknown, key: string): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(schema, key)?.value;
  return typeof value === 'string' ? value : undefined;
}

function schemaKeys(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null || !('properties' in schema)) return [];
  const properties: unknown = schema.properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

const TYPE_NAMES: Record<string, string> = { string: 'a text', array: 'a list', object: 'a map', number: 'a number', integer: 'a whole number', boolean: 'true or false' };

/** One schema error as the person editing the file needs it: the key, and what is wrong in plain words. */
function explainSchemaError(error: ErrorObject): { path: PathSegment[]; message: string } {
  const path = pointerToPath(error.instancePath);
  const description = schemaText(error.parentSchema, 'description');
  const value = describeValue(error.data);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const allowed = schemaKeys(error.parentSchema);
      return { path: [...path, key], message: `unknown key${didYouMean(key, allowed)}; expected one of ${allowed.join(', ')}` };
    }
    case 'required':
      return { path: [...path, String(error.params['missingProperty'])], message: 'is required but missing' };
    case 'type': {
      const expected = String(error.params['type']);
      return { path, message: `must be ${TYPE_NAMES[expected] ?? expected}${description ? ` (${description})` : ''}, not ${value}` };
    }
    case 'minLength': {
      const limit = Number(error.params['limit']);
      if (limit <= 1) return { path, message: 'must not be empty' };
      const length = typeof error.data === 'string' ? error.data.length : 0;
      return { path, message: `is too short (${length} characters): give at least ${limit} characters${description ? `, ${description}` : ''}` };
    }
    case 'format':
      return { path, message: `${value} is not a valid date: write YYYY-MM-DD (a real calendar day)` };
    case 'pattern':
      return { path, message: `${value} is not ${description ?? `of the form ${String(error.params['pattern'])}`}` };
    case 'enum': {
      const allowed = error.params['allowedValues'];
      return { path, message: `${value} is not one of ${Array.isArray(allowed) ? allowed.join(', ') : ''}` };
    }
    case 'const':
      return { path, message: `must be ${String(error.params['allowedValue'])}${description ? ` (${description})` : ''}` };
    case 'minItems':
      return { path, message: 'must list at least one entry' };
    case 'minProperties':
      return { path, message: `must hold at least one entry${description ? ` (${description})` : ''}` };
    case 'anyOf':
      return { path, message: `must be ${description ?? 'one of the allowed shapes'}, not ${value}` };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}

function schemaIssues(errors: readonly ErrorObject[], file: string, lines: LineFinder): ConfigIssue[] {
  // An alternative (anyOf) that fails explains itself once; its branches' own complaints are noise.
  const alternatives = errors.filter((error) => error.keyword === 'anyOf');
  const kept = errors.filter(
    (error) => !alternatives.some((alt) => alt !== error && error.schemaPath.startsWith(`${alt.schemaPath}/`) && error.instancePath.startsWith(alt.instancePath)),
  );
  const seen = new Set<string>();
  const issues: ConfigIssue[] = [];
  for (const error of kept) {
    const { path, message } = explainSchemaError(error);
    const key = keyOf(path);
    if (seen.has(`${key}\n${message}`)) continue;
    seen.add(`${key}\n${message}`);
    const issue: ConfigIssue = { file, key: key || '(top level)', message };
    const line = lines.lineOf(path);
    if (line !== undefined) issue.line = line;
    issues.push(issue);
  }
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function looksLikeUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Reads the text of a configuration file: YAML syntax, then the schema, then what only demarc knows (ids, dates). */
export function parseConfig(text: string, file: string, options: ConfigLoadOptions): ConfigLoad {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  for (const problem of doc.errors) {
    const line = problem.linePos?.[0]?.line ?? counter.linePos(problem.pos[0]).line;
    // The parser reports its own stack overflow on a deeply nested document as an error.
    const reason = problem.message.includes('Maximum call stack') ? 'the document nests too deeply to parse' : problem.message.split('\n')[0] ?? problem.code;
    const issue: ConfigIssue = { file, message: `not valid YAML: ${reason}` };
    if (line !== undefined) issue.line = line;
    errors.push(issue);
  }
  if (errors.length > 0) return { errors, warnings };
  const lines = new LineFinder(doc, counter);
  const tooLarge = checkYamlSize(doc);
  if (tooLarge) {
    const issue: ConfigIssue = { file, key: keyOf(tooLarge.path) || '(top level)', message: tooLarge.message };
    const line = tooLarge.node?.range ? counter.linePos(tooLarge.node.range[0]).line : lines.lineOf(tooLarge.path);
    if (line !== undefined) issue.line = line;
    return { errors: [issue], warnings };
  }
  // The size is bounded above, so the library's own alias heuristic (which throws without saying where) is off.
  const data: unknown = doc.toJS({ maxAliasCount: -1 }) ?? {};
  if (!validateRaw(data)) {
    return { errors: schemaIssues(validateRaw.errors ?? [], file, lines), warnings };
  }
  const at = (path: readonly PathSegment[]): { key: string; line?: number } => {
    const place: { key: string; line?: number } = { key: keyOf(path) };
    const line = lines.lineOf(path);
    if (line !== undefined) place.line = line;
    return place;
  };
  const error = (path: readonly PathSegment[], message: string): void => {
    errors.push({ file, ...at(path), message });
  };
  const warn = (path: readonly PathSegment[], message: string): void => {
    warnings.push({ file, ...at(path), message });
  };

  const checks = options.checks ?? allChecks;
  const checkIds = checks.map((check) => check.id);
  const frameworkIds = (options.frameworks ?? knownFrameworks).map((framework) => framework.id);
  const config = emptyConfig(file);

  for (const [index, raw] of (data.suppressions ?? []).entries()) {
    const base: PathSegment[] = ['suppressions', index];
    const resources: ResourceSelector[] = (raw.resources ?? []).map((entry, position) => {
      const place = at([...base, 'resources', position]);
      return typeof entry === 'string' ? { kind: 'exact', pattern: entry, ...place } : { kind: 'glob', pattern: entry.glob, ...place };
    });
    if (resources.length === 0 && raw.tags === undefined && isGlob(raw.check)) {
      error(base, `suppresses every resource of every check matching "${raw.check}": name resources or tags, or disable the checks under \`checks: {disable: [...]}\``);
    }
    if (!checkIds.some((id) => matchesCheckPattern(raw.check, id))) {
      warn([...base, 'check'], `"${raw.check}" matches no check demarc knows${isGlob(raw.check) ? '' : didYouMean(raw.check, checkIds)}`);
    }
    for (const selector of resources) {
      if (selector.kind === 'exact' && isGlob(selector.pattern)) {
        warnings.push({ file, key: selector.key, ...(selector.line !== undefined ? { line: selector.line } : {}), message: `"${selector.pattern}" is compared literally; write {glob: "${selector.pattern}"} to match by pattern` });
      }
    }
    if (hasExpired(raw.expires, options.now)) {
      warn([...base, 'expires'], `expired on ${raw.expires}: it no longer applies and its findings count again`);
    }
    const rule: DemarcConfig['suppressions'][number] = {
      index,
      ...at(base),
      check: raw.check,
      checkPlace: at([...base, 'check']),
      resources,
      reason: raw.reason.trim(),
    };
    if (raw.tags) {
      rule.tags = raw.tags;
      rule.tagsPlace = at([...base, 'tags']);
    }
    if (raw.expires !== undefined) rule.expires = raw.expires;
    config.suppressions.push(rule);
  }

  // Suggestions leave out AWS's duties: those are never the customer's to attest.
  const dutyIds = duties.filter((duty) => duty.owner !== 'provider').map((duty) => duty.id);
  for (const [index, raw] of (data.attestations ?? []).entries()) {
    const base: PathSegment[] = ['attestations', index];
    const duty = getDuty(raw.duty);
    if (!duty) error([...base, 'duty'], `"${raw.duty}" is not a duty${didYouMean(raw.duty, dutyIds)}; \`demarc explain <id>\` describes one`);
    else if (duty.owner === 'provider') error([...base, 'duty'], `"${raw.duty}" is AWS's duty (owner: provider): there is nothing for the customer to attest`);
    else if (duty.layers.length === 0) warn([...base, 'duty'], `"${raw.duty}" sits on no layer of the matrix: the attestation is kept but marks no cell`);
    if (raw.expires < raw.date) error([...base, 'expires'], `${raw.expires} is before the attestation's date ${raw.date}`);
    else if (hasExpired(raw.expires, options.now)) warn([...base, 'expires'], `expired on ${raw.expires}: the duty shows as not-assessed until it is attested again`);
    if (looksLikeUrl(raw.evidence)) {
      if (!isWebUrl(raw.evidence)) error([...base, 'evidence'], `"${raw.evidence}" is not an http(s) URL`);
    } else if (options.baseDir !== undefined) {
      const path = isAbsolute(raw.evidence) ? raw.evidence : resolve(options.baseDir, raw.evidence);
      if (!existsSync(path)) warn([...base, 'evidence'], `no file ${raw.evidence} (relative to the configuration file)`);
    }
    config.attestations.push({ index, ...at(base), duty: raw.duty, by: raw.by, date: raw.date, evidence: raw.evidence, expires: raw.expires });
  }

  const readSelection = (name: 'checks' | 'services' | 'frameworks', known: readonly string[], globs: boolean): Selection => {
    const raw = data[name];
    const selection: Selection = { enable: raw?.enable ?? [], disable: raw?.disable ?? [] };
    if (raw) selection.place = at([name]);
    for (const list of ['enable', 'disable'] as const) {
      for (const [position, id] of selection[list].entries()) {
        const path = [name, list, position];
        if (globs) {
          if (!known.some((candidate) => matchesCheckPattern(id, candidate))) warn(path, `"${id}" matches no check demarc knows${isGlob(id) ? '' : didYouMean(id, known)}`);
        } else if (!known.includes(id)) {
          error(path, `"${id}" is not a known ${name === 'services' ? 'service' : 'framework'}${didYouMean(id, known)}`);
        }
      }
    }
    return selection;
  };
  config.checks = readSelection('checks', checkIds, true);
  config.services = readSelection('services', services.map((service) => service.id), false);
  config.frameworks = readSelection('frameworks', frameworkIds, false);
  for (const [position, id] of config.services.enable.entries()) {
    if (!getService(id)) continue;
    if (config.services.disable.includes(id)) warn(['services', 'enable', position], `"${id}" is both enabled and disabled: disable wins`);
  }

  for (const [index, raw] of (data.severity ?? []).entries()) {
    const base: PathSegment[] = ['severity', index];
    if (!checkIds.some((id) => matchesCheckPattern(raw.check, id))) {
      warn([...base, 'check'], `"${raw.check}" matches no check demarc knows${isGlob(raw.check) ? '' : didYouMean(raw.check, checkIds)}`);
    }
    config.severity.push({ ...at(base), check: raw.check, severity: raw.severity, reason: raw.reason.trim() });
  }

  const scope = data.scope;
  config.scope = {
    regions: scope?.regions ?? [],
    accounts: scope?.accounts ?? [],
    tags: { include: scope?.tags?.include ?? {}, exclude: scope?.tags?.exclude ?? {} },
  };

  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return errors.length > 0 ? { errors, warnings } : { config, errors, warnings };
}

/** Reads and checks a configuration file; a file that cannot be read is an error naming it. */
export async function readConfigFile(path: string, options: ConfigLoadOptions): Promise<ConfigLoad> {
  let text: string;
  try {
    text = await readInputFile(path, MAX_CONFIG_BYTES);
  } catch (error) {
    return { errors: [{ file: path, message: `cannot read the configuration: ${error instanceof Error ? error.message : String(error)}` }], warnings: [] };
  }
  return parseConfig(text, path, { baseDir: dirname(path), ...options });
}

/** The configuration file in `folder`, if there is one. */
export function findConfigFile(folder: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(folder, name)).find((path) => existsSync(path));
}
