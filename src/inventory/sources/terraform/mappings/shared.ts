import { isRecord, isUnknown, json, Unknown, type Convert } from './dsl.js';
import type { PropValue } from '../../../values.js';

/** A policy document: JSON text (plans, state, `jsonencode`) or an object with unresolved parts (configuration). */
export const policyDocument: Convert = (value, attributes) => (isUnknown(value) && value.template !== undefined ? fromTemplate(value) : json(value, attributes));

/** True when a policy attribute holds a document, or an expression that will produce one. */
export const hasPolicy = (value: PropValue | undefined): boolean =>
  isUnknown(value) || isRecord(value) || (typeof value === 'string' && value.trim() !== '');

const PART = /\$\{[^}]*\}/g;
const MARK = /@@demarc-part-(\d+)@@/g;

/**
 * A JSON document written as a template (`<<POLICY ... "${aws_sqs_queue.q.arn}" ... POLICY`) whose interpolations
 * are unknown here: read with each interpolation as an unknown string, so that `"Principal": "*"` is still seen.
 * An interpolation outside a JSON string (a whole list or object) leaves the document unknown.
 */
function fromTemplate(value: Unknown): PropValue {
  const template = value.template ?? '';
  const parts: string[] = [];
  const marked = template.replace(PART, (part) => `@@demarc-part-${parts.push(part) - 1}@@`);
  if (parts.length === 0) return json(template, {}) ?? value;
  const parsed = json(marked, {});
  if (parsed === undefined || isUnknown(parsed)) return value;
  return restore(parsed, parts, value.reason);
}

function restore(value: PropValue, parts: readonly string[], reason: string): PropValue {
  if (typeof value === 'string') {
    if (!value.includes('@@demarc-part-')) return value;
    return new Unknown(reason, value.replace(MARK, (_all, index: string) => parts[Number(index)] ?? ''));
  }
  if (Array.isArray(value)) return value.map((item) => restore(item, parts, reason));
  if (isRecord(value)) {
    const out: Record<string, PropValue> = {};
    for (const [key, item] of Object.entries(value)) out[key.replace(MARK, (_all, index: string) => parts[Number(index)] ?? '')] = restore(item, parts, reason);
    return out;
  }
  return value;
}
