/**
 * Static evaluation of HCL expressions. What can be known without running Terraform (literals, variables with values,
 * locals, known parts of templates, a set of pure functions) is computed; everything else becomes an `Unknown` that
 * says why, or a `Reference` to the resource it comes from.
 */

import { isRecord, isRedacted, isReference, isUnknown, Redacted, Reference, Unknown, type PropRecord, type PropValue } from '../../../values.js';
import { EvaluationBudget, ValueMeter } from '../limits.js';
import { ExpressionSyntaxError, parseExpression, parseTemplate, SPLAT_ELEMENT, type Expr, type TemplatePart } from './expression.js';
import { cidrhost, cidrsubnet, cidrsubnets } from './network-functions.js';
import { regex, regexall } from './regex-functions.js';

export type TraversalStep = string | number;

/** What names mean where an expression is evaluated: `var`, `local`, resources, modules ... */
export interface EvaluationScope {
  /** Resolves a traversal rooted at `root` (`var`, `local`, `aws_s3_bucket`...); `steps` are the attributes and keys. */
  traverse(root: string, steps: readonly TraversalStep[], source: string): PropValue;
}

/**
 * True when the value holds no `Unknown`, `Reference` or `Redacted` anywhere. Shared parts are looked at once (a value
 * built by doubling a local stands for a tree far larger than the objects it is made of); pass the evaluation's meter
 * to remember the answer across calls.
 */
export function isFullyKnown(value: PropValue, meter: ValueMeter = new ValueMeter()): boolean {
  return meter.fullyKnown(value);
}

function unknownFrom(value: PropValue, fallback: string, meter: ValueMeter): Unknown | Redacted {
  const found = meter.firstUnresolved(value);
  if (isRedacted(found)) return found;
  if (isUnknown(found)) return new Unknown(found.reason);
  if (isReference(found)) return new Unknown(`the value comes from ${found.target}${found.attribute ? `.${found.attribute}` : ''}, known only after apply`);
  return new Unknown(fallback);
}

const describeStep = (steps: readonly TraversalStep[]): string => steps.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');

/** Applies attribute and index steps to a value. */
export function applySteps(value: PropValue, steps: readonly TraversalStep[]): PropValue {
  let current = value;
  for (const step of steps) {
    if (isUnknown(current) || isRedacted(current)) return current;
    // A whole resource instance (`each.value` over a resource with for_each) read by attribute: that attribute of it.
    if (isReference(current) && current.attribute === undefined && typeof step === 'string') {
      current = new Reference(current.target, step);
      continue;
    }
    if (isReference(current)) return new Unknown(`the value comes from ${current.target}${current.attribute ? `.${current.attribute}` : ''}${describeStep([step])}`);
    if (Array.isArray(current)) {
      const index = typeof step === 'number' ? step : Number(step);
      if (!Number.isInteger(index)) return new Unknown(`cannot read ${String(step)} of a list`);
      current = current[index] ?? null;
    } else if (isRecord(current)) {
      current = current[String(step)] ?? null;
    } else {
      return current === null ? null : new Unknown(`cannot read ${String(step)} of a ${typeof current}`);
    }
  }
  return current;
}

function toText(value: PropValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function toNumber(value: PropValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function toBool(value: PropValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** Serialises a fully known value as Terraform's `jsonencode` does (no spaces), within the string limit. */
function jsonText(value: PropValue, budget: EvaluationBudget): PropValue {
  // Measured first: the text of a shared value can be far longer than the objects it is made of.
  if (budget.meter.jsonLength(value) > budget.limits.stringLength) return budget.reach('string', 'jsonencode');
  if (!budget.chargeWalk(value)) return budget.reach('elements');
  return budget.checkedString(JSON.stringify(value));
}

/** Parsed JSON as a property value, within the depth and size limits. */
function jsonValue(value: unknown, budget: EvaluationBudget, level = 0): PropValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (level >= budget.limits.valueDepth) return budget.reach('valueDepth', 'jsondecode');
  if (Array.isArray(value)) {
    if (!budget.charge(value.length)) return budget.reach('elements');
    const out: PropValue[] = [];
    for (const item of value) out.push(jsonValue(item, budget, level + 1));
    return budget.checked(out);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (!budget.charge(entries.length)) return budget.reach('elements');
    const out: PropRecord = {};
    for (const [key, item] of entries) out[key] = jsonValue(item, budget, level + 1);
    return budget.checked(out);
  }
  return null;
}

/** Structural equality of fully known values; shared parts compare equal without being walked. */
function equal(left: PropValue, right: PropValue): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    for (let index = 0; index < left.length; index += 1) if (!equal(left[index] ?? null, right[index] ?? null)) return false;
    return true;
  }
  if (isRecord(left)) {
    if (!isRecord(right)) return false;
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    for (const key of keys) if (!(key in right) || !equal(left[key] ?? null, right[key] ?? null)) return false;
    return true;
  }
  return false;
}

