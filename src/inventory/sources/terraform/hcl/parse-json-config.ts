/**
 * Terraform's JSON configuration syntax (`.tf.json`, `.tfvars.json`): the same structure as HCL, with expressions
 * written as `${...}` strings. The document is brought into the form hcl2json gives for HCL (labelled blocks as lists
 * of bodies), and the line of every object key is recorded, so that resources and their arguments keep file and line.
 */

import { describeJsonError } from '../json-error.js';
import { HclSyntaxError, isObject } from './parse-hcl.js';

/** Joins the keys of a path through the document (array positions left out) into one map key. */
export const keyPath = (...keys: readonly string[]): string => keys.join('\u0000');

export interface JsonKeyLines {
  /** The line of each key, by the path of object keys leading to it (first occurrence wins). */
  lines: Map<string, number>;
  /** The keys directly under a path, with their lines. */
  children: Map<string, Record<string, number>>;
}

export interface ParsedJsonConfig {
  body: Record<string, unknown>;
  keys: JsonKeyLines;
}

const isSpace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\r';

/**
 * Keys deeper than this are not given lines: declarations and their arguments sit a few levels down, and the path of
 * a key is as long as its depth, so recording every key of a deeply nested document costs its depth squared.
 */
const MAX_KEY_DEPTH = 16;

/** Records the line of every object key of valid JSON text. Array positions are not part of the paths. */
export function jsonKeyLines(text: string): JsonKeyLines {
  const lines = new Map<string, number>();
  const children = new Map<string, Record<string, number>>();
  const path: string[] = [];
  // The joined path of each prefix of `path` that is recorded (the first MAX_KEY_DEPTH levels): `prefixes[i]` is the
  // key path of `path.slice(0, i)`.
  const prefixes: string[] = [''];
  // For each open object or array: whether it is the value of a key (and so added its key to `path`).
  const open: Array<{ object: boolean; named: boolean }> = [];
  let pendingKey: string | undefined;
  let line = 1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n') line += 1;
    else if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      let next = end + 1;
      while (isSpace(text[next])) next += 1;
      if (text[next] === ':' && open[open.length - 1]?.object === true) {
        const parsed: unknown = JSON.parse(text.slice(index, end + 1));
        const key = typeof parsed === 'string' ? parsed : '';
        if (path.length < MAX_KEY_DEPTH) {
          const parent = prefixes[path.length] ?? '';
          const full = path.length === 0 ? key : `${parent}\u0000${key}`;
          if (!lines.has(full)) lines.set(full, line);
          const siblings = children.get(parent) ?? {};
          if (siblings[key] === undefined) siblings[key] = line;
          children.set(parent, siblings);
        }
        pendingKey = key;
      }
      // JSON strings hold no raw line breaks, so skipping the string leaves the line count right.
      index = end;
    } else if (char === '{' || char === '[') {
      const named = pendingKey !== undefined;
      if (pendingKey !== undefined) {
        if (path.length < MAX_KEY_DEPTH) prefixes[path.length + 1] = path.length === 0 ? pendingKey : `${prefixes[path.length] ?? ''}\u0000${pendingKey}`;
        path.push(pendingKey);
      }
      pendingKey = undefined;
      open.push({ object: char === '{', named });
    } else if (char === '}' || char === ']') {
      if (open.pop()?.named === true) path.pop();
      pendingKey = undefined;
    } else if (char === ',') pendingKey = undefined;
  }
  return { lines, children };
}

/** A value that JSON syntax allows as one object or a list of them, as a list of objects. */
function objects(value: unknown): Array<Record<string, unknown>> {
  return (Array.isArray(value) ? value : [value]).filter(isObject);
}

/** Drops the `"//"` comment keys that Terraform ignores in JSON bodies. */
function withoutComments(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (key !== '//') out[key] = value;
  return out;
}

/** `{ label: body | [body] }` (or a list of such objects) as `{ label: [body, ...] }`. */
function labelled(value: unknown): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const group of objects(value)) {
    for (const [label, bodies] of Object.entries(group)) {
      if (label === '//') continue;
      const list = out[label] ?? [];
      for (const body of objects(bodies)) list.push(withoutComments(body));
      out[label] = list;
    }
  }
  return out;
}

/** `{ type: { name: body } }` (each level possibly a list of objects) as `{ type: { name: [body] } }`. */
function doublyLabelled(value: unknown): Record<string, Record<string, unknown[]>> {
  const out: Record<string, Record<string, unknown[]>> = {};
  for (const group of objects(value)) {
    for (const [type, named] of Object.entries(group)) {
      if (type === '//') continue;
      const inner = labelled(named);
      const existing = out[type] ?? {};
      for (const [name, bodies] of Object.entries(inner)) {
        const list = existing[name] ?? [];
        for (const body of bodies) list.push(body);
        existing[name] = list;
      }
      out[type] = existing;
    }
  }
  return out;
}

function parseJsonObject(text: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    // Line and column from reading the text again, never the engine's message, which quotes the text.
    const { line, message } = describeJsonError(text);
    throw new HclSyntaxError(message, line);
  }
  if (!isObject(document)) throw new HclSyntaxError('the JSON configuration is not an object', 1);
  return document;
}

/** Parses a `.tf.json` file into hcl2json's form, with the line of each key. */
export function parseJsonConfig(text: string): ParsedJsonConfig {
  const document = parseJsonObject(text);
  const body: Record<string, unknown> = {};
  for (const [section, value] of Object.entries(document)) {
    if (section === 'resource' || section === 'data') body[section] = doublyLabelled(value);
    else if (section === 'variable' || section === 'module' || section === 'output') body[section] = labelled(value);
    else if (section === 'locals') body[section] = objects(value).map(withoutComments);
    else if (section !== '//') body[section] = value;
  }
  return { body, keys: jsonKeyLines(text) };
}

/** Parses a `.tfvars.json` file: an object of input values. */
export function parseJsonVariables(text: string): Record<string, unknown> {
  return withoutComments(parseJsonObject(text));
}
