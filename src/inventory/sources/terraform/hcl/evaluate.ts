/**
 * Static evaluation of HCL expressions. What can be known without running Terraform (literals, variables with values,
 * locals, known parts of templates, a set of pure functions) is computed; everything else becomes an `Unknown` that
 * says why, or a `Reference` to the resource it comes from.
 */

import { isRecord, isRedacted, isReference, isUnknown, Redacted, Unknown, type PropRecord, type PropValue, type Reference } from '../../../values.js';
import { ExpressionSyntaxError, parseExpression, parseTemplate, type Expr, type TemplatePart } from './expression.js';

export type TraversalStep = string | number;

/** What names mean where an expression is evaluated: `var`, `local`, resources, modules ... */
export interface EvaluationScope {
  /** Resolves a traversal rooted at `root` (`var`, `local`, `aws_s3_bucket`...); `steps` are the attributes and keys. */
  traverse(root: string, steps: readonly TraversalStep[], source: string): PropValue;
}

/** True when the value holds no `Unknown`, `Reference` or `Redacted` anywhere. */
export function isFullyKnown(value: PropValue): boolean {
  if (isUnknown(value) || isReference(value) || isRedacted(value)) return false;
  if (Array.isArray(value)) return value.every(isFullyKnown);
  if (isRecord(value)) return Object.values(value).every(isFullyKnown);
  return true;
}

function firstUnresolved(value: PropValue): Unknown | Reference | Redacted | undefined {
  if (isUnknown(value) || isReference(value) || isRedacted(value)) return value;
  const items = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
  for (const item of items) {
    const found = firstUnresolved(item);
    if (found) return found;
  }
  return undefined;
}

function unknownFrom(value: PropValue, fallback: string): Unknown | Redacted {
  const found = firstUnresolved(value);
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

/** Serialises a fully known value as Terraform's `jsonencode` does (no spaces). */
function jsonText(value: PropValue): string {
  return JSON.stringify(value);
}

function jsonValue(value: unknown): PropValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === 'object') {
    const out: PropRecord = {};
    for (const [key, item] of Object.entries(value)) out[key] = jsonValue(item);
    return out;
  }
  return null;
}

function equal(left: PropValue, right: PropValue): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function flattenList(items: PropValue[]): PropValue[] {
  return items.flatMap((item) => (Array.isArray(item) ? flattenList(item) : [item]));
}

type FunctionImpl = (args: PropValue[]) => PropValue;

const listArg = (value: PropValue | undefined): PropValue[] | undefined => (Array.isArray(value) ? value : undefined);

