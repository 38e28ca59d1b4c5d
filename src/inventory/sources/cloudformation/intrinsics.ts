import { isRedacted, isReference, isUnknown, Reference, Unknown, type PropRecord, type PropValue } from '../../values.js';
import type { TemplateValue } from './parse-yaml.js';

/** Marks `AWS::NoValue`: the property is removed, as CloudFormation removes it. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
type Resolved = PropValue | typeof NO_VALUE;

export interface TemplateScope {
  /** Parameter values: the default, or an `Unknown` when the template gives none. */
  parameters: ReadonlyMap<string, PropValue>;
  resourceIds: ReadonlySet<string>;
  mappings: TemplateValue | undefined;
  conditions: ReadonlyMap<string, TemplateValue>;
  /** Reports a problem the scan can live with (a reference to nothing, a cyclic condition ...), at a line if known. */
  report(message: string, line?: number): void;
  /** The line where an object or list of the template is written, for problems. */
  lineOf?(value: TemplateValue): number | undefined;
  /**
   * Why a name that is not in the template may still name a resource at deploy time: a transform (SAM, a macro, the
   * language extensions) or a Rain module makes resources the template does not list. A `Ref` or `Fn::GetAtt` to
   * such a name is then `Unknown` with that reason, and not reported as a reference to nothing.
   */
  madeElsewhere?(name: string): string | undefined;
}

/**
 * Bounds of one template's evaluation (docs/limits.md). A template is untrusted input: without them, a few lines of
 * intrinsic functions can build values of exponential size, and a long chain of conditions can exhaust the stack.
 */
export interface EvaluationLimits {
  /** Values the resolver may produce for the whole template; beyond, every value left to resolve is `Unknown`. */
  values: number;
  /** Values, intrinsic functions and conditions inside one another; deeper, the value is `Unknown`. */
  depth: number;
  /** Characters of a string the resolver builds (`Fn::Join`, `Fn::Sub`, `Fn::ToJsonString`); longer, it is `Unknown`. */
  stringLength: number;
}

/** Values the resolver may produce beyond those written in the template (the budget is these plus those). */
export const EXTRA_EVALUATION_VALUES = 1_000_000;
export const MAX_EVALUATION_DEPTH = 100;
export const MAX_BUILT_STRING_LENGTH = 1024 * 1024;

export const DEFAULT_EVALUATION_LIMITS: EvaluationLimits = {
  values: EXTRA_EVALUATION_VALUES,
  depth: MAX_EVALUATION_DEPTH,
  stringLength: MAX_BUILT_STRING_LENGTH,
};

const PSEUDO_PARAMETERS: Record<string, PropValue> = {
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::Partition': new Unknown('AWS::Partition is known only at deploy time'),
  'AWS::Region': new Unknown('AWS::Region is known only at deploy time'),
  'AWS::AccountId': new Unknown('AWS::AccountId is known only at deploy time'),
  'AWS::StackName': new Unknown('AWS::StackName is known only at deploy time'),
  'AWS::StackId': new Unknown('AWS::StackId is known only at deploy time'),
  'AWS::NotificationARNs': new Unknown('AWS::NotificationARNs is known only at deploy time'),
};

