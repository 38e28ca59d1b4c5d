/**
 * Bounds on what reading Terraform may cost. demarc runs on untrusted pull requests, where a few lines of HCL can ask
 * for more values than memory holds (`[for i in range(10000) : range(10000)]`), and a plan can nest values deeper
 * than any recursion survives. Each bound turns into an `Unknown` that names it, or a problem on the file and line of
 * the construct that reached it; never a hang, an abort, or the loss of other files' results.
 * docs/limits-terraform.md describes them for users.
 */

import { isRecord, isRedacted, isReference, isUnknown, Unknown, type PropRecord, type PropValue } from '../../values.js';

export interface TerraformLimits {
  /** Values produced while evaluating one root module: list items, object entries, for-expression rounds, resource values. */
  elementsPerRoot: number;
  /** Resource and module instances of one root module, across all module levels together. */
  instancesPerRoot: number;
  /** Characters of one string value. */
  stringLength: number;
  /** Lists and objects inside each other in one value: configuration, plan and state values alike. */
  valueDepth: number;
  /** Evaluations inside evaluations: nested expressions and function calls, and locals, outputs and inputs that use others. */
  evaluationDepth: number;
  /** Brackets, parentheses and operators inside each other in the source text of one expression. */
  expressionNesting: number;
  /** Brackets, blocks and string interpolations inside each other in one HCL file, counted before it is parsed. */
  hclNesting: number;
  /** Module calls inside module calls, in configuration. */
  moduleDepth: number;
  /** Child modules inside child modules, in a plan or state. */
  planModuleDepth: number;
}

export const LIMITS: Readonly<TerraformLimits> = Object.freeze({
  elementsPerRoot: 1_000_000,
  instancesPerRoot: 100_000,
  stringLength: 1024 * 1024,
  valueDepth: 100,
  evaluationDepth: 128,
  expressionNesting: 100,
  hclNesting: 256,
  moduleDepth: 20,
  planModuleDepth: 100,
});

export const formatCount = (count: number): string => count.toLocaleString('en-US');

/** What a limit says when it is reached: the `Unknown` reason and the problem message. */
export const limitMessages = {
  elements: (limits: TerraformLimits) => `the evaluation limit of ${formatCount(limits.elementsPerRoot)} values per root module was reached`,
  valueSize: (limits: TerraformLimits) => `the value would hold more than ${formatCount(limits.elementsPerRoot)} values`,
  instances: (limits: TerraformLimits) => `the limit of ${formatCount(limits.instancesPerRoot)} resource and module instances per root module (across all module levels) was reached`,
  string: (limits: TerraformLimits) => `the string would be longer than ${formatCount(limits.stringLength)} characters`,
  valueDepth: (limits: TerraformLimits) => `the value nests lists and objects deeper than ${limits.valueDepth} levels`,
  evaluationDepth: (limits: TerraformLimits) => `expressions, function calls and references nest deeper than ${limits.evaluationDepth} levels`,
} as const;

export type LimitKind = keyof typeof limitMessages;

interface Measure {
  /** Values in the tree the value stands for (shared parts counted each time they appear), capped just above the limit. */
  size: number;
  depth: number;
  known: boolean;
}

type Composite = PropValue[] | PropRecord;

const childrenOf = (value: Composite): PropValue[] => (Array.isArray(value) ? value : Object.values(value));

/**
 * Sizes of values, remembered by identity: evaluation shares values (a local used twice is one object), so a value
 * built by doubling a local forty times is forty objects standing for a tree of 2^40 values. Walking it as a tree
 * never ends; measured once per object it costs nothing. Values are not changed after they are measured.
 */
export class ValueMeter {
  private readonly measures = new WeakMap<object, Measure>();
  private readonly jsonLengths = new WeakMap<object, number>();
  private readonly characterCounts = new WeakMap<object, number>();

  constructor(readonly limits: TerraformLimits = LIMITS) {}

  private measure(value: Composite): Measure {
    const known = this.measures.get(value);
    if (known) return known;
    let size = 1;
    let depth = 0;
    let fullyKnown = true;
    const cap = this.limits.elementsPerRoot + 1;
    for (const child of childrenOf(value)) {
      if (Array.isArray(child) || isRecord(child)) {
        const inner = this.measure(child);
        size = Math.min(cap, size + inner.size);
        if (inner.depth + 1 > depth) depth = inner.depth + 1;
        if (!inner.known) fullyKnown = false;
      } else {
        size = Math.min(cap, size + 1);
        if (depth < 1) depth = 1;
        if (isUnknown(child) || isReference(child) || isRedacted(child)) fullyKnown = false;
      }
    }
    const measured = { size, depth, known: fullyKnown };
    this.measures.set(value, measured);
    return measured;
  }

  /** Values in the tree a value stands for: 1 for a scalar. */
  size(value: PropValue): number {
    return Array.isArray(value) || isRecord(value) ? this.measure(value).size : 1;
  }

  /** Levels of lists and objects: 0 for a scalar, 1 for a list of scalars. */
  depth(value: PropValue): number {
    return Array.isArray(value) || isRecord(value) ? this.measure(value).depth : 0;
  }

  /** True when the value holds no `Unknown`, `Reference` or `Redacted` anywhere. */
  fullyKnown(value: PropValue): boolean {
    if (isUnknown(value) || isReference(value) || isRedacted(value)) return false;
    return Array.isArray(value) || isRecord(value) ? this.measure(value).known : true;
  }

