import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/**
 * Values a configuration may stand for once its YAML aliases are expanded. Converting shares what an alias stands
 * for, but validating and reading the configuration walk the expansion, so a few nested aliases (an alias bomb)
 * would stand for billions of values.
 */
export const MAX_CONFIG_VALUES = 1_000_000;
/** Mappings and lists inside one another, aliases expanded; a configuration needs fewer than ten. */
export const MAX_CONFIG_DEPTH = 64;

export interface SizeProblem {
  /** Keys and indexes down to the value that is too large or too deep (empty: the document). */
  path: Array<string | number>;
  /** The node there, for its line. */
  node: Node | undefined;
  message: string;
}

interface Measure {
  /** Values, aliases expanded. */
  size: number;
  /** Levels of nesting below, aliases expanded. */
  height: number;
}

/** Thrown where a bound is passed, with the path down to the value that passed it. */
class TooLarge extends Error {
  constructor(
    readonly path: Array<string | number>,
    readonly node: Node | undefined,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const TOO_MANY = `stands for more than ${MAX_CONFIG_VALUES} values once its YAML aliases are expanded (an alias bomb?)`;
const TOO_DEEP = `nests deeper than ${MAX_CONFIG_DEPTH} levels once its YAML aliases are expanded`;

/**
 * Checks, before the document is converted, that it stands for at most `MAX_CONFIG_VALUES` values and nests at most
 * `MAX_CONFIG_DEPTH` levels with its aliases expanded; otherwise says where: the deepest value too large on its own,
 * which for an alias bomb is the key whose aliases make it. Each anchored node is measured once.
 */
export function checkYamlSize(doc: Document): SizeProblem | undefined {
  const anchors = new Map<string, Node>();
  const measured = new Map<Node, Measure>();
  const measuring = new Set<Node>();
  const path: Array<string | number> = [];

  const fail = (node: Node, reason: string): never => {
    throw new TooLarge([...path], node, reason);
  };

  const measure = (node: unknown, depth: number): Measure => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return fail(node, `alias *${node.source} has no anchor &${node.source} before it`);
      if (measuring.has(target)) return fail(node, `alias *${node.source} is inside the value it stands for`);
      const shared = measured.get(target) ?? measure(target, depth);
      if (depth + shared.height > MAX_CONFIG_DEPTH) fail(node, TOO_DEEP);
      return shared;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return { size: 1, height: 0 };
    if (depth > MAX_CONFIG_DEPTH) fail(node, TOO_DEEP);
    if (node.anchor) {
      anchors.set(node.anchor, node);
      measuring.add(node);
    }
    let size = 1;
    let height = 0;
    const add = (child: Measure): void => {
      size += child.size;
      height = Math.max(height, child.height + 1);
      if (size > MAX_CONFIG_VALUES) fail(node, TOO_MANY);
    };
    if (isMap(node) || isSeq(node)) {
      for (const [index, item] of node.items.entries()) {
        // The child is measured under its own key; what it adds up to here is this node's.
        if (isPair(item)) add(measure(item.key, depth + 1));
        path.push(isPair(item) ? (isScalar(item.key) ? String(item.key.value) : index) : index);
        const child = measure(isPair(item) ? item.value : item, depth + 1);
        path.pop();
        add(child);
      }
    }
    const result = { size, height };
    if (node.anchor) {
      measuring.delete(node);
      measured.set(node, result);
    }
    return result;
  };

  try {
    measure(doc.contents, 0);
    return undefined;
  } catch (error) {
    if (error instanceof TooLarge) return { path: error.path, node: error.node, message: error.reason };
    throw error;
  }
}