/** Pure functions evaluated statically; each receives fully known arguments (others make the call unknown). */
const FUNCTIONS: Record<string, FunctionImpl> = {
  jsonencode: ([value]) => jsonText(value ?? null),
  jsondecode: ([text]) => {
    if (typeof text !== 'string') return new Unknown('jsondecode of a value that is not a string');
    try {
      return jsonValue(JSON.parse(text));
    } catch {
      return new Unknown('jsondecode of text that is not JSON');
    }
  },
  merge: (args) => {
    const out: PropRecord = {};
    for (const arg of args) if (isRecord(arg)) Object.assign(out, arg);
    return out;
  },
  concat: (args) => args.flatMap((arg) => (Array.isArray(arg) ? arg : [])),
  flatten: ([value]) => flattenList(listArg(value) ?? []),
  distinct: ([value]) => (listArg(value) ?? []).filter((item, index, all) => all.findIndex((other) => equal(other, item)) === index),
  compact: ([value]) => (listArg(value) ?? []).filter((item) => item !== null && item !== ''),
  tolist: ([value]) => value ?? null,
  toset: ([value]) => (listArg(value) ?? []).filter((item, index, all) => all.findIndex((other) => equal(other, item)) === index),
  tomap: ([value]) => value ?? null,
  tostring: ([value]) => (value === null || value === undefined ? null : (toText(value) ?? new Unknown('tostring of a value that is not a scalar'))),
  tonumber: ([value]) => (value === null || value === undefined ? null : (toNumber(value) ?? new Unknown('tonumber of a value that is not a number'))),
  tobool: ([value]) => (value === null || value === undefined ? null : (toBool(value) ?? new Unknown('tobool of a value that is not a boolean'))),
  length: ([value]) => (Array.isArray(value) ? value.length : isRecord(value) ? Object.keys(value).length : typeof value === 'string' ? value.length : new Unknown('length of a scalar')),
  lower: ([value]) => (typeof value === 'string' ? value.toLowerCase() : new Unknown('lower of a value that is not a string')),
  upper: ([value]) => (typeof value === 'string' ? value.toUpperCase() : new Unknown('upper of a value that is not a string')),
  trimspace: ([value]) => (typeof value === 'string' ? value.trim() : new Unknown('trimspace of a value that is not a string')),
  join: ([separator, value]) => {
    const items = (listArg(value) ?? []).map(toText);
    if (typeof separator !== 'string' || items.some((item) => item === undefined)) return new Unknown('join of values that are not strings');
    return items.join(separator);
  },
  split: ([separator, value]) => (typeof separator === 'string' && typeof value === 'string' ? value.split(separator) : new Unknown('split of a value that is not a string')),
  replace: ([value, search, replacement]) =>
    typeof value === 'string' && typeof search === 'string' && typeof replacement === 'string' && !search.startsWith('/')
      ? value.split(search).join(replacement)
      : new Unknown('replace with a pattern is not evaluated statically'),
  format: ([spec, ...args]) => {
    if (typeof spec !== 'string') return new Unknown('format with a specification that is not a string');
    let index = 0;
    let ok = true;
    const text = spec.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[sdvqftb])/g, (token, verb: string) => {
      if (verb === '%') return '%';
      const arg = args[index++];
      const value = arg === undefined ? undefined : verb.endsWith('q') ? JSON.stringify(toText(arg)) : toText(arg);
      if (value === undefined) ok = false;
      return value ?? token;
    });
    return ok ? text : new Unknown('format of values that are not scalars');
  },
  lookup: ([map, key, fallback]) => {
    if (!isRecord(map) || typeof key !== 'string') return new Unknown('lookup in a value that is not a map');
    return map[key] ?? fallback ?? new Unknown(`lookup: the map has no key ${key}`);
  },
  element: ([value, index]) => {
    const items = listArg(value);
    if (!items || typeof index !== 'number' || items.length === 0) return new Unknown('element of a value that is not a list');
    return items[index % items.length] ?? null;
  },
  keys: ([value]) => (isRecord(value) ? Object.keys(value).sort() : new Unknown('keys of a value that is not a map')),
  values: ([value]) => (isRecord(value) ? Object.keys(value).sort().map((key) => value[key] ?? null) : new Unknown('values of a value that is not a map')),
  contains: ([value, item]) => (Array.isArray(value) && item !== undefined ? value.some((entry) => equal(entry, item)) : new Unknown('contains on a value that is not a list')),
  coalesce: (args) => args.find((arg) => arg !== null && arg !== '') ?? null,
  coalescelist: (args) => args.find((arg) => Array.isArray(arg) && arg.length > 0) ?? [],
  zipmap: ([names, items]) => {
    const keys = listArg(names);
    const values = listArg(items);
    if (!keys || !values) return new Unknown('zipmap of values that are not lists');
    const out: PropRecord = {};
    keys.forEach((key, index) => {
      out[String(key)] = values[index] ?? null;
    });
    return out;
  },
  range: (args) => {
    const numbers = args.map(toNumber).filter((value): value is number => value !== undefined);
    if (numbers.length !== args.length) return new Unknown('range of values that are not numbers');
    const [a = 0, b, c = 1] = numbers;
    const [start, end] = b === undefined ? [0, a] : [a, b];
    const out: number[] = [];
    for (let value = start; c > 0 ? value < end : value > end; value += c) {
      out.push(value);
      if (out.length > 10_000) break;
    }
    return out;
  },
  max: (args) => Math.max(...args.map((arg) => toNumber(arg) ?? Number.NaN)),
  min: (args) => Math.min(...args.map((arg) => toNumber(arg) ?? Number.NaN)),
  abs: ([value]) => Math.abs(toNumber(value ?? null) ?? Number.NaN),
  one: ([value]) => (Array.isArray(value) ? (value[0] ?? null) : new Unknown('one of a value that is not a list')),
  sort: ([value]) => [...(listArg(value) ?? [])].sort((a, b) => String(a).localeCompare(String(b))),
  reverse: ([value]) => [...(listArg(value) ?? [])].reverse(),
  startswith: ([value, prefix]) => typeof value === 'string' && typeof prefix === 'string' && value.startsWith(prefix),
  endswith: ([value, suffix]) => typeof value === 'string' && typeof suffix === 'string' && value.endsWith(suffix),
  substr: ([value, offset, length]) =>
    typeof value === 'string' && typeof offset === 'number' && typeof length === 'number' ? value.substr(offset, length < 0 ? undefined : length) : new Unknown('substr of a value that is not a string'),
  base64encode: ([value]) => (typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : new Unknown('base64encode of a value that is not a string')),
  base64decode: ([value]) => (typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : new Unknown('base64decode of a value that is not a string')),
  list: (args) => args,
  map: (args) => {
    const out: PropRecord = {};
    for (let index = 0; index + 1 < args.length; index += 2) out[String(args[index])] = args[index + 1] ?? null;
    return out;
  },
};

