import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/**
 * Parses a CloudFormation template (YAML or JSON: JSON is read as YAML so that both carry line numbers) into plain
 * values, turning the short-form tags (`!Ref`, `!GetAtt` ...) into their long forms, and recording the line of every
 * object and array and of each of their keys.
 *
 * The document is untrusted: its size, its nesting and what its aliases stand for are bounded (docs/limits.md).
 */

export type TemplateValue = string | number | boolean | null | TemplateValue[] | { [key: string]: TemplateValue };

export interface Positions {
  /** Line of the object or array itself, and of each key or index within it. */
  get(container: object): { line: number; keys: Map<string | number, number> } | undefined;
}

export interface TemplateWarning {
  message: string;
  line?: number;
}

export interface ParsedTemplate {
  /**
   * The document. An alias is the very value of its anchor, shared rather than copied, so the value is a tree whose
   * subtrees may appear in several places: walk it with a bound (its size once expanded is at most `MAX_TEMPLATE_VALUES`).
   */
  value: TemplateValue;
  positions: Positions;
  /** Values written in the document, each alias counted once (not as what it stands for). */
  writtenValues: number;
  /** What the document holds that CloudFormation may refuse and demarc reads anyway (duplicate keys). */
  warnings: TemplateWarning[];
}

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Values the document may stand for once its aliases are expanded. Aliases are shared, so expanding costs nothing
 * here, but whoever walks the value walks the expansion: a few nested aliases can stand for billions of values.
 */
export const MAX_TEMPLATE_VALUES = 5_000_000;
/** Mappings and lists inside one another, aliases expanded. Real templates stay below 30. */
export const MAX_TEMPLATE_DEPTH = 128;

const FUNCTION_TAGS: Record<string, string> = {
  '!Base64': 'Fn::Base64', '!Cidr': 'Fn::Cidr', '!FindInMap': 'Fn::FindInMap', '!GetAtt': 'Fn::GetAtt',
  '!GetAZs': 'Fn::GetAZs', '!ImportValue': 'Fn::ImportValue', '!Join': 'Fn::Join', '!Select': 'Fn::Select',
  '!Split': 'Fn::Split', '!Sub': 'Fn::Sub', '!Transform': 'Fn::Transform', '!And': 'Fn::And', '!Equals': 'Fn::Equals',
  '!If': 'Fn::If', '!Not': 'Fn::Not', '!Or': 'Fn::Or', '!Length': 'Fn::Length', '!ToJsonString': 'Fn::ToJsonString',
  '!ForEach': 'Fn::ForEach', '!Ref': 'Ref', '!Condition': 'Condition',
};

/** A converted node: its value, how many values it stands for, and how deep it nests (aliases expanded). */
interface Converted {
  value: TemplateValue;
  size: number;
  height: number;
}

const NULL_VALUE: Converted = { value: null, size: 1, height: 0 };