  /** The length of `JSON.stringify(value)` for a fully known value, capped just above the string limit. */
  jsonLength(value: PropValue): number {
    const cap = this.limits.stringLength + 1;
    if (value === null) return 4;
    if (typeof value === 'string') return Math.min(cap, value.length <= cap ? JSON.stringify(value).length : cap);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
    if (!Array.isArray(value) && !isRecord(value)) return cap;
    const known = this.jsonLengths.get(value);
    if (known !== undefined) return known;
    let length = 2;
    if (Array.isArray(value)) {
      for (const item of value) {
        length = Math.min(cap, length + this.jsonLength(item) + 1);
        if (length >= cap) break;
      }
    } else {
      for (const [key, item] of Object.entries(value)) {
        length = Math.min(cap, length + JSON.stringify(key).length + 2 + this.jsonLength(item));
        if (length >= cap) break;
      }
    }
    this.jsonLengths.set(value, length);
    return length;
  }

  /** Characters of all the strings in the tree a value stands for (shared parts counted each time), not capped. */
  characters(value: PropValue): number {
    if (typeof value === 'string') return value.length;
    if (!(Array.isArray(value) || isRecord(value))) return 0;
    const known = this.characterCounts.get(value);
    if (known !== undefined) return known;
    let count = 0;
    if (Array.isArray(value)) for (const item of value) count += this.characters(item);
    else for (const [key, item] of Object.entries(value)) count += key.length + this.characters(item);
    this.characterCounts.set(value, count);
    return count;
  }

  /** The first unresolved part of a value, found without walking its fully known parts. */
  firstUnresolved(value: PropValue): PropValue | undefined {
    let current = value;
    for (;;) {
      if (isUnknown(current) || isReference(current) || isRedacted(current)) return current;
      if (!(Array.isArray(current) || isRecord(current)) || this.fullyKnown(current)) return undefined;
      const next = childrenOf(current).find((child) => !this.fullyKnown(child));
      if (next === undefined) return undefined;
      current = next;
    }
  }
}

/**
 * The spending of one root module's evaluation (or of one .tfvars file): values produced, instances created, and how
 * deep evaluation has gone. The first limit reached on the way is kept until the construct being evaluated reports it.
 */
export class EvaluationBudget {
  elements = 0;
  instances = 0;
  depth = 0;
  readonly meter: ValueMeter;
  /** The construct being evaluated when evaluation failed outright (a stack overflow), for the problem's file and line. */
  failedAt: { label: string; file: string; line: () => number | undefined } | undefined;
  /** A limit reached and not yet reported, with the reason. */
  pending: { kind: LimitKind; reason: string } | undefined;
  private readonly reported = new Set<LimitKind>();

  constructor(readonly limits: TerraformLimits = LIMITS) {
    this.meter = new ValueMeter(limits);
  }

  get exhausted(): boolean {
    return this.elements > this.limits.elementsPerRoot;
  }

  private readonly messages = new Map<LimitKind, string>();

  /** Records that a limit was reached and returns the `Unknown` that takes the place of the value. */
  reach(kind: LimitKind, detail?: string): Unknown {
    // Once the values run out, every evaluation after reaches the limit again: the message is made once.
    let message = this.messages.get(kind);
    if (message === undefined) {
      message = limitMessages[kind](this.limits);
      this.messages.set(kind, message);
    }
    const reason = detail === undefined ? message : `${message} (${detail})`;
    if (this.pending === undefined && !this.reported.has(kind)) this.pending = { kind, reason };
    return new Unknown(`not evaluated: ${reason}`);
  }

  /** Counts produced values; false (and the limit recorded) when the root's allowance is spent. */
  charge(count: number): boolean {
    this.elements += count;
    if (this.elements <= this.limits.elementsPerRoot) return true;
    this.reach('elements');
    return false;
  }

  /**
   * Counts the work of walking a whole value (comparing it, encoding it): one per value in its tree and one per 1,024
   * characters of its strings, so that a shared value repeated many times costs what walking it really costs.
   */
  chargeWalk(value: PropValue): boolean {
    if (typeof value === 'string') return this.charge(1 + Math.floor(value.length / 1024));
    if (!(Array.isArray(value) || isRecord(value))) return this.charge(1);
    return this.charge(this.meter.size(value) + Math.floor(this.meter.characters(value) / 1024));
  }

  /** The limit reached since the last call, once per kind of limit and root. */
  takePending(): { kind: LimitKind; reason: string } | undefined {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) this.reported.add(pending.kind);
    return pending;
  }

  /** A built list or object, or the `Unknown` that replaces it when it is too large or too deep. */
  checked(value: PropValue): PropValue {
    if (!(Array.isArray(value) || isRecord(value))) return value;
    if (this.meter.depth(value) > this.limits.valueDepth) return this.reach('valueDepth');
    if (this.meter.size(value) > this.limits.elementsPerRoot) return this.reach('valueSize');
    return value;
  }

  /** A built string, or the `Unknown` that replaces it when it is too long. */
  checkedString(text: string): PropValue {
    return text.length > this.limits.stringLength ? this.reach('string') : text;
  }
}

/** Words for an error caught at a file or root boundary; the message of an engine error never quotes input. */
export function describeFailure(error: unknown): string {
  if (error instanceof RangeError) {
    if (/call stack/i.test(error.message)) return 'the input nests too deeply to be read (the call stack ran out)';
    if (/string length/i.test(error.message)) return 'a string outgrew what the JavaScript engine can hold';
    if (/array length/i.test(error.message)) return 'a list outgrew what the JavaScript engine can hold';
    return `the input exceeded an engine limit (${error.message})`;
  }
  return error instanceof Error ? error.message : String(error);
}
