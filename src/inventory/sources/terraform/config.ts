/**
 * Terraform configuration (.tf files) read without Terraform: each directory is a module; variables take their
 * values from .tfvars files, module inputs or defaults; locals, literals, known parts of templates and references
 * between resources are resolved statically; local modules are followed; everything else is an explicit unknown.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, normalize } from 'node:path';
import { terraformCommentSuppressions } from '../../../config/inline.js';
import type { CollectionGap, SourceProblem } from '../../resource.js';
import { isRecord, isUnknown, Redacted, Reference, Unknown, type PropRecord, type PropValue } from '../../values.js';
import type { LoadedFile } from '../file-source.js';
import { applySteps, Evaluator, isFullyKnown, type EvaluationScope, type TraversalStep } from './hcl/evaluate.js';
import { HclNestingError, HclSyntaxError, isObject, parseHcl } from './hcl/parse-hcl.js';
import { keyPath, parseJsonConfig, parseJsonVariables, type JsonKeyLines } from './hcl/parse-json-config.js';
import { describeFailure, EvaluationBudget, formatCount, LIMITS, ValueMeter, type LimitKind, type TerraformLimits } from './limits.js';
import { instanceAddress, type TerraformResource } from './model.js';
import { readManifest, sameSource, type Manifest } from './module-manifest.js';

/** Largest .tf file read: configuration is hand-written; anything bigger is generated and better scanned as a plan. */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);

interface ParsedFile {
  path: string;
  text: string;
  body: Record<string, unknown>;
  /** For `.tf.json` files: the line of each key, which stands in for the HCL line patterns. */
  keys?: JsonKeyLines;
  /** The text split into lines, made on first use and kept: every module instance reads the same file. */
  lines?: string[];
  /** The line of each block header (`resource "t" "n"`), found in one pass over the text on first use. */
  headers?: Map<string, number>;
  /** The lines of the attributes of the block starting at each line, worked out once for all module instances. */
  blockAttributes?: Map<number, Record<string, number>>;
}