export function parseTemplateText(text: string): ParsedTemplate {
  const lineCounter = new LineCounter();
  let doc;
  try {
    // uniqueKeys: false because the library's check is quadratic in the keys of a mapping; duplicates are found below.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: false, prettyErrors: false });
  } catch (error) {
    if (error instanceof RangeError) throw new TemplateSyntaxError('the document nests too deeply to parse', deepestFlowLine(text));
    throw error;
  }
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    // The parser catches its own stack overflow on a deeply nested document and reports it as an error.
    if (firstError.message.includes('Maximum call stack')) throw new TemplateSyntaxError('the document nests too deeply to parse', deepestFlowLine(text) ?? line);
    if (firstError.code === 'MULTIPLE_DOCS') {
      throw new TemplateSyntaxError(`the file holds more than one YAML document (another starts at line ${line}); a CloudFormation template is one document`, line);
    }
    throw new TemplateSyntaxError(firstError.message.split('\n')[0] ?? 'syntax error', line);
  }
  const table = new WeakMap<object, { line: number; keys: Map<string | number, number> }>();
  const warnings: TemplateWarning[] = [];
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 0;
  // Anchors as defined so far in document order: an alias names the last anchor of that name before it.
  const anchors = new Map<string, Node>();
  // Anchored nodes, converted once; their aliases share the result.
  const converted = new Map<Node, Converted>();
  const converting = new Set<Node>();
  let writtenValues = 0;

  const tooLarge = (size: number, node: Node): void => {
    if (size > MAX_TEMPLATE_VALUES) {
      throw new TemplateSyntaxError(`the document stands for more than ${MAX_TEMPLATE_VALUES} values once its YAML aliases are expanded (an alias bomb?)`, lineOf(node));
    }
  };
  const tooDeep = (depth: number, node: Node, through: string): void => {
    if (depth > MAX_TEMPLATE_DEPTH) throw new TemplateSyntaxError(`the document nests deeper than ${MAX_TEMPLATE_DEPTH} levels${through}`, lineOf(node));
  };

  const convert = (node: unknown, depth: number): Converted => {
    if (node === null || node === undefined) return NULL_VALUE;
    if (isAlias(node)) {
      writtenValues += 1;
      const target = anchors.get(node.source);
      if (target === undefined) throw new TemplateSyntaxError(`alias *${node.source} has no anchor &${node.source} before it`, lineOf(node));
      if (converting.has(target)) throw new TemplateSyntaxError(`alias *${node.source} is inside the value it stands for`, lineOf(node));
      // An anchor is converted before its aliases, as it comes first; one on a mapping key is converted here.
      const shared = converted.get(target) ?? convert(target, depth);
      tooDeep(depth + shared.height, node, ' once its YAML aliases are expanded');
      return shared;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return NULL_VALUE;
    tooDeep(depth, node, '');
    writtenValues += 1;
    const anchor = node.anchor;
    if (anchor) {
      anchors.set(anchor, node);
      converting.add(node);
    }
    const result = convertValue(node, depth);
    if (anchor) {
      converting.delete(node);
      converted.set(node, result);
    }
    return result;
  };

  const convertValue = (node: Node, depth: number): Converted => {
    const functionName = isScalar(node) || isMap(node) || isSeq(node) ? tagFunction(node.tag) : undefined;
    const wrap = (inner: Converted): Converted => {
      if (!functionName) return inner;
      const wrapper = { [functionName]: inner.value };
      // The function object carries the line of its tag, so that problems with it can name the line.
      table.set(wrapper, { line: lineOf(node), keys: new Map() });
      return { value: wrapper, size: inner.size + 1, height: inner.height + 1 };
    };
    if (isScalar(node)) {
      const scalar = scalarValue(node.value);
      if (!functionName) return { value: scalar, size: 1, height: 0 };
      if (functionName === 'Fn::GetAtt' && typeof scalar === 'string') {
        const dot = scalar.indexOf('.');
        return wrap({ value: dot < 0 ? [scalar] : [scalar.slice(0, dot), scalar.slice(dot + 1)], size: 2, height: 1 });
      }
      if (functionName === 'Fn::GetAZs' && (scalar === null || scalar === '')) return wrap({ value: '', size: 1, height: 0 });
      return wrap({ value: scalar, size: 1, height: 0 });
    }
    if (isSeq(node)) {
      const out: TemplateValue[] = [];
      const keys = new Map<string | number, number>();
      let size = 1;
      let height = 0;
      for (let index = 0; index < node.items.length; index += 1) {
        const item: unknown = node.items[index];
        keys.set(index, lineOf(item as Node));
        const child = convert(item, depth + 1);
        out.push(child.value);
        size += child.size;
        if (child.height + 1 > height) height = child.height + 1;
        tooLarge(size, node);
      }
      table.set(out, { line: lineOf(node), keys });
      return wrap({ value: out, size, height });
    }
    if (isMap(node)) {
      const out: { [key: string]: TemplateValue } = {};
      const keys = new Map<string | number, number>();
      let size = 1;
      let height = 0;
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        let key: string;
        if (isScalar(keyNode)) {
          if (keyNode.anchor) anchors.set(keyNode.anchor, keyNode);
          key = String(keyNode.value);
        } else {
          key = String(convert(keyNode, depth + 1).value);
        }
        const keyLine = lineOf(keyNode);
        const earlier = keys.get(key);
        if (earlier !== undefined) {
          warnings.push({ message: `duplicate key ${key} (also at line ${earlier}): the last one is read, and CloudFormation may refuse the template`, line: keyLine });
        }
        keys.set(key, keyLine);
        const child = convert(pair.value, depth + 1);
        setKey(out, key, child.value);
        size += child.size;
        if (child.height + 1 > height) height = child.height + 1;
        tooLarge(size, node);
      }
      table.set(out, { line: lineOf(node), keys });
      return wrap({ value: out, size, height });
    }
    return NULL_VALUE;
  };

  const root = convert(doc.contents, 0);
  return { value: root.value, positions: { get: (container) => table.get(container) }, writtenValues, warnings };
}

/** Sets a key of a plain object, `__proto__` included (an assignment would change the object's prototype instead). */
function setKey(target: { [key: string]: TemplateValue }, key: string, value: TemplateValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function tagFunction(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  // Rain's directives (`!Rain::Module`, `!Rain::Embed` ...) keep their name, so that what they are can be told.
  if (tag.startsWith('!Rain::')) return tag.slice(1);
  return Object.hasOwn(FUNCTION_TAGS, tag) ? FUNCTION_TAGS[tag] : undefined;
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/**
 * The line where `[` and `{` nest deepest, for a document too deep for the YAML parser to report a line itself. A
 * rough count (quotes are skipped, block scalars are not), good enough to point at the place.
 */
function deepestFlowLine(text: string): number | undefined {
  let depth = 0;
  let deepest = 0;
  let deepestAt = -1;
  let quote = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        deepestAt = index;
      }
    } else if ((char === ']' || char === '}') && depth > 0) depth -= 1;
  }
  if (deepestAt < 0) return undefined;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < deepestAt; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}