/** Equality of two operands, counting the work of comparing large values. */
function equalWithin(left: PropValue, right: PropValue, budget: EvaluationBudget): boolean | Unknown {
  if (left === right || typeof left !== 'object' || left === null || typeof right !== 'object' || right === null) return equal(left, right);
  if (!budget.chargeWalk(budget.meter.size(left) <= budget.meter.size(right) ? left : right)) return budget.reach('elements');
  return equal(left, right);
}

/** The items of a list without repeats, first occurrence kept: by key for scalars, by structure for lists and objects. */
function distinctItems(items: PropValue[], budget: EvaluationBudget): PropValue[] | Unknown {
  if (!budget.chargeWalk(items)) return budget.reach('elements');
  const seen = new Set<string>();
  const out: PropValue[] = [];
  for (const item of items) {
    if (typeof item === 'object' && item !== null) {
      if (budget.meter.jsonLength(item) > budget.limits.stringLength) return budget.reach('string', 'comparing list items');
      const key = `o${JSON.stringify(item)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
      continue;
    }
    const key = `${typeof item}:${String(item)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

function flattenList(items: readonly PropValue[], out: PropValue[]): PropValue[] {
  for (const item of items) {
    if (Array.isArray(item)) flattenList(item, out);
    else out.push(item);
  }
  return out;
}

type FunctionImpl = (args: PropValue[], budget: EvaluationBudget) => PropValue;

const listArg = (value: PropValue | undefined): PropValue[] | undefined => (Array.isArray(value) ? value : undefined);

/** The cost of producing or reading a string: one value per 1,024 characters. */
const textCost = (length: number): number => 1 + Math.floor(length / 1024);

/** Numbers without spreading them into a call (a spread of a long list overflows the stack). */
function extreme(args: readonly PropValue[], pick: (a: number, b: number) => number, empty: number): number {
  let result = empty;
  for (const arg of args) result = pick(result, toNumber(arg) ?? Number.NaN);
  return result;
}

/** Pure functions evaluated statically; each receives fully known arguments (others make the call unknown). */
const FUNCTIONS: Record<string, FunctionImpl> = {
  jsonencode: ([value], budget) => jsonText(value ?? null, budget),
  jsondecode: ([text], budget) => {
    if (typeof text !== 'string') return new Unknown('jsondecode of a value that is not a string');
    if (!budget.charge(textCost(text.length))) return budget.reach('elements');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return new Unknown('jsondecode of text that is not JSON');
    }
    return jsonValue(parsed, budget);
  },
  merge: (args, budget) => {
    let keys = 0;
    for (const arg of args) if (isRecord(arg)) keys += Object.keys(arg).length;
    if (!budget.charge(keys)) return budget.reach('elements');
    const out: PropRecord = {};
    for (const arg of args) if (isRecord(arg)) Object.assign(out, arg);
    return out;
  },
  concat: (args, budget) => {
    let length = 0;
    for (const arg of args) if (Array.isArray(arg)) length += arg.length;
    if (!budget.charge(length)) return budget.reach('elements');
    const out: PropValue[] = [];
    for (const arg of args) if (Array.isArray(arg)) for (const item of arg) out.push(item);
    return out;
  },
  flatten: ([value], budget) => {
    const items = listArg(value) ?? [];
    if (!budget.chargeWalk(items)) return budget.reach('elements');
    return flattenList(items, []);
  },
  distinct: ([value], budget) => distinctItems(listArg(value) ?? [], budget),
  compact: ([value], budget) => {
    const items = listArg(value) ?? [];
    if (!budget.charge(items.length)) return budget.reach('elements');
    return items.filter((item) => item !== null && item !== '');
  },
  tolist: ([value]) => value ?? null,
  toset: ([value], budget) => distinctItems(listArg(value) ?? [], budget),
  tomap: ([value]) => value ?? null,
  tostring: ([value]) => (value === null || value === undefined ? null : (toText(value) ?? new Unknown('tostring of a value that is not a scalar'))),
  tonumber: ([value]) => (value === null || value === undefined ? null : (toNumber(value) ?? new Unknown('tonumber of a value that is not a number'))),
  tobool: ([value]) => (value === null || value === undefined ? null : (toBool(value) ?? new Unknown('tobool of a value that is not a boolean'))),
  length: ([value]) => (Array.isArray(value) ? value.length : isRecord(value) ? Object.keys(value).length : typeof value === 'string' ? value.length : new Unknown('length of a scalar')),
  lower: ([value], budget) => (typeof value === 'string' ? (budget.charge(textCost(value.length)) ? value.toLowerCase() : budget.reach('elements')) : new Unknown('lower of a value that is not a string')),
  upper: ([value], budget) => (typeof value === 'string' ? (budget.charge(textCost(value.length)) ? value.toUpperCase() : budget.reach('elements')) : new Unknown('upper of a value that is not a string')),
  trimspace: ([value]) => (typeof value === 'string' ? value.trim() : new Unknown('trimspace of a value that is not a string')),
  join: ([separator, value], budget) => {
    const items = (listArg(value) ?? []).map(toText);
    if (typeof separator !== 'string' || items.some((item) => item === undefined)) return new Unknown('join of values that are not strings');
    let length = separator.length * Math.max(0, items.length - 1);
    for (const item of items) length += item?.length ?? 0;
    if (length > budget.limits.stringLength) return budget.reach('string', 'join');
    if (!budget.charge(items.length + textCost(length))) return budget.reach('elements');
    return items.join(separator);
  },
  split: ([separator, value], budget) => {
    if (typeof separator !== 'string' || typeof value !== 'string') return new Unknown('split of a value that is not a string');
    const parts = value.split(separator);
    return budget.charge(parts.length + textCost(value.length)) ? parts : budget.reach('elements');
  },
  replace: ([value, search, replacement], budget) => {
    if (typeof value !== 'string' || typeof search !== 'string' || typeof replacement !== 'string' || search.startsWith('/')) return new Unknown('replace with a pattern is not evaluated statically');
    const parts = value.split(search);
    const length = value.length - (parts.length - 1) * search.length + (parts.length - 1) * replacement.length;
    if (length > budget.limits.stringLength) return budget.reach('string', 'replace');
    if (!budget.charge(parts.length + textCost(length))) return budget.reach('elements');
    return parts.join(replacement);
  },
  format: ([spec, ...args], budget) => {
    if (typeof spec !== 'string') return new Unknown('format with a specification that is not a string');
    let index = 0;
    let ok = true;
    let length = 0;
    const limit = budget.limits.stringLength;
    const text = spec.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[sdvqftb])/g, (token, verb: string) => {
      if (verb === '%') return '%';
      const arg = args[index++];
      const value = arg === undefined || length > limit ? undefined : verb.endsWith('q') ? JSON.stringify(toText(arg)) : toText(arg);
      if (value === undefined) ok = false;
      length += value?.length ?? 0;
      return value ?? token;
    });
    if (length > limit || text.length > limit) return budget.reach('string', 'format');
    if (!budget.charge(textCost(text.length))) return budget.reach('elements');
    return ok ? text : new Unknown('format of values that are not scalars');
  },
  lookup: (args) => {
    const [map, key, fallback] = args;
    if (!isRecord(map) || typeof key !== 'string') return new Unknown('lookup in a value that is not a map');
    if (Object.hasOwn(map, key)) return map[key] ?? null;
    // A default given as null is a default: `lookup(m, k, null)` is null when the key is missing.
    return args.length >= 3 ? (fallback ?? null) : new Unknown(`lookup: the map has no key ${key}`);
  },
  element: ([value, index]) => {
    const items = listArg(value);
    if (!items || typeof index !== 'number' || items.length === 0) return new Unknown('element of a value that is not a list');
    return items[index % items.length] ?? null;
  },
  keys: ([value], budget) => {
    if (!isRecord(value)) return new Unknown('keys of a value that is not a map');
    const keys = Object.keys(value);
    return budget.charge(keys.length) ? keys.sort() : budget.reach('elements');
  },
  values: ([value], budget) => {
    if (!isRecord(value)) return new Unknown('values of a value that is not a map');
    const keys = Object.keys(value);
    return budget.charge(keys.length) ? keys.sort().map((key) => value[key] ?? null) : budget.reach('elements');
  },
  contains: ([value, item], budget) => {
    if (!Array.isArray(value) || item === undefined) return new Unknown('contains on a value that is not a list');
    if (!budget.chargeWalk(value)) return budget.reach('elements');
    return value.some((entry) => equal(entry, item));
  },
  coalesce: (args) => args.find((arg) => arg !== null && arg !== '') ?? null,
  coalescelist: (args) => args.find((arg) => Array.isArray(arg) && arg.length > 0) ?? [],
  zipmap: ([names, items], budget) => {
    const keys = listArg(names);
    const values = listArg(items);
    if (!keys || !values) return new Unknown('zipmap of values that are not lists');
    if (!budget.charge(keys.length)) return budget.reach('elements');
    const out: PropRecord = {};
    keys.forEach((key, index) => {
      out[String(key)] = values[index] ?? null;
    });
    return out;
  },
  range: (args, budget) => {
    const numbers = args.map(toNumber).filter((value): value is number => value !== undefined);
    if (numbers.length !== args.length) return new Unknown('range of values that are not numbers');
    const [a = 0, b, c = 1] = numbers;
    const [start, end] = b === undefined ? [0, a] : [a, b];
    if (c === 0 || !Number.isFinite(c)) return new Unknown('range with a step of zero');
    const count = Math.max(0, Math.ceil((end - start) / c));
    // Counted before the list is made: range(1e12) must not allocate first.
    if (!Number.isFinite(count) || !budget.charge(count)) return budget.reach('elements', 'range');
    const out: number[] = [];
    for (let index = 0; index < count; index += 1) out.push(start + index * c);
    return out;
  },
  max: (args) => extreme(args, Math.max, -Infinity),
  min: (args) => extreme(args, Math.min, Infinity),
  abs: ([value]) => Math.abs(toNumber(value ?? null) ?? Number.NaN),
  one: ([value]) => {
    if (value === null) return null;
    if (!Array.isArray(value)) return new Unknown('one of a value that is not a list');
    return value.length > 1 ? new Unknown('one of a list with more than one element, which Terraform reports as an error') : (value[0] ?? null);
  },
  sort: ([value], budget) => {
    const items = listArg(value) ?? [];
    if (!budget.charge(items.length * Math.max(1, Math.ceil(Math.log2(items.length + 1))))) return budget.reach('elements');
    return items.slice().sort((a, b) => String(a).localeCompare(String(b)));
  },
  reverse: ([value], budget) => {
    const items = listArg(value) ?? [];
    return budget.charge(items.length) ? items.slice().reverse() : budget.reach('elements');
  },
  startswith: ([value, prefix]) => (typeof value === 'string' && typeof prefix === 'string' ? value.startsWith(prefix) : new Unknown('startswith of a value that is not a string')),
  endswith: ([value, suffix]) => (typeof value === 'string' && typeof suffix === 'string' ? value.endsWith(suffix) : new Unknown('endswith of a value that is not a string')),
  trimprefix: ([value, prefix]) => (typeof value === 'string' && typeof prefix === 'string' ? (prefix !== '' && value.startsWith(prefix) ? value.slice(prefix.length) : value) : new Unknown('trimprefix of a value that is not a string')),
  trimsuffix: ([value, suffix]) => (typeof value === 'string' && typeof suffix === 'string' ? (suffix !== '' && value.endsWith(suffix) ? value.slice(0, value.length - suffix.length) : value) : new Unknown('trimsuffix of a value that is not a string')),
  trim: ([value, cutset]) => {
    if (typeof value !== 'string' || typeof cutset !== 'string') return new Unknown('trim of a value that is not a string');
    const cut = new Set(cutset);
    let start = 0;
    let end = value.length;
    while (start < end && cut.has(value[start] ?? '')) start += 1;
    while (end > start && cut.has(value[end - 1] ?? '')) end -= 1;
    return value.slice(start, end);
  },
  title: ([value]) => (typeof value === 'string' ? value.replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_match, before: string, letter: string) => `${before}${letter.toUpperCase()}`) : new Unknown('title of a value that is not a string')),
  strrev: ([value]) => (typeof value === 'string' ? [...value].reverse().join('') : new Unknown('strrev of a value that is not a string')),
  chomp: ([value]) => (typeof value === 'string' ? value.replace(/(\r?\n)+$/, '') : new Unknown('chomp of a value that is not a string')),
  basename: ([value]) => (typeof value === 'string' ? goBase(value) : new Unknown('basename of a value that is not a string')),
  dirname: ([value]) => (typeof value === 'string' ? goDir(value) : new Unknown('dirname of a value that is not a string')),
  regex: (args) => regex(args),
  regexall: (args) => regexall(args),
  cidrsubnet: (args) => cidrsubnet(args),
  cidrsubnets: (args) => cidrsubnets(args),
  cidrhost: (args) => cidrhost(args),
  alltrue: ([value]) => {
    const items = listArg(value);
    if (!items) return new Unknown('alltrue of a value that is not a list');
    const bools = items.map(toBool);
    return bools.some((item) => item === undefined) ? new Unknown('alltrue of values that are not booleans') : bools.every(Boolean);
  },
  anytrue: ([value]) => {
    const items = listArg(value);
    if (!items) return new Unknown('anytrue of a value that is not a list');
    const bools = items.map(toBool);
    return bools.some((item) => item === undefined) ? new Unknown('anytrue of values that are not booleans') : bools.some(Boolean);
  },
  sum: ([value]) => {
    const items = listArg(value);
    if (!items || items.length === 0) return new Unknown('sum of a value that is not a list of numbers');
    let total = 0;
    for (const item of items) {
      const number = toNumber(item);
      if (number === undefined) return new Unknown('sum of values that are not numbers');
      total += number;
    }
    return total;
  },
  slice: ([value, start, end], budget) => {
    const items = listArg(value);
    if (!items || typeof start !== 'number' || typeof end !== 'number') return new Unknown('slice of a value that is not a list');
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > items.length || start > end) return new Unknown(`slice: indexes ${start} to ${end} are outside the list of ${items.length}, which Terraform reports as an error`);
    return budget.charge(end - start) ? items.slice(start, end) : budget.reach('elements');
  },
  index: ([value, item]) => {
    const items = listArg(value);
    if (!items || item === undefined) return new Unknown('index of a value that is not a list');
    const at = items.findIndex((entry) => equal(entry, item));
    return at >= 0 ? at : new Unknown('index: the item is not in the list, which Terraform reports as an error');
  },
  setunion: (args, budget) => {
    const items: PropValue[] = [];
    for (const arg of args) for (const item of listArg(arg) ?? []) items.push(item);
    return distinctItems(items, budget);
  },
  nonsensitive: ([value]) => value ?? null,
  sensitive: ([value]) => (value === null || value === undefined ? null : new Redacted(true)),
  substr: ([value, offset, length]) =>
    typeof value === 'string' && typeof offset === 'number' && typeof length === 'number' ? value.substr(offset, length < 0 ? undefined : length) : new Unknown('substr of a value that is not a string'),
  base64encode: ([value], budget) => {
    if (typeof value !== 'string') return new Unknown('base64encode of a value that is not a string');
    if (!budget.charge(textCost(value.length))) return budget.reach('elements');
    return budget.checkedString(Buffer.from(value, 'utf8').toString('base64'));
  },
  base64decode: ([value], budget) => {
    if (typeof value !== 'string') return new Unknown('base64decode of a value that is not a string');
    if (!budget.charge(textCost(value.length))) return budget.reach('elements');
    return Buffer.from(value, 'base64').toString('utf8');
  },
  list: (args) => args,
  map: (args) => {
    const out: PropRecord = {};
    for (let index = 0; index + 1 < args.length; index += 2) out[String(args[index])] = args[index + 1] ?? null;
    return out;
  },
};