const HEADER = /(^|\n)[ \t]*(resource|data|variable|module|output)[ \t]+"((?:[^"\\\n]|\\.)*)"(?:[ \t]+"((?:[^"\\\n]|\\.)*)")?/g;

/**
 * The line of a block header in an HCL file. One pass over the text finds them all: a search per declaration (and per
 * module instance) costs the size of the file each time, which on a large generated file is quadratic.
 */
function headerLine(file: ParsedFile, path: readonly string[]): number | undefined {
  if (!file.headers) {
    const headers = new Map<string, number>();
    const text = file.text;
    let line = 1;
    let counted = 0;
    HEADER.lastIndex = 0;
    for (let match = HEADER.exec(text); match !== null; match = HEADER.exec(text)) {
      const start = match.index + (match[1]?.length ?? 0);
      for (let index = text.indexOf('\n', counted); index !== -1 && index < start; index = text.indexOf('\n', index + 1)) {
        line += 1;
        counted = index + 1;
      }
      const key = keyPath(...[match[2] ?? '', match[3] ?? '', ...(match[4] === undefined ? [] : [match[4]])]);
      if (!headers.has(key)) headers.set(key, line);
      // A header match consumed a line break of its own at the start; the next search starts after the header.
      if (HEADER.lastIndex === match.index) HEADER.lastIndex += 1;
    }
    file.headers = headers;
  }
  return file.headers.get(keyPath(...path));
}

function linesOf(file: ParsedFile): string[] {
  file.lines ??= file.text.split('\n');
  return file.lines;
}

/** A configuration file: HCL (`.tf`) or JSON syntax (`.tf.json`). */
export const isConfigFile = (path: string): boolean => path.endsWith('.tf') || path.endsWith('.tf.json');
/** A file of input values: HCL (`.tfvars`) or JSON syntax (`.tfvars.json`). */
export const isVariablesFile = (path: string): boolean => path.endsWith('.tfvars') || path.endsWith('.tfvars.json');

/** The line of a declaration: from the JSON key lines for `.tf.json`, else from the HCL pattern. */
function declarationLine(file: ParsedFile, path: readonly string[]): number | undefined {
  return file.keys ? file.keys.lines.get(keyPath(...path)) : headerLine(file, path);
}

/** The line of a local value's assignment (`name =`), looked for only when a problem names it. */
function localLine(file: ParsedFile, name: string): number | undefined {
  return file.keys ? file.keys.lines.get(keyPath('locals', name)) : lineOf(file.text, new RegExp(`(^|\\n)\\s*${escapeRegExp(name)}\\s*=`));
}

interface Declaration {
  body: Record<string, unknown>;
  file: ParsedFile;
  line: number | undefined;
}

interface ResourceDeclaration extends Declaration {
  type: string;
  name: string;
}

export interface ConfigResult {
  items: TerraformResource[];
  problems: SourceProblem[];
  /** Module calls whose modules were not downloaded: their resources are evidence the scan does not have. */
  gaps: CollectionGap[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lineOf(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  // The match may start with the blank lines before the keyword: count up to its first visible character.
  const start = match.index + Math.max(0, match[0].search(/\S/));
  let line = 1;
  for (let index = 0; index < start; index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}

/** Lines of the top-level attributes and blocks in the block that starts at `startLine`. */
function attributeLines(file: ParsedFile, startLine: number): Record<string, number> {
  file.blockAttributes ??= new Map();
  const known = file.blockAttributes.get(startLine);
  if (known) return known;
  const lines = linesOf(file);
  const out: Record<string, number> = {};
  file.blockAttributes.set(startLine, out);
  let depth = 0;
  for (let index = startLine - 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (depth === 1) {
      const match = /^\s*(?:dynamic\s+"([A-Za-z_][\w-]*)"|([A-Za-z_][\w-]*))\s*(=|\{)/.exec(line);
      const name = match?.[1] ?? match?.[2];
      if (name !== undefined && out[name] === undefined) out[name] = index + 1;
    }
    let inString = false;
    for (let position = 0; position < line.length; position += 1) {
      const char = line[position];
      if (char === '\\') position += 1;
      else if (char === '"') inString = !inString;
      else if (!inString && char === '#') break;
      else if (!inString && char === '{') depth += 1;
      else if (!inString && char === '}') depth -= 1;
    }
    if (depth <= 0 && index > startLine - 1) break;
    if (depth <= 0 && index === startLine - 1 && line.includes('}')) break;
  }
  return out;
}

const asList = (value: PropValue | undefined): PropValue[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** One value or a list, as IAM renders one-element sets. */
const oneOrMany = (items: PropValue[]): PropValue => (items.length === 1 ? (items[0] ?? null) : items);

/** `data "aws_iam_policy_document"` rendered as the provider does: a JSON policy document. */
export function renderPolicyDocument(body: PropRecord, limits: TerraformLimits = LIMITS, meter: ValueMeter = new ValueMeter(limits)): PropValue {
  const statements: PropValue[] = [];
  const fromDocuments = (value: PropValue | undefined): PropValue[] | Unknown => {
    const out: PropValue[] = [];
    for (const document of asList(value)) {
      if (typeof document !== 'string') return isUnknown(document) ? document : new Unknown('a source policy document is not known statically');
      try {
        const parsed: unknown = JSON.parse(document);
        if (isObject(parsed)) for (const statement of asList(toProp(parsed['Statement'], limits.valueDepth))) out.push(statement);
      } catch {
        return new Unknown('a source policy document is not valid JSON');
      }
    }
    return out;
  };
  const sources = fromDocuments(body['source_policy_documents'] ?? body['source_json']);
  if (isUnknown(sources)) return sources;
  for (const statement of sources) statements.push(statement);
  for (const statement of asList(body['statement'])) {
    if (!isRecord(statement)) {
      statements.push(statement);
      continue;
    }
    const out: PropRecord = {};
    if (typeof statement['sid'] === 'string' && statement['sid'] !== '') out['Sid'] = statement['sid'];
    out['Effect'] = statement['effect'] ?? 'Allow';
    for (const [from, to] of [['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource']] as const) {
      const value = statement[from];
      if (isUnknown(value)) out[to] = value;
      else if (asList(value).length > 0) out[to] = oneOrMany(asList(value));
    }
    for (const [from, to] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
      const blocks = statement[from];
      if (isUnknown(blocks)) {
        out[to] = blocks;
        continue;
      }
      const principal: PropRecord = {};
      let everyone = false;
      for (const entry of asList(blocks)) {
        if (!isRecord(entry)) continue;
        const type = entry['type'];
        const identifiers = asList(entry['identifiers']);
        if (type === '*' && identifiers.length === 1 && identifiers[0] === '*') everyone = true;
        else if (typeof type === 'string') principal[type] = oneOrMany([...asList(principal[type]), ...identifiers]);
      }
      if (everyone) out[to] = '*';
      else if (Object.keys(principal).length > 0) out[to] = principal;
    }
    const conditions = statement['condition'];
    if (isUnknown(conditions)) out['Condition'] = conditions;
    else if (asList(conditions).length > 0) {
      const condition: PropRecord = {};
      for (const entry of asList(conditions)) {
        if (!isRecord(entry) || typeof entry['test'] !== 'string' || typeof entry['variable'] !== 'string') continue;
        const test = isRecord(condition[entry['test']]) ? condition[entry['test']] : {};
        condition[entry['test']] = { ...(isRecord(test) ? test : {}), [entry['variable']]: oneOrMany(asList(entry['values'])) };
      }
      out['Condition'] = condition;
    }
    statements.push(out);
  }
  const overrides = fromDocuments(body['override_policy_documents'] ?? body['override_json']);
  if (isUnknown(overrides)) return overrides;
  for (const override of overrides) {
    const sid = isRecord(override) ? override['Sid'] : undefined;
    const at = typeof sid === 'string' ? statements.findIndex((statement) => isRecord(statement) && statement['Sid'] === sid) : -1;
    if (at >= 0) statements[at] = override;
    else statements.push(override);
  }
  const document: PropRecord = { Version: body['version'] ?? '2012-10-17' };
  if (typeof body['policy_id'] === 'string') document['Id'] = body['policy_id'];
  document['Statement'] = statements;
  if (!isFullyKnown(document, meter)) return document;
  // Measured before it is written: statements shared between documents can add up to more text than a string holds.
  if (meter.jsonLength(document) > limits.stringLength) return new Unknown(`the policy document would be longer than ${formatCount(limits.stringLength)} characters`);
  return JSON.stringify(document);
}

/** Parsed JSON as a property value; parts nested deeper than the value depth limit are unknown. */
function toProp(value: unknown, depth: number): PropValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (depth <= 0) return new Unknown(`the value nests lists and objects deeper than ${LIMITS.valueDepth} levels`);
  if (Array.isArray(value)) return value.map((item) => toProp(item, depth - 1));
  if (isObject(value)) {
    const out: PropRecord = {};
    for (const [key, item] of Object.entries(value)) out[key] = toProp(item, depth - 1);
    return out;
  }
  return null;
}

const syntaxMessage = (path: string, error: HclSyntaxError): string =>
  error instanceof HclNestingError ? error.message : `${path.endsWith('.json') ? 'JSON' : 'HCL'} syntax error: ${error.message}`;

/** Every directory's .tf files, parsed once. */
class Workspace {
  readonly problems: SourceProblem[] = [];
  readonly gaps: CollectionGap[] = [];
  private readonly parsed = new Map<string, ParsedFile[]>();
  private readonly manifests = new Map<string, Manifest | undefined>();
  private readonly said = new Set<string>();

  constructor(
    private readonly given: Map<string, LoadedFile[]>,
  ) {}

  report(file: string, line: number | undefined, message: string, fatal = false): void {
    this.problems.push({ file, line, message, fatal });
  }

  /** Reports a problem once for a key: a module instantiated many times says what is wrong with it once. */
  reportOnce(key: string, file: string, line: number | undefined, message: string): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.report(file, line, message);
  }

  /** Records a gap once for a key, with a warning that says the same where the module is called. */
  gapOnce(key: string, file: string, line: number | undefined, reason: string): void {
    if (this.said.has(`gap\u0000${key}`)) return;
    this.said.add(`gap\u0000${key}`);
    this.gaps.push({ resourceTypes: [], reason: `${reason} (${file}${line === undefined ? '' : `:${line}`})` });
    this.report(file, line, `${reason}; counted as a collection gap`);
  }

  /** The modules `terraform init` downloaded for a root folder, read once. */
  manifest(rootDir: string): Manifest | undefined {
    if (this.manifests.has(rootDir)) return this.manifests.get(rootDir);
    const manifest = readManifest(rootDir);
    this.manifests.set(rootDir, manifest);
    if (manifest?.problem) this.report(manifest.file, undefined, `the module manifest of terraform init could not be read (${manifest.problem}): downloaded modules are not scanned`);
    return manifest;
  }

  /**
   * The parsed .tf files of a directory, as loaded by `load`. Parsing is asynchronous and evaluation is not, so every
   * directory an evaluation can reach is loaded before it starts (`loadTree`).
   */
  filesOf(dir: string): ParsedFile[] | undefined {
    return this.parsed.get(dir);
  }

  /** Parses the .tf files of a directory once: those given, or for a module folder outside the scan, read from disk. */
  async load(dir: string): Promise<ParsedFile[] | undefined> {
    if (this.parsed.has(dir)) return this.parsed.get(dir);
    let loaded = this.given.get(dir)?.filter((file) => isConfigFile(file.path));
    if (!loaded || loaded.length === 0) {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
      loaded = [];
      for (const name of readdirSync(dir).filter(isConfigFile).sort()) {
        const path = join(dir, name);
        // Sized before it is read: a module folder outside the scan is not limited by the loader.
        try {
          const size = statSync(path).size;
          if (size > MAX_CONFIG_BYTES) this.report(path, undefined, `the .tf file is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB; scan a plan of it instead`, true);
          else loaded.push({ path, text: readFileSync(path, 'utf8') });
        } catch (error) {
          this.report(path, undefined, `the file could not be read: ${describeFailure(error)}`, true);
        }
      }
    }
    const files: ParsedFile[] = [];
    for (const file of loaded) {
      if (file.text.length > MAX_CONFIG_BYTES) {
        this.report(file.path, undefined, `the .tf file is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB; scan a plan of it instead`, true);
        continue;
      }
      try {
        if (file.path.endsWith('.json')) {
          const { body, keys } = parseJsonConfig(file.text);
          files.push({ path: file.path, text: file.text, body, keys });
        } else files.push({ path: file.path, text: file.text, body: await parseHcl(basename(file.path), file.text) });
      } catch (error) {
        // Whatever goes wrong reading one file (a syntax error, nesting too deep for the parser) costs that file only.
        if (error instanceof HclSyntaxError) this.report(file.path, error.line, syntaxMessage(file.path, error), true);
        else this.report(file.path, undefined, `the file could not be read: ${describeFailure(error)}`, true);
      }
    }
    this.parsed.set(dir, files);
    return files;
  }

  /** Loads a directory and every local module directory it calls, directly or through other modules. */
  async loadTree(dir: string): Promise<void> {
    // The downloaded modules too: which call each one serves is known only while evaluating, by its module key.
    const pending = [dir, ...[...(this.manifest(dir)?.entries.values() ?? [])].map((entry) => entry.dir)];
    const seen = new Set<string>();
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      await this.load(next);
      for (const called of this.calledDirs(next)) if (!seen.has(called)) pending.push(called);
    }
  }

  /** The local module directories a directory calls (`source = "./x"`). */
  calledDirs(dir: string): string[] {
    const out: string[] = [];
    for (const file of this.filesOf(dir) ?? []) {
      const modules = file.body['module'];
      if (!isObject(modules)) continue;
      for (const blocks of Object.values(modules)) {
        for (const block of Array.isArray(blocks) ? blocks : []) {
          const source = isObject(block) ? block['source'] : undefined;
          if (typeof source === 'string' && isLocalSource(source)) out.push(moduleDir(dir, source));
        }
      }
    }
    return out;
  }
}

const isLocalSource = (source: string): boolean => source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';

/**
 * The folder a local module source names, spelled as the folders of the scan are (`./` and `.` are the calling folder
 * itself, without a trailing separator), so that a module calling its own folder is recognised as such.
 */
function moduleDir(dir: string, source: string): string {
  const joined = normalize(join(dir, source));
  return joined.length > 1 && /[\\/]$/.test(joined) ? joined.replace(/[\\/]+$/, '') || joined : joined;
}

const INSTANCE_REFERENCE = /\b(count|each|self)\./;

/**
 * True when raw configuration mentions `count.`, `each.` or `self.` anywhere: its value varies by instance. Walked with
 * a stack of its own (not by recursion, not by `JSON.stringify`), and anything nested deeper than `maxDepth` counts as
 * a mention, which leaves the value unresolved rather than guessed.
 */
function mentionsInstance(raw: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value: raw, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value === 'string') {
      if (INSTANCE_REFERENCE.test(value)) return true;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) return true;
    for (const [key, item] of Object.entries(value)) {
      if (INSTANCE_REFERENCE.test(key)) return true;
      pending.push({ value: item, depth: depth + 1 });
    }
  }
  return false;
}

/** What follows when a limit is reached, said after its reason. */
const CONSEQUENCE: Record<LimitKind, string> = {
  elements: 'what the root module evaluates after this point is unknown',
  valueSize: 'the value is unknown',
  instances: 'the instances beyond the limit are not scanned',
  string: 'the value is unknown',
  valueDepth: 'the value is unknown',
  evaluationDepth: 'the value is unknown',
};

/** One instance of a module: its declarations, and the values of its variables, locals and outputs. */
class ModuleInstance implements EvaluationScope {
  private readonly variables = new Map<string, Declaration>();
  private readonly locals = new Map<string, { raw: unknown; file: ParsedFile }>();
  private readonly localValues = new Map<string, PropValue>();
  private readonly evaluatingLocals: string[] = [];
  private readonly resources = new Map<string, ResourceDeclaration>();
  private readonly data = new Map<string, ResourceDeclaration>();
  private readonly moduleCalls = new Map<string, Declaration>();
  private readonly outputs = new Map<string, { raw: unknown; file: ParsedFile; line: number | undefined }>();
  private readonly children = new Map<string, ModuleInstance | Unknown>();
  private readonly dataValues = new Map<string, PropValue>();
  private readonly resolvingAttributes = new Set<string>();
  private readonly callDirs = new Map<string, string>();
  readonly evaluator: Evaluator;

  constructor(
    private readonly workspace: Workspace,
    readonly dir: string,
    private readonly files: ParsedFile[],
    readonly prefix: string,
    private readonly inputs: Map<string, () => PropValue>,
    private readonly rootDir: string,
    private readonly ancestors: readonly string[],
    private readonly budget: EvaluationBudget,
    /** The names of the module calls from the root, joined by dots, as terraform init keys its downloads. */
    private readonly moduleKey = '',
  ) {
    this.evaluator = new Evaluator(this, budget);
    for (const file of files) this.declare(file);
  }

  /**
   * Evaluates one construct: a local, a variable, a module input, an output, a resource instance. A limit reached
   * inside it is reported on its file and line (once per kind of limit and root module); an engine failure inside it
   * (a stack overflow) is attributed to it before it travels up to the root, which then fails alone.
   */
  private guard<T>(label: string, file: ParsedFile, line: () => number | undefined, run: () => T): T {
    let result: T;
    try {
      result = run();
    } catch (error) {
      this.budget.failedAt ??= { label, file: file.path, line };
      throw error;
    }
    const pending = this.budget.takePending();
    if (pending) this.workspace.report(file.path, line(), `${label}${this.prefix && !label.startsWith(this.prefix) ? ` in ${this.prefix}` : ''}: ${pending.reason}; ${CONSEQUENCE[pending.kind]}`);
    return result;
  }

  private declare(file: ParsedFile): void {
    const body = file.body;
    const labelled = (section: string, each: (name: string, block: Record<string, unknown>) => void): void => {
      const entries = body[section];
      if (!isObject(entries)) return;
      for (const [name, blocks] of Object.entries(entries)) for (const block of Array.isArray(blocks) ? blocks : [blocks]) if (isObject(block)) each(name, block);
    };
    labelled('variable', (name, block) => this.variables.set(name, { body: block, file, line: declarationLine(file, ['variable', name]) }));
    labelled('module', (name, block) => this.moduleCalls.set(name, { body: block, file, line: declarationLine(file, ['module', name]) }));
    labelled('output', (name, block) => this.outputs.set(name, { raw: block['value'], file, line: declarationLine(file, ['output', name]) }));
    for (const section of ['resource', 'data'] as const) {
      const types = body[section];
      if (!isObject(types)) continue;
      for (const [type, named] of Object.entries(types)) {
        if (!isObject(named)) continue;
        for (const [name, blocks] of Object.entries(named)) {
          const block = Array.isArray(blocks) ? blocks[0] : blocks;
          if (!isObject(block)) continue;
          const line = declarationLine(file, [section, type, name]);
          const key = `${type}.${name}`;
          const target = section === 'resource' ? this.resources : this.data;
          if (target.has(key)) {
            this.workspace.report(file.path, line, `${section === 'data' ? 'data.' : ''}${key} is declared twice in module ${this.dir}; the first declaration is used`);
            continue;
          }
          target.set(key, { type, name, body: block, file, line });
        }
      }
    }
    const localsBlocks = body['locals'];
    for (const block of Array.isArray(localsBlocks) ? localsBlocks : []) {
      if (!isObject(block)) continue;
      for (const [name, raw] of Object.entries(block)) this.locals.set(name, { raw, file });
    }
  }

  // ---- EvaluationScope

  traverse(root: string, steps: readonly TraversalStep[], source: string): PropValue {
    const [first, ...rest] = steps;
    const name = typeof first === 'string' ? first : undefined;
    switch (root) {
      case 'var':
        return name === undefined ? new Unknown(`${source} is not a variable`) : applySteps(this.variable(name), rest);
      case 'local':
        return name === undefined ? new Unknown(`${source} is not a local value`) : applySteps(this.local(name), rest);
      case 'path':
        return name === 'module' ? this.dir : name === 'root' ? this.rootDir : name === 'cwd' ? '.' : new Unknown(`${source} is not known`);
      case 'terraform':
        return name === 'workspace' ? 'default' : new Unknown(`${source} is not known statically`);
      case 'module':
        return name === undefined ? new Unknown(`${source} is not a module output`) : this.moduleOutput(name, rest, source);
      case 'data':
        return this.dataValue(steps, source);
      case 'self':
      case 'each':
      case 'count':
        return new Unknown(`${source} is not available here`);
      default:
        return this.resourceValue(root, steps, source);
    }
  }

  private variable(name: string): PropValue {
    const declaration = this.variables.get(name);
    const input = this.inputs.get(name);
    let value: PropValue;
    if (input) value = input();
    else if (declaration && 'default' in declaration.body) value = this.guard(`var.${name}`, declaration.file, () => declaration.line, () => this.evaluator.value(declaration.body['default']));
    else if (declaration) value = new Unknown(`variable ${name} has no value: no default, and no .tfvars file or module input sets it`);
    else {
      value = new Unknown(`var.${name} is used but no variable "${name}" is declared in ${this.dir}`);
      this.reportUndeclared(name);
    }
    if (declaration?.body['sensitive'] === true && value !== null && !isUnknown(value)) return new Redacted(true);
    return value;
  }

  /** Terraform refuses a configuration that uses an undeclared variable; said once per module folder, where it is used. */
  private reportUndeclared(name: string): void {
    const pattern = new RegExp(`\\bvar\\.${escapeRegExp(name)}\\b`);
    const file = this.files.find((candidate) => pattern.test(candidate.text)) ?? this.files[0];
    if (!file) return;
    this.workspace.reportOnce(`undeclared\u0000${this.dir}\u0000${name}`, file.path, lineOf(file.text, pattern), `var.${name} is used but no variable "${name}" is declared in ${this.dir}: Terraform refuses this configuration; the values that use it are unknown`);
  }

  private local(name: string): PropValue {
    const cached = this.localValues.get(name);
    if (cached !== undefined) return cached;
    const declaration = this.locals.get(name);
    if (!declaration) return new Unknown(`local.${name} is not declared in ${this.dir}`);
    if (this.evaluatingLocals.includes(name)) {
      const cycle = [...this.evaluatingLocals.slice(this.evaluatingLocals.indexOf(name)), name].map((item) => `local.${item}`).join(' → ');
      const value = new Unknown(`cycle in locals: ${cycle}`);
      this.workspace.report(declaration.file.path, localLine(declaration.file, name), `cycle in locals: ${cycle}; the values in the cycle are unknown`);
      for (const member of this.evaluatingLocals.slice(this.evaluatingLocals.indexOf(name))) this.localValues.set(member, value);
      return value;
    }
    this.evaluatingLocals.push(name);
    let value: PropValue;
    try {
      const line = (): number | undefined => localLine(declaration.file, name);
      value = this.guard(`local.${name}`, declaration.file, line, () => this.evaluator.value(declaration.raw));
    } finally {
      this.evaluatingLocals.pop();
    }
    if (!this.localValues.has(name)) this.localValues.set(name, value);
    return this.localValues.get(name) ?? value;
  }

  private resourceValue(type: string, steps: readonly TraversalStep[], source: string): PropValue {
    const [name, ...rest] = steps;
    if (typeof name !== 'string') return new Unknown(`${source} is not understood`);
    const declaration = this.resources.get(`${type}.${name}`);
    if (!declaration) return new Unknown(`${source}: resource ${type}.${name} is not declared in ${this.dir}`);
    let index: string | number | undefined;
    let remaining = rest;
    const [next] = rest;
    if (typeof next === 'number' || (typeof next === 'string' && ('count' in declaration.body || 'for_each' in declaration.body))) {
      index = next;
      remaining = rest.slice(1);
    }
    const base = `${this.prefix ? `${this.prefix}.` : ''}${type}.${name}`;
    const address = instanceAddress(base, index);
    const [attribute, ...deeper] = remaining;
    if (attribute === undefined) return index === undefined ? this.wholeResource(declaration, base) : new Reference(address);
    if (typeof attribute !== 'string') return new Unknown(`${source} is not understood`);
    // A literal argument of the resource is known now; computed attributes (id, arn) only after apply.
    const raw = declaration.body[attribute];
    if (attribute !== 'id' && deeper.length === 0 && (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'string')) {
      if (typeof raw !== 'string' || (!raw.includes('${') && !raw.includes('%{'))) return raw;
      // An argument built from known parts (`"${local.prefix}-logs"`) is known too, unless it varies by instance.
      const key = `${address}.${attribute}`;
      if (!/\b(count|each|self)\./.test(raw) && !this.resolvingAttributes.has(key)) {
        this.resolvingAttributes.add(key);
        try {
          const value = this.guard(key, declaration.file, () => declaration.line, () => this.evaluator.value(raw));
          // An argument that comes out null is left to the provider (`name = null` beside `name_prefix` is a name
          // made at apply): the attribute is known only after apply, not null.
          if (value !== null && isFullyKnown(value, this.budget.meter)) return value;
        } finally {
          this.resolvingAttributes.delete(key);
        }
      }
    }
    if (deeper.length > 0) return this.nestedArgument(declaration, address, raw, [attribute, ...deeper]) ?? new Unknown(`${source} is known only after apply`);
    return new Reference(address, attribute);
  }

  /**
   * A resource named without an instance key: with for_each, the map of its instances by key; with count, the list of
   * them; each instance a reference, so that `for_each = aws_s3_bucket.data` gives every instance of the resource
   * that iterates over it its own bucket. When the instances are not known statically, the resource as a whole.
   */
  private wholeResource(declaration: ResourceDeclaration, base: string): PropValue {
    const keys = 'for_each' in declaration.body || 'count' in declaration.body ? this.instanceKeys(declaration, base) : undefined;
    if (keys === undefined) return new Reference(base);
    if ('count' in declaration.body) return keys.map((key) => new Reference(instanceAddress(base, key)));
    const out: PropRecord = {};
    for (const key of keys) out[String(key)] = new Reference(instanceAddress(base, key));
    return out;
  }

  /** The instance keys of a resource with count or for_each, when known statically; nothing is reported here. */
  private instanceKeys(declaration: ResourceDeclaration, base: string): Array<string | number> | undefined {
    const key = `${base}#instances`;
    if (this.resolvingAttributes.has(key)) return undefined;
    this.resolvingAttributes.add(key);
    try {
      // count and for_each cannot use each or count; the instance being evaluated when this is asked must not leak in.
      const masked = new Map<string, PropValue>([
        ['each', new Unknown('each is not available in for_each')],
        ['count', new Unknown('count is not available in count')],
      ]);
      const argument = 'count' in declaration.body ? 'count' : 'for_each';
      const value = this.guard(`${base} ${argument}`, declaration.file, () => declaration.line, () => this.evaluator.withFrame(masked, () => this.evaluator.value(declaration.body[argument])));
      if (argument === 'count') return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= this.budget.limits.instancesPerRoot ? Array.from({ length: value }, (_, index) => index) : undefined;
      if (Array.isArray(value)) {
        const strings = value.filter((item): item is string => typeof item === 'string');
        return strings.length === value.length ? strings : undefined;
      }
      return isRecord(value) ? Object.keys(value) : undefined;
    } finally {
      this.resolvingAttributes.delete(key);
    }
  }

  /**
   * A value inside a nested block or map argument of a resource (`metric_transformation[0].name`), when the
   * configuration gives it as something known statically; `undefined` when it is not configured there, varies by
   * instance, or depends on values known only after apply.
   */
  private nestedArgument(declaration: ResourceDeclaration, address: string, raw: unknown, steps: readonly TraversalStep[]): PropValue | undefined {
    let current = raw;
    for (const step of steps.slice(1)) {
      if (Array.isArray(current)) current = typeof step === 'number' ? current[step] : undefined;
      // JSON syntax may give a single nested block as an object rather than a list of one.
      else if (isObject(current)) current = typeof step === 'number' ? (step === 0 ? current : undefined) : current[step];
      else return undefined;
      if (current === undefined) return undefined;
    }
    if (isObject(current) && 'dynamic' in current) return undefined;
    const key = `${address}.${steps.map(String).join('.')}`;
    if (mentionsInstance(current, this.budget.limits.valueDepth) || this.resolvingAttributes.has(key)) return undefined;
    this.resolvingAttributes.add(key);
    try {
      const value = this.guard(key, declaration.file, () => declaration.line, () => this.evaluator.value(current));
      return value !== null && isFullyKnown(value, this.budget.meter) ? value : undefined;
    } finally {
      this.resolvingAttributes.delete(key);
    }
  }

  private dataValue(steps: readonly TraversalStep[], source: string): PropValue {
    const [type, name, ...rest] = steps;
    if (typeof type !== 'string' || typeof name !== 'string') return new Unknown(`${source} is not understood`);
    const declaration = this.data.get(`${type}.${name}`);
    if (!declaration) return new Unknown(`${source}: data source ${type}.${name} is not declared in ${this.dir}`);
    if (type === 'aws_kms_alias' || type === 'aws_kms_key') return this.kmsKeyDataValue(type, name, source);
    if (type !== 'aws_iam_policy_document') return new Unknown(`${source} is read from the provider when Terraform runs`);
    const key = `${type}.${name}`;
    const instanced = 'count' in declaration.body || 'for_each' in declaration.body;
    const instance = instanced && (typeof rest[0] === 'number' || typeof rest[0] === 'string') ? rest[0] : undefined;
    const remaining = instance === undefined && typeof rest[0] === 'number' ? rest.slice(1) : instance === undefined ? rest : rest.slice(1);
    const documents = (at: string | number | undefined): PropRecord => {
      const document = this.policyDocument(declaration, key, typeof at === 'number' ? at : 0);
      return { json: document, minified_json: document };
    };
    // Named without an instance (`data.aws_iam_policy_document.p[*].json`): every instance, as the resource is.
    if (remaining.length === 0 && instanced && instance === undefined) {
      const keys = this.instanceKeys(declaration, `data.${key}`);
      if (keys === undefined) return new Unknown(`${source}: the instances of data.${key} are not known statically`);
      if ('count' in declaration.body) return keys.map((at) => documents(at));
      const out: PropRecord = {};
      for (const at of keys) out[String(at)] = documents(at);
      return out;
    }
    if (remaining.length === 0) return documents(instance);
    const [attribute] = remaining;
    if (attribute === 'json' || attribute === 'minified_json') return this.policyDocument(declaration, key, typeof instance === 'number' ? instance : 0);
    return new Unknown(`${source} is known only after apply`);
  }

  /** The rendered document of one instance of a policy document data source (count.index given), cached. */
  private policyDocument(declaration: ResourceDeclaration, key: string, index: number): PropValue {
    const cacheKey = index === 0 ? key : `${key}[${index}]`;
    let document = this.dataValues.get(cacheKey);
    if (document === undefined) {
      const frame = new Map<string, PropValue>([['count', { index }]]);
      const body = this.guard(`data.${key}`, declaration.file, () => declaration.line, () => this.evaluator.withFrame(frame, () => this.evaluateBody(declaration.body, declaration.file, declaration.line)));
      document = renderPolicyDocument(body, this.budget.limits, this.budget.meter);
      this.dataValues.set(cacheKey, document);
    }
    return document;
  }

  /**
   * A key read through `data.aws_kms_alias` or `data.aws_kms_key` is known only when Terraform runs, but the AWS managed
   * alias that selects it (`alias/aws/secretsmanager`) is written here and names the same key: the Unknown carries it
   * as its text, so that checks can tell an AWS managed key from a customer managed one.
   */
  private kmsKeyDataValue(type: 'aws_kms_alias' | 'aws_kms_key', name: string, source: string): PropValue {
    const reason = `${source} is read from the provider when Terraform runs`;
    const declaration = this.data.get(`${type}.${name}`);
    const raw = declaration?.body[type === 'aws_kms_alias' ? 'name' : 'key_id'];
    if (declaration === undefined || raw === undefined) return new Unknown(reason);
    const selector = this.guard(`data.${type}.${name}`, declaration.file, () => declaration.line, () => this.evaluator.value(raw));
    return typeof selector === 'string' && /(^|:)alias\/aws\//.test(selector) ? new Unknown(reason, selector) : new Unknown(reason);
  }

  // ---- modules

  private moduleOutput(name: string, steps: readonly TraversalStep[], source: string): PropValue {
    const [first, ...rest] = steps;
    const call = this.moduleCalls.get(name);
    if (!call) return new Unknown(`${source}: module ${name} is not declared in ${this.dir}`);
    const hasInstances = 'count' in call.body || 'for_each' in call.body;
    const index = hasInstances && (typeof first === 'number' || typeof first === 'string') ? first : undefined;
    const outputSteps = index === undefined ? steps : rest;
    const [output, ...deeper] = outputSteps;
    if (typeof output !== 'string') return new Unknown(`${source} is not a module output`);
    const child = this.child(name, index === undefined && hasInstances ? 0 : index);
    if (isUnknown(child)) return child;
    return applySteps(child.output(output), deeper);
  }

  output(name: string): PropValue {
    const output = this.outputs.get(name);
    if (!output) return new Unknown(`module at ${this.dir} has no output ${name}`);
    return this.guard(`output.${name}`, output.file, () => output.line, () => this.evaluator.value(output.raw));
  }

  private callKey(name: string): string {
    return this.moduleKey === '' ? name : `${this.moduleKey}.${name}`;
  }

  /**
   * The folder a module call's files are in: next to the caller for a local source, else where terraform init put
   * the module (a local module inside a downloaded one is local to it, and is found next to it the same way).
   */
  private callDir(name: string, source: string): string | Unknown {
    const known = this.callDirs.get(name);
    if (known !== undefined) return known;
    let dir: string | Unknown;
    if (isLocalSource(source)) dir = moduleDir(this.dir, source);
    else {
      const entry = this.workspace.manifest(this.rootDir)?.entries.get(this.callKey(name));
      if (!entry) dir = new Unknown(`module ${this.callKey(name)} (source ${source}) is not downloaded: no entry in ${join(this.rootDir, '.terraform', 'modules', 'modules.json')}; its resources are not scanned (run terraform init, or scan a plan)`);
      else if (!sameSource(entry.source, source)) dir = new Unknown(`module ${this.callKey(name)} was downloaded from ${entry.source} but now names ${source}; its resources are not scanned (run terraform init again, or scan a plan)`);
      else if (!this.workspace.filesOf(entry.dir)?.length) dir = new Unknown(`module ${this.callKey(name)} (source ${source}): no .tf files in ${entry.dir}, where terraform init put it; its resources are not scanned`);
      else dir = entry.dir;
    }
    if (typeof dir === 'string') this.callDirs.set(name, dir);
    return dir;
  }

  /** The child module instance for a call (and instance key), created on first use. */
  child(name: string, index: string | number | undefined, frame?: Map<string, PropValue>): ModuleInstance | Unknown {
    const key = `${name}${index === undefined ? '' : `[${JSON.stringify(index)}]`}`;
    const existing = this.children.get(key);
    if (existing) return existing;
    const call = this.moduleCalls.get(name);
    if (!call) return new Unknown(`module ${name} is not declared`);
    const source = call.body['source'];
    let result: ModuleInstance | Unknown;
    const resolved = typeof source === 'string' ? this.callDir(name, source) : new Unknown(`module ${name} has no literal source`);
    if (isUnknown(resolved)) {
      result = resolved;
    } else {
      const dir = resolved;
      const files = this.workspace.filesOf(dir);
      const limits = this.budget.limits;
      // The calling folder counts among the ancestors: `source = "./"` is refused at its first call, not one level on.
      if (dir === this.dir) {
        result = new Unknown(`module ${name} calls the folder that calls it (${dir})`);
      } else if (this.ancestors.includes(dir)) {
        result = new Unknown(`module ${name} calls ${dir}, which is already on the way here (${[...this.ancestors, this.dir].join(' → ')}): a cycle`);
      } else if (this.ancestors.length + 1 >= limits.moduleDepth) {
        result = new Unknown(`module ${name} would nest modules deeper than ${limits.moduleDepth} levels`);
      } else if (!files || files.length === 0) {
        result = new Unknown(`module ${name}: no .tf files in ${dir}`);
      } else if (this.budget.instances >= limits.instancesPerRoot) {
        result = this.budget.reach('instances');
      } else {
        this.budget.instances += 1;
        const inputs = new Map<string, () => PropValue>();
        const instanceFrame = frame ?? new Map<string, PropValue>();
        for (const [input, raw] of Object.entries(call.body)) {
          if (['source', 'version', 'count', 'for_each', 'providers', 'depends_on'].includes(input)) continue;
          let cached: PropValue | undefined;
          inputs.set(input, () => (cached ??= this.guard(`module.${name} input ${input}`, call.file, () => call.line, () => this.evaluator.withFrame(instanceFrame, () => this.evaluator.value(raw)))));
        }
        const prefix = `${this.prefix ? `${this.prefix}.` : ''}module.${name}${index === undefined ? '' : typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`}`;
        result = new ModuleInstance(this.workspace, dir, files, prefix, inputs, this.rootDir, [...this.ancestors, this.dir], this.budget, this.callKey(name));
      }
    }
    this.children.set(key, result);
    return result;
  }

  // ---- resources

  /** Evaluates a block body: arguments, nested blocks, and `dynamic` blocks expanded where their collection is known. */
  evaluateBody(body: Record<string, unknown>, file: ParsedFile, line: number | undefined, level = 0): PropRecord {
    const out: PropRecord = {};
    const budget = this.budget;
    const nestedBody = (item: Record<string, unknown>): PropValue =>
      level + 1 >= budget.limits.valueDepth ? budget.reach('valueDepth') : this.evaluator.descend(() => this.evaluateBody(item, file, line, level + 1));
    for (const [key, raw] of Object.entries(body)) {
      if (key === 'dynamic' && isObject(raw)) continue;
      if (Array.isArray(raw) && raw.length > 0 && raw.every(isObject)) {
        // A nested block (or a list of objects): each body evaluated the same way.
        out[key] = budget.charge(raw.length) ? raw.map((item) => (isObject(item) ? nestedBody(item) : this.evaluator.value(item))) : budget.reach('elements');
      } else {
        out[key] = this.evaluator.value(raw);
      }
    }
    const dynamic = body['dynamic'];
    if (isObject(dynamic)) {
      for (const [label, blocks] of Object.entries(dynamic)) {
        for (const block of Array.isArray(blocks) ? blocks : [blocks]) {
          if (!isObject(block)) continue;
          const collection = this.evaluator.value(block['for_each']);
          const iterator = typeof block['iterator'] === 'string' ? block['iterator'].replace(/^\$\{|\}$/g, '') : label;
          const content = Array.isArray(block['content']) ? block['content'][0] : block['content'];
          const existing = out[label];
          if ((!Array.isArray(collection) && !isRecord(collection)) || !isObject(content)) {
            out[label] = new Unknown(`dynamic block ${label} is generated from a value not known statically`);
            continue;
          }
          const entries: Array<[PropValue, PropValue]> = Array.isArray(collection) ? collection.map((item, index) => [index, item]) : Object.entries(collection);
          if (!budget.charge(entries.length)) {
            out[label] = budget.reach('elements', `dynamic block ${label}`);
            continue;
          }
          const generated = entries.map(([entryKey, entryValue]) => this.evaluator.withFrame(new Map([[iterator, { key: entryKey, value: entryValue }]]), () => nestedBody(content)));
          out[label] = isUnknown(existing) ? existing : [...asList(existing), ...generated];
        }
      }
    }
    return out;
  }

  /** True, and reported once for the root, when the root module has no instances left to spend. */
  private outOfInstances(declaration: Declaration, label: string): boolean {
    if (this.budget.instances < this.budget.limits.instancesPerRoot) return false;
    this.budget.reach('instances');
    const pending = this.budget.takePending();
    if (pending) this.workspace.report(declaration.file.path, declaration.line, `${label}: ${pending.reason}; ${CONSEQUENCE[pending.kind]}`);
    return true;
  }

  /** All resource instances of this module and of the local modules it calls. */
  collect(items: TerraformResource[]): void {
    // Every local is evaluated once, so that a cycle is reported even where no resource uses it.
    for (const name of this.locals.keys()) this.local(name);
    for (const declaration of this.resources.values()) this.collectResource(declaration, items);
    for (const [name, call] of this.moduleCalls) {
      const source = call.body['source'];
      const dir = typeof source === 'string' && !isLocalSource(source) ? this.callDir(name, source) : undefined;
      if (isUnknown(dir)) {
        this.workspace.gapOnce(`${call.file.path}\u0000${String(call.line)}\u0000${dir.reason}`, call.file.path, call.line, dir.reason);
        continue;
      }
      const label = `${this.prefix ? `${this.prefix}.` : ''}module.${name}`;
      for (const [index, frame] of this.instances(call, label)) {
        if (this.outOfInstances(call, label)) break;
        const child = this.child(name, index, frame);
        if (isUnknown(child)) {
          // A call refused for what it is (it calls its own folder) is refused once, not once per instance.
          this.workspace.report(call.file.path, call.line, `module ${name} not scanned: ${child.reason}`);
          break;
        }
        child.collect(items);
      }
    }
  }

  /**
   * The instances of a resource or module call: count, for_each, or one. Never more than the root module has left of
   * its instance limit (the limit holds across all module levels together, so nested counts cannot multiply past it).
   */
  private instances(declaration: Declaration, label: string): Array<[string | number | undefined, Map<string, PropValue>]> {
    const body = declaration.body;
    const left = Math.max(0, this.budget.limits.instancesPerRoot - this.budget.instances);
    const evaluate = (argument: string): PropValue => this.guard(`${label} ${argument}`, declaration.file, () => declaration.line, () => this.evaluator.value(body[argument]));
    if ('count' in body) {
      const count = evaluate('count');
      if (typeof count === 'number' && Number.isInteger(count) && count >= 0) {
        const out: Array<[number, Map<string, PropValue>]> = [];
        // One past what is left, so that the caller sees the limit reached and reports it.
        const made = Math.min(count, left + 1);
        for (let index = 0; index < made; index += 1) out.push([index, new Map<string, PropValue>([['count', { index }]])]);
        return out;
      }
      this.workspace.report(declaration.file.path, declaration.line, `${label}: count is not known statically (${isUnknown(count) ? count.reason : 'not a whole number'}); one instance is scanned`);
      return [[undefined, new Map<string, PropValue>([['count', { index: new Unknown('count.index of a count not known statically') }]])]];
    }
    if ('for_each' in body) {
      const collection = evaluate('for_each');
      if (Array.isArray(collection) && collection.every((item) => typeof item === 'string')) {
        return collection.slice(0, left + 1).map((item) => [String(item), new Map<string, PropValue>([['each', { key: item, value: item }]])]);
      }
      if (isRecord(collection)) {
        return Object.entries(collection)
          .slice(0, left + 1)
          .map(([key, value]) => [key, new Map<string, PropValue>([['each', { key, value }]])]);
      }
      this.workspace.report(declaration.file.path, declaration.line, `${label}: for_each is not known statically (${isUnknown(collection) ? collection.reason : 'not a map or a set of strings'}); one instance is scanned`);
      const unknownEach = new Unknown('each.value of a for_each not known statically');
      return [[undefined, new Map<string, PropValue>([['each', { key: unknownEach, value: unknownEach }]])]];
    }
    return [[undefined, new Map()]];
  }

  private collectResource(declaration: ResourceDeclaration, items: TerraformResource[]): void {
    const base = `${this.prefix ? `${this.prefix}.` : ''}${declaration.type}.${declaration.name}`;
    const keys = declaration.file.keys;
    const lines = keys
      ? keys.children.get(keyPath('resource', declaration.type, declaration.name))
      : declaration.line === undefined
        ? undefined
        : attributeLines(declaration.file, declaration.line);
    const budget = this.budget;
    // Comments above or inside the block: HCL only (JSON has no comments).
    const suppressions = keys || declaration.line === undefined ? [] : terraformCommentSuppressions(linesOf(declaration.file), declaration.line, declaration.file.path);
    const body: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(declaration.body)) if (!META_ARGUMENTS.has(key)) body[key] = raw;
    const configured = new Set([...Object.keys(body), ...(isObject(body['dynamic']) ? Object.keys(body['dynamic']) : [])]);
    for (const [index, frame] of this.instances(declaration, base)) {
      if (this.outOfInstances(declaration, base)) break;
      budget.instances += 1;
      const address = instanceAddress(base, index);
      const spent = budget.elements;
      let values = this.guard(address, declaration.file, () => declaration.line, () => this.evaluator.withFrame(frame, () => this.evaluateBody(body, declaration.file, declaration.line)));
      // Values shared between instances (a local map used as tags by each of them) are built once but written out
      // with every instance: what the instance holds beyond what was built for it counts too.
      const shared = budget.meter.size(values) - (budget.elements - spent);
      if (shared > 0 && !budget.charge(shared)) {
        // The instance is still scanned, with the lists and objects it would carry unknown: a resource left out
        // would be evidence missing without a trace, an unknown value is missing evidence that says so.
        const limited = budget.reach('elements', address);
        const trimmed: PropRecord = {};
        for (const [key, value] of Object.entries(values)) trimmed[key] = Array.isArray(value) || isRecord(value) ? limited : value;
        values = trimmed;
        const pending = budget.takePending();
        if (pending) this.workspace.report(declaration.file.path, declaration.line, `${address}: ${pending.reason}; ${CONSEQUENCE[pending.kind]}`);
      }
      const item: TerraformResource = {
        address,
        type: declaration.type,
        modulePath: this.prefix,
        values,
        scope: this.rootDir,
        origin: { kind: 'terraform-config', file: declaration.file.path, ...(declaration.line === undefined ? {} : { line: declaration.line }) },
        configured,
        fromConfiguration: true,
      };
      if (lines) item.attributeLines = lines;
      if (suppressions.length > 0) item.suppressions = suppressions;
      if (index !== undefined) item.index = index;
      items.push(item);
    }
  }
}

// Terraform's order, later files overriding earlier ones: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json).
const TFVARS_ORDER = (path: string): number => {
  const name = basename(path);
  return name === 'terraform.tfvars' ? 0 : name === 'terraform.tfvars.json' ? 1 : /\.auto\.tfvars(\.json)?$/.test(name) ? 2 : 3;
};

/** The line of the construct evaluation failed in; finding it must not fail in turn. */
function failureLine(line: () => number | undefined): number | undefined {
  try {
    return line();
  } catch {
    return undefined;
  }
}

/**
 * Reads the .tf and .tfvars files of one scan: each directory with .tf files given is a root module, unless called.
 * Each root module is evaluated within its own limits, and a root that fails costs only its own files.
 */
export async function readConfiguration(files: readonly LoadedFile[], limits: TerraformLimits = LIMITS): Promise<ConfigResult> {
  const byDir = new Map<string, LoadedFile[]>();
  for (const file of files) {
    const dir = normalize(dirname(file.path));
    const list = byDir.get(dir) ?? [];
    list.push(file);
    byDir.set(dir, list);
  }
  const workspace = new Workspace(byDir);
  const items: TerraformResource[] = [];
  const dirs = [...byDir.keys()].sort();
  const called = new Set<string>();
  for (const dir of dirs) await workspace.load(dir);
  for (const dir of dirs) for (const child of workspace.calledDirs(dir)) if (child !== dir) called.add(child);

  for (const dir of dirs) {
    const given = byDir.get(dir) ?? [];
    const tfFiles = given.filter((file) => isConfigFile(file.path));
    const tfvars = given.filter((file) => isVariablesFile(file.path)).sort((a, b) => TFVARS_ORDER(a.path) - TFVARS_ORDER(b.path) || a.path.localeCompare(b.path));
    if (tfFiles.length === 0) {
      for (const file of tfvars) workspace.report(file.path, undefined, 'a .tfvars file holds input values, not resources: scan it with the folder of its configuration');
      continue;
    }
    if (called.has(dir)) continue;
    const inputs = new Map<string, () => PropValue>();
    for (const file of tfvars) {
      // Each .tfvars file is evaluated within limits of its own, as literals only.
      const budget = new EvaluationBudget(limits);
      const literal = new Evaluator({ traverse: (_root, _steps, source) => new Unknown(`${source} cannot be used in a .tfvars file`) }, budget);
      try {
        const body = file.path.endsWith('.json') ? parseJsonVariables(file.text) : await parseHcl(basename(file.path), file.text);
        for (const [name, raw] of Object.entries(body)) {
          const value = literal.value(raw);
          const pending = budget.takePending();
          if (pending) workspace.report(file.path, undefined, `${name}: ${pending.reason}; ${CONSEQUENCE[pending.kind]}`);
          inputs.set(name, () => value);
        }
      } catch (error) {
        if (error instanceof HclSyntaxError) workspace.report(file.path, error.line, syntaxMessage(file.path, error), true);
        else workspace.report(file.path, undefined, `the file could not be read: ${describeFailure(error)}`, true);
      }
    }
    await workspace.loadTree(dir);
    const parsed = workspace.filesOf(dir) ?? [];
    if (parsed.length === 0) continue;
    const budget = new EvaluationBudget(limits);
    const rootItems: TerraformResource[] = [];
    try {
      new ModuleInstance(workspace, dir, parsed, '', inputs, dir, [], budget).collect(rootItems);
    } catch (error) {
      // A root module that cannot be evaluated at all (nesting beyond what the stack holds, whatever the limits
      // missed) costs its own files, named with the construct that failed; the other roots keep their results.
      const at = budget.failedAt;
      const culprit = at?.file ?? tfFiles[0]?.path ?? dir;
      const line = at ? failureLine(at.line) : undefined;
      workspace.report(culprit, line, `root module ${dir} could not be evaluated${at ? ` (at ${at.label})` : ''}: ${describeFailure(error)}; none of its resources are scanned`, true);
      for (const file of tfFiles) {
        if (file.path !== culprit) workspace.report(file.path, undefined, `not scanned: the evaluation of root module ${dir} failed at ${culprit}${line === undefined ? '' : `:${line}`}`, true);
      }
      continue;
    }
    for (const item of rootItems) items.push(item);
  }
  return { items, problems: workspace.problems, gaps: workspace.gaps };
}