/** Functions whose result depends on files, time or randomness: never guessed. */
const IMPURE = new Set(['file', 'filebase64', 'templatefile', 'fileexists', 'fileset', 'timestamp', 'uuid', 'bcrypt', 'plantimestamp', 'filemd5', 'filesha256']);

export class Evaluator {
  private readonly frames: Array<Map<string, PropValue>> = [];

  constructor(private readonly scope: EvaluationScope) {}

  /** Evaluates a value as hcl2json gives it: strings are templates, lists and objects are walked. */
  value(raw: unknown): PropValue {
    if (typeof raw === 'string') return this.templateText(raw);
    if (raw === null || typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (Array.isArray(raw)) return raw.map((item) => this.value(item));
    if (typeof raw === 'object') {
      const out: PropRecord = {};
      for (const [key, item] of Object.entries(raw)) {
        const name = key.includes('${') ? toText(this.templateText(key)) : key;
        if (name !== undefined) out[name] = this.value(item);
      }
      return out;
    }
    return new Unknown('unsupported value');
  }

  templateText(text: string): PropValue {
    if (!text.includes('${') && !text.includes('%{')) return text;
    try {
      return this.template(parseTemplate(text));
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) return new Unknown(`expression not understood: ${error.message}`);
      throw error;
    }
  }

