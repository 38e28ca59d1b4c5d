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
  /** Reports a problem the scan can live with (a reference to nothing, a cyclic condition ...). */
  report(message: string): void;
}

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

/** The single `Fn::*` / `Ref` / `Condition` key of an intrinsic function object, if it is one. */
function intrinsicOf(value: TemplateValue): { name: string; argument: TemplateValue } | undefined {
  if (!isTemplateRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const name = keys[0] ?? '';
  if (name !== 'Ref' && !name.startsWith('Fn::')) return undefined;
  return { name, argument: value[name] ?? null };
}

export class TemplateResolver {
  private readonly conditionCache = new Map<string, boolean | Unknown>();
  private readonly evaluating: string[] = [];

  constructor(private readonly scope: TemplateScope) {}

  /** Resolves a property value; `NO_VALUE` when it resolves to `AWS::NoValue`. */
  resolve(value: TemplateValue): Resolved {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const out: PropValue[] = [];
      for (const item of value) {
        const resolved = this.resolve(item);
        if (resolved !== NO_VALUE) out.push(resolved);
      }
      return out;
    }
    const intrinsic = intrinsicOf(value);
    if (intrinsic) return this.call(intrinsic.name, intrinsic.argument);
    const out: PropRecord = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = this.resolve(item);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
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
    this.evaluating.push(name);
    const outcome = this.conditionValue(definition);
    this.evaluating.pop();
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
      return new Unknown('a condition that is not a condition function');
    }
    const args = Array.isArray(intrinsic.argument) ? intrinsic.argument : [intrinsic.argument];
    switch (intrinsic.name) {
      case 'Fn::Equals': {
        const [left, right] = args.map((arg) => this.resolve(arg));
        if (left === undefined || right === undefined || left === NO_VALUE || right === NO_VALUE) return new Unknown('Fn::Equals needs two values');
        if (containsUnresolved(left) || containsUnresolved(right)) return new Unknown('Fn::Equals compares a value known only at deploy time');
        return JSON.stringify(left) === JSON.stringify(right);
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
        return inner !== NO_VALUE && !containsUnresolved(inner) ? JSON.stringify(inner) : new Unknown('Fn::ToJsonString of a value known only at deploy time');
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
    if (parameter !== undefined) return parameter;
    if (this.scope.resourceIds.has(argument)) return new Reference(argument);
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
      this.scope.report(`Fn::GetAtt reads ${target}, which is not a resource of the template`);
      return new Unknown(`Fn::GetAtt of missing ${target}`);
    }
    return new Reference(target, attribute.join('.'));
  }

  private sub(argument: TemplateValue): Resolved {
    const [text, variables] = Array.isArray(argument) ? argument : [argument, null];
    if (typeof text !== 'string') return new Unknown('Fn::Sub of a value that is not a string');
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
      else parts.push(this.subVariable(name, locals));
      rest = rest.slice(end + 1);
    }
    parts.push(rest);
    return concatenate(parts, 'Fn::Sub');
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
    return concatenate(parts, 'Fn::Join');
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
    if (whenTrue !== NO_VALUE && whenFalse !== NO_VALUE && JSON.stringify(whenTrue) === JSON.stringify(whenFalse)) return whenTrue;
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
    const map = this.scope.mappings && isTemplateRecord(this.scope.mappings) ? this.scope.mappings[mapName] : undefined;
    const top = map && isTemplateRecord(map) ? map[topKey] : undefined;
    const found = top && isTemplateRecord(top) ? top[secondKey] : undefined;
    if (found === undefined) {
      const fallback = argument[3];
      if (fallback && isTemplateRecord(fallback) && 'DefaultValue' in fallback) return this.resolve(fallback['DefaultValue'] ?? null);
      this.scope.report(`Fn::FindInMap: no ${mapName}.${topKey}.${secondKey} in Mappings`);
      return new Unknown(`no ${mapName}.${topKey}.${secondKey} in Mappings`);
    }
    return this.resolve(found);
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
    return typeof text === 'string' ? text.split(argument[0]) : new Unknown('Fn::Split of a value known only at deploy time');
  }
}

/** Joins parts into a string; where a part is not known, the result is an `Unknown` carrying the text with `${...}`. */
function concatenate(parts: ReadonlyArray<PropValue>, functionName: string): PropValue {
  let known = true;
  let template = '';
  const reasons: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string' || typeof part === 'number' || typeof part === 'boolean') {
      template += String(part);
      continue;
    }
    known = false;
    if (isReference(part)) {
      template += `\${${part.target}${part.attribute ? `.${part.attribute}` : ''}}`;
      reasons.push(`the value of ${part.target}${part.attribute ? `.${part.attribute}` : ''}`);
    } else if (isUnknown(part)) {
      template += part.template ?? '${?}';
      reasons.push(part.reason);
    } else {
      template += '${?}';
      reasons.push(isRedacted(part) ? 'a redacted value' : 'a value that is not text');
    }
  }
  if (known) return template;
  return new Unknown(`${functionName} uses ${[...new Set(reasons)].join(', ')}`, template);
}

function containsUnresolved(value: PropValue): boolean {
  if (isUnknown(value) || isReference(value) || isRedacted(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnresolved);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsUnresolved);
  return false;
}