function isTemplateRecord(value: TemplateValue): value is { [key: string]: TemplateValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The language extensions' loop: a key `Fn::ForEach::<name>` in a mapping (of resources, outputs or properties). */
export const FOR_EACH_PREFIX = 'Fn::ForEach::';

export const FOR_EACH_MESSAGE = 'Fn::ForEach needs the AWS::LanguageExtensions transform, which demarc does not expand';

/**
 * The single `Fn::*` / `Ref` key of an intrinsic function object, if it is one. Rain's directives (`!Rain::Embed`,
 * `!Rain::S3Http` ...), which `rain pkg` replaces before CloudFormation sees the template, count as functions too.
 * A `Fn::ForEach::` loop is not a function: it makes keys of the mapping that holds it.
 */
export function intrinsicOf(value: TemplateValue | undefined): { name: string; argument: TemplateValue } | undefined {
  if (value === undefined || !isTemplateRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const name = keys[0] ?? '';
  if (name.startsWith(FOR_EACH_PREFIX) || (name !== 'Ref' && !name.startsWith('Fn::') && !name.startsWith('Rain::'))) return undefined;
  return { name, argument: value[name] ?? null };
}

/**
 * Where a mapping of the `Mappings` section holds an intrinsic function. CloudFormation allows none there (mapping
 * values are literal strings and lists), and evaluating them would let one lookup start another without end.
 */
export function intrinsicsInMappings(mappings: TemplateValue | undefined, lineOf: (value: TemplateValue) => number | undefined): Array<{ path: string; name: string; line?: number }> {
  const found: Array<{ path: string; name: string; line?: number }> = [];
  if (mappings === undefined || !isTemplateRecord(mappings)) return found;
  // Iterative, and each object once: the parsed template may share objects between places (YAML aliases).
  const seen = new Set<object>();
  const pending: Array<{ value: TemplateValue; path: string; parent: TemplateValue | undefined }> = [];
  for (const [name, map] of Object.entries(mappings)) pending.push({ value: map, path: name, parent: mappings });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const intrinsic = intrinsicOf(value);
    if (intrinsic) {
      found.push({ path, name: intrinsic.name, line: lineOf(value) ?? (next.parent === undefined ? undefined : lineOf(next.parent)) });
      continue;
    }
    const entries: Array<[string, TemplateValue]> = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const entry = entries[index];
      if (entry) pending.push({ value: entry[1], path: `${path}.${entry[0]}`, parent: value });
    }
  }
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** A limit of `EvaluationLimits` that was reached; the resolver reports each once per template. */
type LimitKind = 'values' | 'depth' | 'stringLength';

export class TemplateResolver {
  private readonly conditionCache = new Map<string, boolean | Unknown>();
  private readonly evaluating: string[] = [];
  private readonly limits: EvaluationLimits;
  /** Values produced so far, against `limits.values`. */
  private produced = 0;
  private depth = 0;
  /** The innermost intrinsic function (or condition) being evaluated, to name it in problems. */
  private current: { construct: string; at: TemplateValue } | undefined;
  private readonly reached = new Set<LimitKind>();
  private readonly parameterSizes = new Map<string, number>();

  constructor(
    private readonly scope: TemplateScope,
    limits: Partial<EvaluationLimits> = {},
  ) {
    this.limits = { ...DEFAULT_EVALUATION_LIMITS, ...limits };
  }

  /** Resolves a property value; `NO_VALUE` when it resolves to `AWS::NoValue`. */
  resolve(value: TemplateValue): Resolved {
    if (!this.spend(1)) return unresolvedShape(value, this.limitReached('values'));
    if (value === null || typeof value !== 'object') return value;
    if (this.depth >= this.limits.depth) return unresolvedShape(value, this.limitReached('depth'));
    this.depth += 1;
    try {
      if (Array.isArray(value)) {
        const out: PropValue[] = [];
        for (const item of value) {
          const resolved = this.resolve(item);
          if (resolved !== NO_VALUE) out.push(resolved);
        }
        return out;
      }
      const intrinsic = intrinsicOf(value);
      if (intrinsic) {
        const outer = this.current;
        this.current = { construct: intrinsic.name, at: value };
        try {
          return this.call(intrinsic.name, intrinsic.argument);
        } finally {
          this.current = outer;
        }
      }
      const loop = Object.keys(value).find((key) => key.startsWith(FOR_EACH_PREFIX));
      if (loop !== undefined) {
        // The keys the loop makes are not known: every key is Unknown, so that none is judged as absent.
        this.scope.report(`${loop}: ${FOR_EACH_MESSAGE}; the properties it makes are Unknown`, this.scope.lineOf?.(value));
        return unresolvedShape(value, new Unknown(`${loop} makes properties that demarc does not expand (AWS::LanguageExtensions)`));
      }
      const out: PropRecord = {};
      for (const [key, item] of Object.entries(value)) {
        const resolved = this.resolve(item);
        if (resolved !== NO_VALUE) setProperty(out, key, resolved);
      }
      return out;
    } finally {
      this.depth -= 1;
    }
  }

  /** Evaluates a named condition: true, false, or unknown when it depends on an unresolved value. */
  condition(name: string): boolean | Unknown {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    if (this.evaluating.includes(name)) {
      const cycle = [...this.evaluating.slice(this.evaluating.indexOf(name)), name].join(' -> ');
      this.scope.report(`cyclic conditions: ${cycle}`);
      return new Unknown(`condition ${name} is cyclic`);
    }
    const definition = this.scope.conditions.get(name);
    if (definition === undefined) {
      this.scope.report(`condition ${name} is not defined in Conditions`);
      return new Unknown(`condition ${name} is not defined`);
    }
    // Conditions naming conditions nest like functions do: the same depth bound keeps a chain of 100,000 off the stack.
    if (this.depth >= this.limits.depth) return this.limitReached('depth', `condition ${name}`, definition);
    const outer = this.current;
    this.current = { construct: `condition ${name}`, at: definition };
    this.evaluating.push(name);
    this.depth += 1;
    let outcome: boolean | Unknown;
    try {
      outcome = this.conditionValue(definition);
    } finally {
      this.depth -= 1;
      this.evaluating.pop();
      this.current = outer;
    }
    this.conditionCache.set(name, outcome);
    return outcome;
  }

  private conditionValue(value: TemplateValue): boolean | Unknown {
    const intrinsic = intrinsicOf(value);
    if (isTemplateRecord(value) && Object.keys(value).length === 1 && typeof value['Condition'] === 'string') {
      return this.condition(value['Condition']);
    }
    if (!intrinsic) {
      const plain = this.resolve(value);
      if (typeof plain === 'boolean') return plain;
      if (plain === 'true' || plain === 'false') return plain === 'true';
      return isUnknown(plain) ? plain : new Unknown('a condition that is not a condition function');
    }
    if (this.depth >= this.limits.depth) return this.limitReached('depth', intrinsic.name, value);
    const args = Array.isArray(intrinsic.argument) ? intrinsic.argument : [intrinsic.argument];
    this.depth += 1;
    try {
      switch (intrinsic.name) {
        case 'Fn::Equals': {
          const [left, right] = args.map((arg) => this.resolve(arg));
          if (left === undefined || right === undefined || left === NO_VALUE || right === NO_VALUE) return new Unknown('Fn::Equals needs two values');
          if (containsUnresolved(left) || containsUnresolved(right)) {
            const why = unresolvedReason(left) ?? unresolvedReason(right);
            return new Unknown(`Fn::Equals compares a value known only at deploy time${why === undefined ? '' : ` (${why})`}`);
          }
          return this.sameValue(left, right, 'Fn::Equals', value);
        }
        case 'Fn::Not': {
          const inner = this.conditionValue(args[0] ?? null);
          return isUnknown(inner) ? inner : !inner;
        }
        case 'Fn::And':
        case 'Fn::Or': {
          const values = args.map((arg) => this.conditionValue(arg));
          const decisive = intrinsic.name === 'Fn::And' ? false : true;
          if (values.includes(decisive)) return decisive;
          const unresolved = values.find(isUnknown);
          return unresolved ?? !decisive;
        }
        default:
          return new Unknown(`${intrinsic.name} is not a condition function`);
      }
    } finally {
      this.depth -= 1;
    }
  }

  /** Counts `count` values produced against the budget; false once it is spent. */
  private spend(count: number): boolean {
    this.produced += count;
    return this.produced <= this.limits.values;
  }

  /**
   * The `Unknown` a value becomes when a limit is reached, reported once per template and limit, naming the
   * innermost construct being evaluated and its line.
   */
  private limitReached(kind: LimitKind, construct?: string, at?: TemplateValue): Unknown {
    const name = construct ?? this.current?.construct ?? 'a value';
    const reason =
      kind === 'values'
        ? `the template's evaluation stopped after ${this.limits.values} values`
        : kind === 'depth'
          ? `${name} nests more than ${this.limits.depth} levels deep`
          : `${name} builds a string longer than ${this.limits.stringLength} characters`;
    if (!this.reached.has(kind)) {
      this.reached.add(kind);
      const place = at ?? this.current?.at;
      const line = place === undefined || place === null || typeof place !== 'object' ? undefined : this.scope.lineOf?.(place);
      const message =
        kind === 'values'
          ? `evaluation stopped at ${name}: the template's intrinsic functions produce more than ${this.limits.values} values; what was left to resolve is Unknown`
          : kind === 'depth'
            ? `${name} nests values, intrinsic functions and conditions more than ${this.limits.depth} levels deep; that value is Unknown`
            : `${name} builds a string longer than ${this.limits.stringLength} characters; that value is Unknown`;
      this.scope.report(message, line);
    }
    return new Unknown(reason);
  }

  /** Whether two resolved values are equal, compared as JSON text no longer than the string limit. */
  private sameValue(left: PropValue, right: PropValue, construct: string, at: TemplateValue): boolean | Unknown {
    const limit = this.limits.stringLength;
    if (jsonLengthOver(left, limit) || jsonLengthOver(right, limit)) return this.limitReached('stringLength', construct, at ?? undefined);
    return JSON.stringify(left) === JSON.stringify(right);
  }

  private call(name: string, argument: TemplateValue): Resolved {
    switch (name) {
      case 'Ref':
        return this.ref(argument);
      case 'Fn::GetAtt':
        return this.getAtt(argument);
      case 'Fn::Sub':
        return this.sub(argument);
      case 'Fn::Join':
        return this.join(argument);
      case 'Fn::If':
        return this.ifFunction(argument);
      case 'Fn::FindInMap':
        return this.findInMap(argument);
      case 'Fn::Select':
        return this.select(argument);
      case 'Fn::Split':
        return this.split(argument);
      case 'Fn::Base64':
        return this.resolve(argument);
      case 'Fn::Length': {
        const items = this.resolve(argument);
        return Array.isArray(items) ? items.length : new Unknown('Fn::Length of a value known only at deploy time');
      }
      case 'Fn::ToJsonString': {
        const inner = this.resolve(argument);
        if (inner === NO_VALUE || containsUnresolved(inner)) return new Unknown('Fn::ToJsonString of a value known only at deploy time');
        return jsonLengthOver(inner, this.limits.stringLength) ? this.limitReached('stringLength') : JSON.stringify(inner);
      }
      case 'Fn::GetAZs':
        return new Unknown('Fn::GetAZs: Availability Zones are known only at deploy time');
      case 'Fn::Cidr':
        return new Unknown('Fn::Cidr is computed at deploy time');
      case 'Fn::ImportValue':
        return new Unknown('Fn::ImportValue: the value is exported by another stack');
      case 'Fn::Transform':
        return new Unknown('Fn::Transform: the value is produced by a macro');
      default:
        if (name.startsWith('Rain::')) return new Unknown(`${name} is a Rain directive, which rain pkg replaces and demarc does not`);
        return new Unknown(`${name} is not supported`);
    }
  }

  private ref(argument: TemplateValue): Resolved {
    if (typeof argument !== 'string') {
      this.scope.report('Ref takes the name of a parameter or resource');
      return new Unknown('Ref with a value that is not a name');
    }
    if (argument === 'AWS::NoValue') return NO_VALUE;
    const pseudo = PSEUDO_PARAMETERS[argument];
    if (pseudo !== undefined) return pseudo;
    const parameter = this.scope.parameters.get(argument);
    if (parameter !== undefined) {
      // The value is shared, not copied, but what is built from it (a join of a long list) costs its size each time.
      if (!this.spend(this.parameterSize(argument, parameter))) return this.limitReached('values');
      return parameter;
    }
    if (this.scope.resourceIds.has(argument)) return new Reference(argument);
    const elsewhere = this.scope.madeElsewhere?.(argument);
    if (elsewhere !== undefined) return new Unknown(`Ref to ${argument}, which is not in the template: ${elsewhere}`);
    this.scope.report(`Ref to ${argument}, which is neither a parameter nor a resource of the template`);
    return new Unknown(`Ref to missing ${argument}`);
  }

  private getAtt(argument: TemplateValue): Resolved {
    const parts = typeof argument === 'string' ? argument.split('.') : Array.isArray(argument) ? argument : [];
    const [target, ...attribute] = parts.map((part) => (typeof part === 'string' ? part : undefined));
    if (target === undefined || attribute.length === 0 || attribute.some((part) => part === undefined)) {
      this.scope.report('Fn::GetAtt takes [resource, attribute]');
      return new Unknown('malformed Fn::GetAtt');
    }
    if (!this.scope.resourceIds.has(target)) {
      const elsewhere = this.scope.madeElsewhere?.(target);
      if (elsewhere !== undefined) return new Unknown(`Fn::GetAtt reads ${target}, which is not in the template: ${elsewhere}`);
      // A Rain module may be given a resource as a parameter; CloudFormation itself never reads attributes of one.
      if (this.scope.parameters.has(target)) this.scope.report(`Fn::GetAtt reads ${target}, which is a parameter, not a resource of the template (only a Rain module is given resources as parameters)`);
      else this.scope.report(`Fn::GetAtt reads ${target}, which is not a resource of the template`);
      return new Unknown(`Fn::GetAtt of missing ${target}`);
    }
    return new Reference(target, attribute.join('.'));
  }

  private sub(argument: TemplateValue): Resolved {
    const [text, variables] = Array.isArray(argument) ? argument : [argument, null];
    if (typeof text !== 'string') {
      // What only a tool before CloudFormation turns into text (`!Rain::Embed script.sh`) says why it is not known.
      const inner = typeof text === 'object' && text !== null && !Array.isArray(text) ? this.resolve(text) : undefined;
      return isUnknown(inner) ? inner : new Unknown('Fn::Sub of a value that is not a string');
    }
    const locals = new Map<string, Resolved>();
    if (variables && isTemplateRecord(variables)) {
      for (const [key, value] of Object.entries(variables)) locals.set(key, this.resolve(value));
    }
    const parts: Array<string | PropValue> = [];
    let rest = text;
    for (;;) {
      const start = rest.indexOf('${');
      if (start < 0) break;
      const end = rest.indexOf('}', start);
      if (end < 0) break;
      parts.push(rest.slice(0, start));
      const name = rest.slice(start + 2, end);
      if (name.startsWith('!')) parts.push(`\${${name.slice(1)}}`);
      // CloudFormation reads `${ Name }` as `${Name}`: the spaces around a variable's name are not part of it.
      else parts.push(this.subVariable(name.trim(), locals));
      rest = rest.slice(end + 1);
    }
    parts.push(rest);
    return this.concatenate(parts, 'Fn::Sub');
  }

  private subVariable(name: string, locals: ReadonlyMap<string, Resolved>): PropValue {
    const local = locals.get(name);
    if (local !== undefined) return local === NO_VALUE ? '' : local;
    if (name.includes('.')) {
      const dot = name.indexOf('.');
      const resolved = this.getAtt([name.slice(0, dot), name.slice(dot + 1)]);
      return resolved === NO_VALUE ? '' : resolved;
    }
    const resolved = this.ref(name);
    return resolved === NO_VALUE ? '' : resolved;
  }

  private join(argument: TemplateValue): Resolved {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
      this.scope.report('Fn::Join takes [delimiter, [values]]');
      return new Unknown('malformed Fn::Join');
    }
    const delimiter = argument[0];
    const items = this.resolve(argument[1] ?? null);
    if (!Array.isArray(items)) return new Unknown('Fn::Join of a list known only at deploy time');
    const parts: PropValue[] = [];
    items.forEach((item, index) => {
      if (index > 0) parts.push(delimiter);
      parts.push(item);
    });
    return this.concatenate(parts, 'Fn::Join');
  }

  private ifFunction(argument: TemplateValue): Resolved {
    if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') {
      this.scope.report('Fn::If takes [condition, value if true, value if false]');
      return new Unknown('malformed Fn::If');
    }
    const outcome = this.condition(argument[0]);
    if (outcome === true) return this.resolve(argument[1] ?? null);
    if (outcome === false) return this.resolve(argument[2] ?? null);
    const whenTrue = this.resolve(argument[1] ?? null);
    const whenFalse = this.resolve(argument[2] ?? null);
    if (whenTrue !== NO_VALUE && whenFalse !== NO_VALUE && this.sameValue(whenTrue, whenFalse, 'Fn::If', null) === true) return whenTrue;
    return new Unknown(`depends on condition ${argument[0]}, which depends on values known only at deploy time`);
  }

  private findInMap(argument: TemplateValue): Resolved {
    if (!Array.isArray(argument) || argument.length < 3) {
      this.scope.report('Fn::FindInMap takes [map, top-level key, second-level key]');
      return new Unknown('malformed Fn::FindInMap');
    }
    const [mapName, topKey, secondKey] = argument.slice(0, 3).map((part) => this.resolve(part));
    if (typeof mapName !== 'string' || typeof topKey !== 'string' || typeof secondKey !== 'string') {
      return new Unknown('Fn::FindInMap with keys known only at deploy time');
    }
    const map = this.scope.mappings && isTemplateRecord(this.scope.mappings) ? ownValue(this.scope.mappings, mapName) : undefined;
    const top = map && isTemplateRecord(map) ? ownValue(map, topKey) : undefined;
    const found = top && isTemplateRecord(top) ? ownValue(top, secondKey) : undefined;
    if (found === undefined) {
      const fallback = argument[3];
      if (fallback && isTemplateRecord(fallback) && 'DefaultValue' in fallback) return this.resolve(fallback['DefaultValue'] ?? null);
      this.scope.report(`Fn::FindInMap: no ${mapName}.${topKey}.${secondKey} in Mappings`);
      return new Unknown(`no ${mapName}.${topKey}.${secondKey} in Mappings`);
    }
    // Mapping values are literals: never evaluated, so that no lookup can start another (read-template reports any
    // intrinsic function written there).
    return this.literal(found, `${mapName}.${topKey}.${secondKey}`);
  }

  /** A mapping value as it is written, copied within the budget; an intrinsic function inside makes it `Unknown`. */
  private literal(value: TemplateValue, path: string): PropValue {
    const copy = (item: TemplateValue, depth: number): PropValue => {
      if (!this.spend(1)) return this.limitReached('values');
      if (item === null || typeof item !== 'object') return item;
      if (this.depth + depth >= this.limits.depth) return this.limitReached('depth');
      if (intrinsicOf(item)) throw new IntrinsicInMapping();
      if (Array.isArray(item)) return item.map((entry) => copy(entry, depth + 1));
      const out: PropRecord = {};
      for (const [key, entry] of Object.entries(item)) setProperty(out, key, copy(entry, depth + 1));
      return out;
    };
    try {
      return copy(value, 0);
    } catch (error) {
      if (error instanceof IntrinsicInMapping) return new Unknown(`Mappings ${path} holds an intrinsic function, which CloudFormation does not allow there`);
      throw error;
    }
  }

  /** Values a parameter's value stands for (a list parameter: its items), once per parameter. */
  private parameterSize(name: string, value: PropValue): number {
    if (!Array.isArray(value)) return 1;
    const known = this.parameterSizes.get(name);
    if (known !== undefined) return known;
    const size = 1 + value.length;
    this.parameterSizes.set(name, size);
    return size;
  }

  /** Joins parts into a string; where a part is not known, the result is an `Unknown` carrying the text with `${...}`. */
  private concatenate(parts: ReadonlyArray<PropValue>, functionName: string): PropValue {
    let known = true;
    let template = '';
    const reasons = new Set<string>();
    for (const part of parts) {
      if (typeof part === 'string' || typeof part === 'number' || typeof part === 'boolean') {
        template += String(part);
      } else {
        known = false;
        if (isReference(part)) {
          template += `\${${part.target}${part.attribute ? `.${part.attribute}` : ''}}`;
          reasons.add(`the value of ${part.target}${part.attribute ? `.${part.attribute}` : ''}`);
        } else if (isUnknown(part)) {
          template += part.template ?? '${?}';
          reasons.add(part.reason);
        } else {
          template += '${?}';
          reasons.add(isRedacted(part) ? 'a redacted value' : 'a value that is not text');
        }
      }
      // Checked as it grows: a `Fn::Sub` naming a long parameter 200,000 times must stop at the limit, not after.
      if (template.length > this.limits.stringLength) return this.limitReached('stringLength', functionName);
    }
    if (known) return template;
    return new Unknown(`${functionName} uses ${[...reasons].join(', ')}`, template);
  }

  private select(argument: TemplateValue): Resolved {
    if (!Array.isArray(argument) || argument.length !== 2) {
      this.scope.report('Fn::Select takes [index, [values]]');
      return new Unknown('malformed Fn::Select');
    }
    const index = Number(this.resolve(argument[0] ?? null));
    const items = this.resolve(argument[1] ?? null);
    if (!Array.isArray(items) || !Number.isInteger(index)) return new Unknown('Fn::Select of a list known only at deploy time');
    return items[index] ?? new Unknown(`Fn::Select index ${index} is out of range`);
  }

  private split(argument: TemplateValue): Resolved {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
      this.scope.report('Fn::Split takes [delimiter, string]');
      return new Unknown('malformed Fn::Split');
    }
    const text = this.resolve(argument[1] ?? null);
    if (typeof text !== 'string') return new Unknown('Fn::Split of a value known only at deploy time');
    const items = text.split(argument[0]);
    return this.spend(items.length) ? items : this.limitReached('values');
  }
}