  /** Evaluates expression source text (no surrounding `${}`). */
  expressionText(text: string): PropValue {
    try {
      return this.evaluate(parseExpression(text));
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
    let text = '';
    let shown = '';
    let unresolved: Unknown | Redacted | undefined;
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        shown += part;
        continue;
      }
      if ('directive' in part) {
        unresolved ??= new Unknown('template directives (%{...}) are not evaluated statically');
        shown += part.directive;
        continue;
      }
      const value = this.evaluate(part.expr);
      const piece = value === null ? undefined : toText(value);
      if (piece === undefined) {
        unresolved ??= unknownFrom(value, `\${${part.source}} is not a plain value`);
        if (isRedacted(value)) unresolved = value;
        // A reference is shown by the address it resolved to, which names the resource even inside a module.
        shown += isReference(value) ? `\${${value.target}${value.attribute ? `.${value.attribute}` : ''}}` : `\${${part.source}}`;
      } else {
        text += piece;
        shown += piece;
      }
    }
    if (isRedacted(unresolved)) return new Redacted(true);
    return unresolved ? new Unknown(unresolved.reason, shown) : text;
  }

  evaluate(expr: Expr): PropValue {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return this.template(expr.parts);
      case 'tuple':
        return expr.items.map((item) => this.evaluate(item));
      case 'object': {
        const out: PropRecord = {};
        for (const entry of expr.entries) {
          const key = this.evaluate(entry.key);
          const name = toText(key);
          if (name === undefined) return new Unknown('an object key is not known statically');
          out[name] = this.evaluate(entry.value);
        }
        return out;
      }
      case 'variable':
      case 'attr':
      case 'index':
        return this.traversal(expr);
      case 'splat':
        return new Unknown(`splat expression ${expr.source} is not evaluated statically`);
      case 'call':
        return this.call(expr);
      case 'conditional': {
        const condition = this.evaluate(expr.condition);
        const decided = toBool(condition);
        if (decided === undefined) return unknownFrom(condition, 'the condition is not known statically');
        return this.evaluate(decided ? expr.then : expr.otherwise);
      }
      case 'unary': {
        const operand = this.evaluate(expr.operand);
        if (expr.op === '!') {
          const value = toBool(operand);
          return value === undefined ? unknownFrom(operand, 'negation of a value that is not a boolean') : !value;
        }
        const number = toNumber(operand);
        return number === undefined ? unknownFrom(operand, 'negative of a value that is not a number') : -number;
      }
      case 'binary':
        return this.binary(expr.op, this.evaluate(expr.left), () => this.evaluate(expr.right));
      case 'for':
        return this.forExpression(expr);
    }
  }

  private binary(op: string, left: PropValue, rightThunk: () => PropValue): PropValue {
    if (op === '&&' || op === '||') {
      const a = toBool(left);
      if (a === false && op === '&&') return false;
      if (a === true && op === '||') return true;
      const right = rightThunk();
      const b = toBool(right);
      if (a === undefined) return unknownFrom(left, 'a logical operand is not known statically');
      if (b === undefined) return unknownFrom(right, 'a logical operand is not known statically');
      return b;
    }
    const right = rightThunk();
    if (!isFullyKnown(left)) return unknownFrom(left, 'an operand is not known statically');
    if (!isFullyKnown(right)) return unknownFrom(right, 'an operand is not known statically');
    if (op === '==') return equal(left, right);
    if (op === '!=') return !equal(left, right);
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
      if (current.kind === 'attr') steps.unshift(current.name);
      else keys.unshift(current.key);
      if (current.kind === 'index') steps.unshift(-1);
      current = current.target;
    }
    // Index keys are evaluated in order and put in place of the -1 markers.
    let keyIndex = 0;
    for (let index = 0; index < steps.length; index += 1) {
      if (steps[index] !== -1) continue;
      const keyExpr = keys[keyIndex++];
      const key = keyExpr ? this.evaluate(keyExpr) : null;
      if (typeof key === 'number' || typeof key === 'string') steps[index] = key;
      else return unknownFrom(key, 'an index is not known statically');
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
    const name = expr.name.replace(/^core::/, '');
    if (name === 'try' || name === 'can') {
      for (const arg of expr.args) {
        const value = this.evaluate(arg);
        if (isFullyKnown(value) && !(value === null && name === 'try')) return name === 'can' ? true : value;
        if (name === 'try' && !isUnknown(value)) return value;
      }
      return new Unknown(`${name}(...) is not known statically`);
    }
    if (IMPURE.has(name)) return new Unknown(`${name}(...) reads files or the clock: not evaluated statically`);
    const impl = FUNCTIONS[name];
    if (!impl) return new Unknown(`function ${name} is not evaluated statically`);
    let args = expr.args.map((arg) => this.evaluate(arg));
    if (expr.expand) {
      const last = args[args.length - 1];
      if (Array.isArray(last)) args = [...args.slice(0, -1), ...last];
    }
    if (name === 'jsonencode' || name === 'merge' || name === 'concat' || name === 'tolist' || name === 'tomap' || name === 'flatten' || name === 'lookup' || name === 'coalesce' || name === 'one' || name === 'element') {
      // These keep unknown parts in place: a policy built with jsonencode() around a reference keeps its known statements.
      const first = args[0];
      if (name === 'jsonencode') return first !== undefined && isFullyKnown(first) ? jsonText(first) : (first ?? null);
      if (args.some((arg) => isUnknown(arg) || isReference(arg) || isRedacted(arg))) return unknownFrom(args.find((arg) => !isFullyKnown(arg)) ?? null, `${name}(...) is not known statically`);
      return impl(args);
    }
    const unresolved = args.find((arg) => !isFullyKnown(arg));
    if (unresolved !== undefined) return unknownFrom(unresolved, `${name}(...) is not known statically`);
    return impl(args);
  }

  private forExpression(expr: Extract<Expr, { kind: 'for' }>): PropValue {
    const collection = this.evaluate(expr.collection);
    if (!Array.isArray(collection) && !isRecord(collection)) return unknownFrom(collection, 'the collection of a for expression is not known statically');
    const entries: Array<[PropValue, PropValue]> = Array.isArray(collection)
      ? collection.map((item, index) => [index, item])
      : Object.entries(collection).map(([key, item]) => [key, item]);
    const list: PropValue[] = [];
    const object: PropRecord = {};
    for (const [key, item] of entries) {
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
          const group = object[name];
          object[name] = Array.isArray(group) ? [...group, value] : [value];
        } else object[name] = value;
        return undefined;
      });
      if (outcome) return outcome;
    }
    return expr.object ? object : list;
  }
}