/** Go's filepath.Clean for slash-separated paths, as Terraform's path functions use it. */
function goClean(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !rooted) parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Go's filepath.Base: the last element, trailing slashes dropped; `.` for an empty path, `/` for the root. */
function goBase(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's filepath.Dir: everything before the last slash, cleaned. */
function goDir(path: string): string {
  return goClean(path.slice(0, path.lastIndexOf('/') + 1));
}

/** Functions whose result depends on files, time or randomness: never guessed. */
const IMPURE = new Set(['file', 'filebase64', 'templatefile', 'fileexists', 'fileset', 'timestamp', 'uuid', 'bcrypt', 'plantimestamp', 'filemd5', 'filesha256']);

export class Evaluator {
  private readonly frames: Array<Map<string, PropValue>> = [];

  constructor(
    private readonly scope: EvaluationScope,
    /** Shared by every evaluator of one root module: the limits hold for the root as a whole. */
    readonly budget: EvaluationBudget = new EvaluationBudget(),
  ) {}

  private get meter(): ValueMeter {
    return this.budget.meter;
  }

  /** Runs one level of evaluation, or gives the limit's `Unknown` when evaluation is already too deep. */
  descend(run: () => PropValue): PropValue {
    const budget = this.budget;
    if (budget.depth >= budget.limits.evaluationDepth) return budget.reach('evaluationDepth');
    budget.depth += 1;
    try {
      return run();
    } finally {
      budget.depth -= 1;
    }
  }

  /** Evaluates a value as hcl2json gives it: strings are templates, lists and objects are walked. */
  value(raw: unknown, level = 0): PropValue {
    if (typeof raw === 'string') return this.templateText(raw);
    if (raw === null || typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (typeof raw !== 'object') return new Unknown('unsupported value');
    const budget = this.budget;
    if (level >= budget.limits.valueDepth) return budget.reach('valueDepth');
    if (Array.isArray(raw)) {
      if (!budget.charge(raw.length)) return budget.reach('elements');
      return this.descend(() => {
        const out: PropValue[] = [];
        for (const item of raw) out.push(this.value(item, level + 1));
        return budget.checked(out);
      });
    }
    const entries = Object.entries(raw);
    if (!budget.charge(entries.length)) return budget.reach('elements');
    return this.descend(() => {
      const out: PropRecord = {};
      for (const [key, item] of entries) {
        const name = key.includes('${') ? toText(this.templateText(key)) : key;
        if (name !== undefined) out[name] = this.value(item, level + 1);
      }
      return budget.checked(out);
    });
  }

  templateText(text: string): PropValue {
    if (!text.includes('${') && !text.includes('%{')) return this.budget.checkedString(text);
    try {
      return this.template(parseTemplate(text, this.budget.limits.expressionNesting));
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) return new Unknown(`expression not understood: ${error.message}`);
      throw error;
    }
  }

  /** Evaluates expression source text (no surrounding `${}`). */
  expressionText(text: string): PropValue {
    try {
      return this.evaluate(parseExpression(text, this.budget.limits.expressionNesting));
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) return new Unknown(`expression not understood: ${error.message}`);
      throw error;
    }
  }

  withFrame<T>(frame: Map<string, PropValue>, run: () => T): T {
    this.frames.push(frame);
    try {
      return run();
    } finally {
      this.frames.pop();
    }
  }

  template(parts: TemplatePart[]): PropValue {
    const only = parts[0];
    if (parts.length === 1 && only !== undefined && typeof only === 'object' && 'expr' in only) return this.evaluate(only.expr);
    const limit = this.budget.limits.stringLength;
    let text = '';
    let shown = '';
    let unresolved: Unknown | Redacted | undefined;
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        shown += part;
      } else if ('directive' in part) {
        unresolved ??= new Unknown('template directives (%{...}) are not evaluated statically');
        shown += part.directive;
      } else {
        const value = this.evaluate(part.expr);
        const piece = value === null ? undefined : toText(value);
        if (piece === undefined) {
          unresolved ??= unknownFrom(value, `\${${part.source}} is not a plain value`, this.meter);
          if (isRedacted(value)) unresolved = value;
          // A reference is shown by the address it resolved to, which names the resource even inside a module.
          shown += isReference(value) ? `\${${value.target}${value.attribute ? `.${value.attribute}` : ''}}` : `\${${part.source}}`;
        } else {
          text += piece;
          shown += piece;
        }
      }
      // Checked as it grows: "${local.a}${local.a}" doubled forty times must stop at the limit, not at 2^40.
      if (text.length > limit || shown.length > limit) return this.budget.reach('string', 'a string template');
    }
    if (!this.budget.charge(textCost(text.length))) return this.budget.reach('elements');
    if (isRedacted(unresolved)) return new Redacted(true);
    return unresolved ? new Unknown(unresolved.reason, shown) : text;
  }

  evaluate(expr: Expr): PropValue {
    // Once the root's allowance is spent, nothing more is computed: the rest is unknown, quickly.
    if (this.budget.exhausted) return this.budget.reach('elements');
    return this.descend(() => this.evaluateNode(expr));
  }

  private evaluateNode(expr: Expr): PropValue {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return this.template(expr.parts);
      case 'tuple': {
        if (!this.budget.charge(expr.items.length)) return this.budget.reach('elements');
        const out: PropValue[] = [];
        for (const item of expr.items) out.push(this.evaluate(item));
        return this.budget.checked(out);
      }
      case 'object': {
        if (!this.budget.charge(expr.entries.length)) return this.budget.reach('elements');
        const out: PropRecord = {};
        for (const entry of expr.entries) {
          const key = this.evaluate(entry.key);
          const name = toText(key);
          if (name === undefined) return new Unknown('an object key is not known statically');
          out[name] = this.evaluate(entry.value);
        }
        return this.budget.checked(out);
      }
      case 'variable':
      case 'attr':
      case 'index':
        return this.traversal(expr);
      case 'splat':
        return this.splat(expr);
      case 'call':
        return this.call(expr);
      case 'conditional': {
        const condition = this.evaluate(expr.condition);
        const decided = toBool(condition);
        if (decided === undefined) return unknownFrom(condition, 'the condition is not known statically', this.meter);
        return this.evaluate(decided ? expr.then : expr.otherwise);
      }
      case 'unary': {
        const operand = this.evaluate(expr.operand);
        if (expr.op === '!') {
          const value = toBool(operand);
          return value === undefined ? unknownFrom(operand, 'negation of a value that is not a boolean', this.meter) : !value;
        }
        const number = toNumber(operand);
        return number === undefined ? unknownFrom(operand, 'negative of a value that is not a number', this.meter) : -number;
      }
      case 'binary':
        return this.binary(expr.op, this.evaluate(expr.left), () => this.evaluate(expr.right));
      case 'for':
        return this.forExpression(expr);
    }
  }

  private binary(op: string, left: PropValue, rightThunk: () => PropValue): PropValue {
    const meter = this.meter;
    if (op === '&&' || op === '||') {
      const a = toBool(left);
      if (a === false && op === '&&') return false;
      if (a === true && op === '||') return true;
      const right = rightThunk();
      const b = toBool(right);
      if (a === undefined) return unknownFrom(left, 'a logical operand is not known statically', meter);
      if (b === undefined) return unknownFrom(right, 'a logical operand is not known statically', meter);
      return b;
    }
    const right = rightThunk();
    if (!meter.fullyKnown(left)) return unknownFrom(left, 'an operand is not known statically', meter);
    if (!meter.fullyKnown(right)) return unknownFrom(right, 'an operand is not known statically', meter);
    if (op === '==' || op === '!=') {
      const same = equalWithin(left, right, this.budget);
      if (typeof same !== 'boolean') return same;
      return op === '==' ? same : !same;
    }
    const a = toNumber(left);
    const b = toNumber(right);
    if (a === undefined || b === undefined) return new Unknown(`operator ${op} on values that are not numbers`);
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return a / b;
      case '%':
        return a % b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '<=':
        return a <= b;
      default:
        return a >= b;
    }
  }

  private traversal(expr: Expr): PropValue {
    const steps: TraversalStep[] = [];
    let current = expr;
    const keys: Expr[] = [];
    while (current.kind === 'attr' || current.kind === 'index') {
      if (current.kind === 'attr') steps.push(current.name);
      else {
        keys.push(current.key);
        steps.push(-1);
      }
      current = current.target;
    }
    // Collected from the outermost step inwards; reversed once (unshift on each step is quadratic on long chains).
    steps.reverse();
    keys.reverse();
    // Index keys are evaluated in order and put in place of the -1 markers.
    let keyIndex = 0;
    for (let index = 0; index < steps.length; index += 1) {
      if (steps[index] !== -1) continue;
      const keyExpr = keys[keyIndex++];
      const key = keyExpr ? this.evaluate(keyExpr) : null;
      if (typeof key === 'number' || typeof key === 'string') steps[index] = key;
      else return unknownFrom(key, 'an index is not known statically', this.meter);
    }
    if (current.kind !== 'variable') {
      return applySteps(this.evaluate(current), steps);
    }
    for (let index = this.frames.length - 1; index >= 0; index -= 1) {
      const frame = this.frames[index];
      if (frame?.has(current.name)) return applySteps(frame.get(current.name) ?? null, steps);
    }
    return this.scope.traverse(current.name, steps, [current.name, describeStep(steps)].join(''));
  }

  private call(expr: Extract<Expr, { kind: 'call' }>): PropValue {
    const meter = this.meter;
    const name = expr.name.replace(/^core::/, '');
    if (name === 'try' || name === 'can') {
      for (const arg of expr.args) {
        const value = this.evaluate(arg);
        if (meter.fullyKnown(value) && !(value === null && name === 'try')) return name === 'can' ? true : value;
        if (name === 'try' && !isUnknown(value)) return value;
      }
      return new Unknown(`${name}(...) is not known statically`);
    }
    if (IMPURE.has(name)) return new Unknown(`${name}(...) reads files or the clock: not evaluated statically`);
    const impl = FUNCTIONS[name];
    if (!impl) return new Unknown(`function ${name} is not evaluated statically`);
    let args: PropValue[] = [];
    for (const arg of expr.args) args.push(this.evaluate(arg));
    if (expr.expand) {
      const last = args[args.length - 1];
      if (Array.isArray(last)) {
        if (!this.budget.charge(last.length)) return this.budget.reach('elements');
        args = args.slice(0, -1);
        for (const item of last) args.push(item);
      }
    }
    if (name === 'jsonencode' || name === 'merge' || name === 'concat' || name === 'tolist' || name === 'tomap' || name === 'flatten' || name === 'lookup' || name === 'coalesce' || name === 'one' || name === 'element') {
      // These keep unknown parts in place: a policy built with jsonencode() around a reference keeps its known statements.
      const first = args[0];
      if (name === 'jsonencode') return first !== undefined && meter.fullyKnown(first) ? jsonText(first, this.budget) : (first ?? null);
      if (args.some((arg) => isUnknown(arg) || isReference(arg) || isRedacted(arg))) return unknownFrom(args.find((arg) => !meter.fullyKnown(arg)) ?? null, `${name}(...) is not known statically`, meter);
      return this.budget.checked(impl(args, this.budget));
    }
    // How many items, and which keys, do not depend on the items' values: a map of ARNs known only after apply has known keys.
    if ((name === 'length' || name === 'keys') && args.length === 1 && (Array.isArray(args[0]) || isRecord(args[0]))) return this.budget.checked(impl(args, this.budget));
    const unresolved = args.find((arg) => !meter.fullyKnown(arg));
    if (unresolved !== undefined) return unknownFrom(unresolved, `${name}(...) is not known statically`, meter);
    return this.budget.checked(impl(args, this.budget));
  }

  /** `list[*].attr`: the steps applied to each element; null is an empty list and a single value a list of one. */
  private splat(expr: Extract<Expr, { kind: 'splat' }>): PropValue {
    const target = this.evaluate(expr.target);
    if (target === null) return [];
    if (isUnknown(target) || isReference(target) || isRedacted(target)) return unknownFrom(target, `splat expression ${expr.source} is not known statically`, this.meter);
    const items = Array.isArray(target) ? target : [target];
    if (!this.budget.charge(items.length)) return this.budget.reach('elements', 'a splat expression');
    const out: PropValue[] = [];
    for (const item of items) out.push(this.withFrame(new Map([[SPLAT_ELEMENT, item]]), () => this.evaluate(expr.each)));
    return this.budget.checked(out);
  }

  private forExpression(expr: Extract<Expr, { kind: 'for' }>): PropValue {
    const collection = this.evaluate(expr.collection);
    if (!Array.isArray(collection) && !isRecord(collection)) return unknownFrom(collection, 'the collection of a for expression is not known statically', this.meter);
    const keys: PropValue[] | undefined = Array.isArray(collection) ? undefined : Object.keys(collection);
    const items: PropValue[] = Array.isArray(collection) ? collection : (keys ?? []).map((key) => collection[String(key)] ?? null);
    const list: PropValue[] = [];
    const object: PropRecord = {};
    // Groups (`=> value...`) gather in place: copying the group on every item is quadratic.
    const groups = new Map<string, PropValue[]>();
    for (let index = 0; index < items.length; index += 1) {
      const key = keys ? (keys[index] ?? null) : index;
      const item = items[index] ?? null;
      // Every round counts, kept or not: [for i in range(10000) : [for j in range(10000) : j]] stops at the limit.
      if (!this.budget.charge(1)) return this.budget.reach('elements', 'a for expression');
      const frame = new Map<string, PropValue>([[expr.valueVar, item]]);
      if (expr.keyVar) frame.set(expr.keyVar, key);
      const outcome = this.withFrame(frame, () => {
        if (expr.condition) {
          const keep = toBool(this.evaluate(expr.condition));
          if (keep === undefined) return new Unknown('the condition of a for expression is not known statically');
          if (!keep) return undefined;
        }
        const value = this.evaluate(expr.valueExpr);
        if (!expr.object || !expr.keyExpr) {
          list.push(value);
          return undefined;
        }
        const name = toText(this.evaluate(expr.keyExpr));
        if (name === undefined) return new Unknown('a key of a for expression is not known statically');
        if (expr.grouped) {
          const group = groups.get(name);
          if (group) group.push(value);
          else {
            const created = [value];
            groups.set(name, created);
            object[name] = created;
          }
        } else object[name] = value;
        return undefined;
      });
      if (outcome) return outcome;
    }
    return this.budget.checked(expr.object ? object : list);
  }
}