/**
 * What a value that could not be resolved becomes: an `Unknown`, except that a plain mapping keeps its keys (each one
 * `Unknown`). Resource properties then stay unknown rather than absent: an absent property means the AWS default.
 */
function unresolvedShape(value: TemplateValue, unknown: Unknown): PropValue {
  if (!isTemplateRecord(value) || intrinsicOf(value)) return unknown;
  const out: PropRecord = {};
  for (const key of Object.keys(value)) setProperty(out, key, unknown);
  return out;
}

/** Thrown inside a mapping value's copy when it meets an intrinsic function. */
class IntrinsicInMapping extends Error {}

/** A key's own value: `Object.entries` and lookups alike must not reach `Object.prototype` (`constructor`, `__proto__`). */
function ownValue(record: { [key: string]: TemplateValue }, key: string): TemplateValue | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets a property, `__proto__` included (an assignment would change the object's prototype instead). */
function setProperty(target: PropRecord, key: string, value: PropValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Whether the JSON text of a value would be longer than `limit`, found without building it (and stopping early). */
function jsonLengthOver(value: PropValue, limit: number): boolean {
  let length = 0;
  const pending: PropValue[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next === null || typeof next === 'number' || typeof next === 'boolean') length += 24;
    else if (typeof next === 'string') length += next.length + 2;
    else if (isUnknown(next)) length += next.reason.length + (next.template?.length ?? 0) + 32;
    else if (isReference(next)) length += next.target.length + (next.attribute?.length ?? 0) + 32;
    else if (isRedacted(next)) length += 40;
    else if (Array.isArray(next)) {
      length += 2 + next.length;
      for (const item of next) pending.push(item);
    } else {
      for (const [key, item] of Object.entries(next)) {
        length += key.length + 4;
        pending.push(item);
      }
    }
    if (length > limit) return true;
  }
  return false;
}

/** The reason of the first `Unknown` in a value, or what else keeps it from being known, for messages. */
function unresolvedReason(value: PropValue): string | undefined {
  if (isUnknown(value)) return value.reason;
  if (isReference(value)) return `the value of ${value.target}${value.attribute ? `.${value.attribute}` : ''}`;
  if (isRedacted(value)) return 'a NoEcho parameter';
  if (Array.isArray(value)) {
    for (const item of value) {
      const reason = unresolvedReason(item);
      if (reason !== undefined) return reason;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) {
      const reason = unresolvedReason(item);
      if (reason !== undefined) return reason;
    }
  }
  return undefined;
}

function containsUnresolved(value: PropValue): boolean {
  if (isUnknown(value) || isReference(value) || isRedacted(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnresolved);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsUnresolved);
  return false;
}

