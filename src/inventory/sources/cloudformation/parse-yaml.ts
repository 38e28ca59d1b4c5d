import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/**
 * Parses a CloudFormation template (YAML or JSON: JSON is read as YAML so that both carry line numbers) into plain
 * values, turning the short-form tags (`!Ref`, `!GetAtt` ...) into their long forms, and recording the line of every
 * object and array and of each of their keys.
 */

export type TemplateValue = string | number | boolean | null | TemplateValue[] | { [key: string]: TemplateValue };

export interface Positions {
  /** Line of the object or array itself, and of each key or index within it. */
  get(container: object): { line: number; keys: Map<string | number, number> } | undefined;
}

export interface ParsedTemplate {
  value: TemplateValue;
  positions: Positions;
}

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

// Expanding aliases ourselves, so we bound it ourselves: a few aliases nested can stand for billions of nodes.
const MAX_ALIAS_EXPANSIONS = 1_000;
const MAX_NODES = 5_000_000;

const FUNCTION_TAGS: Record<string, string> = {
  '!Base64': 'Fn::Base64', '!Cidr': 'Fn::Cidr', '!FindInMap': 'Fn::FindInMap', '!GetAtt': 'Fn::GetAtt',
  '!GetAZs': 'Fn::GetAZs', '!ImportValue': 'Fn::ImportValue', '!Join': 'Fn::Join', '!Select': 'Fn::Select',
  '!Split': 'Fn::Split', '!Sub': 'Fn::Sub', '!Transform': 'Fn::Transform', '!And': 'Fn::And', '!Equals': 'Fn::Equals',
  '!If': 'Fn::If', '!Not': 'Fn::Not', '!Or': 'Fn::Or', '!Length': 'Fn::Length', '!ToJsonString': 'Fn::ToJsonString',
  '!ForEach': 'Fn::ForEach', '!Ref': 'Ref', '!Condition': 'Condition',
};

export function parseTemplateText(text: string): ParsedTemplate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: false, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    throw new TemplateSyntaxError(firstError.message.split('\n')[0] ?? 'syntax error', line);
  }
  const table = new WeakMap<object, { line: number; keys: Map<string | number, number> }>();
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 0;
  let aliases = 0;
  let nodes = 0;

  const convert = (node: unknown): TemplateValue => {
    nodes += 1;
    if (nodes > MAX_NODES) throw new TemplateSyntaxError(`the document expands to more than ${MAX_NODES} values`);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      aliases += 1;
      if (aliases > MAX_ALIAS_EXPANSIONS) {
        throw new TemplateSyntaxError(`more than ${MAX_ALIAS_EXPANSIONS} YAML alias expansions (an alias bomb?)`, lineOf(node));
      }
      return convert(node.resolve(doc as Document));
    }
    const functionName = isScalar(node) || isMap(node) || isSeq(node) ? tagFunction(node.tag) : undefined;
    if (isScalar(node)) {
      const scalar = scalarValue(node.value);
      if (!functionName) return scalar;
      if (functionName === 'Fn::GetAtt' && typeof scalar === 'string') {
        const dot = scalar.indexOf('.');
        return { [functionName]: dot < 0 ? [scalar] : [scalar.slice(0, dot), scalar.slice(dot + 1)] };
      }
      if (functionName === 'Fn::GetAZs' && (scalar === null || scalar === '')) return { [functionName]: '' };
      return { [functionName]: scalar };
    }
    if (isSeq(node)) {
      const out: TemplateValue[] = [];
      const keys = new Map<string | number, number>();
      node.items.forEach((item, index) => {
        keys.set(index, lineOf(item as Node));
        out.push(convert(item));
      });
      table.set(out, { line: lineOf(node), keys });
      return functionName ? { [functionName]: out } : out;
    }
    if (isMap(node)) {
      const out: { [key: string]: TemplateValue } = {};
      const keys = new Map<string | number, number>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(convert(keyNode));
        keys.set(key, lineOf(keyNode));
        out[key] = convert(pair.value);
      }
      table.set(out, { line: lineOf(node), keys });
      return functionName ? { [functionName]: out } : out;
    }
    return null;
  };

  const value = convert(doc.contents);
  return { value, positions: { get: (container) => table.get(container) } };
}

function tagFunction(tag: string | undefined): string | undefined {
  return tag === undefined ? undefined : FUNCTION_TAGS[tag];
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}
