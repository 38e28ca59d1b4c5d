/**
 * A parser for HCL expressions and string templates. hcl2json hands every non-literal expression over as source text
 * (`"${var.a}"`, `"x-${local.b}"`), so the expressions are parsed here into a small syntax tree that `evaluate.ts`
 * resolves statically.
 */

import type { PropScalar } from '../../../values.js';

export type Expr =
  | { kind: 'literal'; value: PropScalar }
  | { kind: 'template'; parts: TemplatePart[] }
  | { kind: 'tuple'; items: Expr[] }
  | { kind: 'object'; entries: Array<{ key: Expr; value: Expr }> }
  | { kind: 'variable'; name: string }
  | { kind: 'attr'; target: Expr; name: string }
  | { kind: 'index'; target: Expr; key: Expr }
  | { kind: 'splat'; target: Expr; each: Expr; source: string }
  | { kind: 'call'; name: string; args: Expr[]; expand: boolean; source: string }
  | { kind: 'conditional'; condition: Expr; then: Expr; otherwise: Expr }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'unary'; op: '!' | '-'; operand: Expr }
  | {
      kind: 'for';
      keyVar: string | undefined;
      valueVar: string;
      collection: Expr;
      keyExpr: Expr | undefined;
      valueExpr: Expr;
      condition: Expr | undefined;
      grouped: boolean;
      object: boolean;
    };

/** A piece of a template: literal text, or an interpolation with its source text, or an unsupported directive. */
export type TemplatePart = string | { expr: Expr; source: string } | { directive: string };

export class ExpressionSyntaxError extends Error {}

/** The name a splat's element takes while its steps are applied: not an identifier HCL allows, so it shadows nothing. */
export const SPLAT_ELEMENT = '\u0000splat';

const NEGATIVE_NUMBER = /^-\s*\d/;

const BINARY_LEVELS: string[][] = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

/** Default bound on the nesting of one expression: the parser recurses once per level, and the stack is finite. */
export const MAX_EXPRESSION_NESTING = 100;

class Parser {
  pos = 0;
  private depth = 0;
  constructor(
    readonly text: string,
    private readonly maxNesting = MAX_EXPRESSION_NESTING,
  ) {}

  fail(message: string): never {
    throw new ExpressionSyntaxError(`${message} at "${this.text.slice(this.pos, this.pos + 20)}"`);
  }

  skipSpace(): void {
    const text = this.text;
    for (;;) {
      const char = text[this.pos];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.pos += 1;
      else if (char === '#' || (char === '/' && text[this.pos + 1] === '/')) {
        while (this.pos < text.length && text[this.pos] !== '\n') this.pos += 1;
      } else if (char === '/' && text[this.pos + 1] === '*') {
        const end = text.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? text.length : end + 2;
      } else return;
    }
  }

  peek(token: string): boolean {
    this.skipSpace();
    return this.text.startsWith(token, this.pos);
  }

  eat(token: string): boolean {
    if (!this.peek(token)) return false;
    this.pos += token.length;
    return true;
  }

  expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected "${token}"`);
  }

  identifier(): string | undefined {
    this.skipSpace();
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  expression(): Expr {
    if (this.depth >= this.maxNesting) this.fail(`the expression nests deeper than ${this.maxNesting} levels`);
    this.depth += 1;
    try {
      return this.conditional();
    } finally {
      this.depth -= 1;
    }
  }

  private conditional(): Expr {
    const condition = this.binary(0);
    if (this.peek('?') && !this.peek('??')) {
      this.pos += 1;
      const then = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      return { kind: 'conditional', condition, then, otherwise };
    }
    return condition;
  }

  binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    const operators = BINARY_LEVELS[level] ?? [];
    for (;;) {
      this.skipSpace();
      const op = operators.find((candidate) => this.text.startsWith(candidate, this.pos) && !(candidate === '<' && this.text.startsWith('<<', this.pos)));
      // `=>` in a for expression and `==` are not `=`; `-` before `>` never occurs in HCL.
      if (!op) return left;
      this.pos += op.length;
      const right = this.binary(level + 1);
      left = { kind: 'binary', op, left, right };
    }
  }

  unary(): Expr {
    // Prefix operators are read in a loop, not by recursion: `!!!!...` thousands deep must not exhaust the stack.
    const ops: Array<'!' | '-'> = [];
    for (;;) {
      if (this.eat('!')) ops.push('!');
      else if (this.peek('-') && !NEGATIVE_NUMBER.test(this.text.slice(this.pos, this.pos + 64))) {
        this.pos += 1;
        ops.push('-');
      } else break;
      if (this.depth + ops.length > this.maxNesting) this.fail(`the expression nests deeper than ${this.maxNesting} levels`);
    }
    let operand = this.postfix(this.primary());
    for (let index = ops.length - 1; index >= 0; index -= 1) operand = { kind: 'unary', op: ops[index] ?? '!', operand };
    return operand;
  }

  postfix(start: Expr): Expr {
    let expr = start;
    const begin = this.pos;
    for (;;) {
      if (this.peek('.*')) {
        this.pos += 2;
        // An attribute-only splat: later indexes apply to the resulting list, not to each element.
        expr = this.splatRest(expr, begin, false);
        continue;
      }
      if (this.peek('[*]')) {
        this.pos += 3;
        return this.splatRest(expr, begin, true);
      }
      if (this.peek('.') && !this.peek('...')) {
        this.pos += 1;
        this.skipSpace();
        const digits = /^\d+/.exec(this.text.slice(this.pos, this.pos + 20));
        if (digits) {
          this.pos += digits[0].length;
          expr = { kind: 'index', target: expr, key: { kind: 'literal', value: Number(digits[0]) } };
          continue;
        }
        const name = this.identifier();
        if (name === undefined) this.fail('expected an attribute name');
        expr = { kind: 'attr', target: expr, name };
        continue;
      }
      if (this.peek('[')) {
        this.pos += 1;
        const key = this.expression();
        this.expect(']');
        expr = { kind: 'index', target: expr, key };
        continue;
      }
      return expr;
    }
  }

  /** The steps after a splat apply to each element, written over a placeholder for the element. */
  splatRest(target: Expr, begin: number, indexes: boolean): Expr {
    let each: Expr = { kind: 'variable', name: SPLAT_ELEMENT };
    for (;;) {
      if (this.peek('.') && !this.peek('.*') && !this.peek('...')) {
        this.pos += 1;
        this.skipSpace();
        const digits = /^\d+/.exec(this.text.slice(this.pos, this.pos + 20));
        if (digits) {
          this.pos += digits[0].length;
          each = { kind: 'index', target: each, key: { kind: 'literal', value: Number(digits[0]) } };
          continue;
        }
        const name = this.identifier();
        if (name === undefined) this.fail('expected an attribute name');
        each = { kind: 'attr', target: each, name };
        continue;
      }
      if (indexes && this.peek('[') && !this.peek('[*]')) {
        this.pos += 1;
        const key = this.expression();
        this.expect(']');
        each = { kind: 'index', target: each, key };
        continue;
      }
      break;
    }
    return { kind: 'splat', target, each, source: this.text.slice(begin, this.pos) };
  }

  primary(): Expr {
    this.skipSpace();
    const text = this.text;
    const char = text[this.pos];
    if (char === undefined) this.fail('unexpected end of expression');
    if (char === '(') {
      this.pos += 1;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (char === '"') {
      this.pos += 1;
      return { kind: 'template', parts: this.templateParts(true) };
    }
    if (text.startsWith('<<', this.pos)) return this.heredoc();
    if (char === '[') return this.tupleOrFor();
    if (char === '{') return this.objectOrFor();
    const number = /^(\d+(\.\d+)?([eE][+-]?\d+)?|-\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(this.pos, this.pos + 64));
    if (number) {
      this.pos += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    const start = this.pos;
    const name = this.identifier();
    if (name === undefined) this.fail('unexpected character');
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    let callee = name;
    while (this.text.startsWith('::', this.pos)) {
      this.pos += 2;
      callee += `::${this.identifier() ?? ''}`;
    }
    if (this.peek('(')) {
      this.pos += 1;
      const args: Expr[] = [];
      let expand = false;
      while (!this.eat(')')) {
        args.push(this.expression());
        if (this.eat('...')) expand = true;
        if (!this.eat(',') && !this.peek(')')) this.fail('expected "," or ")" in a function call');
      }
      return { kind: 'call', name: callee, args, expand, source: text.slice(start, this.pos) };
    }
    return { kind: 'variable', name };
  }

  heredoc(): Expr {
    const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(this.text.slice(this.pos, this.pos + 300));
    if (!header) this.fail('malformed heredoc');
    this.pos += header[0].length;
    const marker = new RegExp(`^[ \\t]*${header[2] ?? ''}[ \\t]*$`, 'gm');
    marker.lastIndex = this.pos;
    const end = marker.exec(this.text);
    if (!end) this.fail('unterminated heredoc');
    let body = this.text.slice(this.pos, end.index);
    this.pos = end.index + end[0].length;
    if (header[1] === '-') {
      const lines = body.split('\n');
      // The smallest indent, found in a loop: spreading every line into Math.min overflows the stack on long heredocs.
      let strip = Infinity;
      for (const line of lines) if (line.trim() !== '') strip = Math.min(strip, /^[ \t]*/.exec(line)?.[0].length ?? 0);
      if (strip === Infinity) strip = 0;
      body = lines.map((line) => line.slice(strip)).join('\n');
    }
    return { kind: 'template', parts: parseTemplate(body, this.maxNesting - this.depth) };
  }

  tupleOrFor(): Expr {
    this.expect('[');
    const save = this.pos;
    if (this.identifier() === 'for') {
      this.skipSpace();
      if (/^[A-Za-z_]/.test(this.text[this.pos] ?? '')) return this.forRest(false);
    }
    this.pos = save;
    const items: Expr[] = [];
    while (!this.eat(']')) {
      items.push(this.expression());
      if (!this.eat(',') && !this.peek(']')) this.fail('expected "," or "]"');
    }
    return { kind: 'tuple', items };
  }

  objectOrFor(): Expr {
    this.expect('{');
    const save = this.pos;
    if (this.identifier() === 'for') {
      this.skipSpace();
      if (/^[A-Za-z_]/.test(this.text[this.pos] ?? '')) return this.forRest(true);
    }
    this.pos = save;
    const entries: Array<{ key: Expr; value: Expr }> = [];
    while (!this.eat('}')) {
      this.skipSpace();
      let key: Expr;
      const keyStart = this.pos;
      const bare = this.identifier();
      if (bare !== undefined && (this.peek('=') || this.peek(':')) && !this.peek('==')) {
        key = { kind: 'literal', value: bare };
      } else {
        this.pos = keyStart;
        key = this.expression();
      }
      if (!this.eat('=') && !this.eat(':')) this.fail('expected "=" or ":" in an object');
      const value = this.expression();
      entries.push({ key, value });
      this.eat(',');
    }
    return { kind: 'object', entries };
  }

  forRest(object: boolean): Expr {
    const first = this.identifier();
    if (first === undefined) this.fail('expected a variable name');
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.eat(',')) {
      keyVar = first;
      valueVar = this.identifier() ?? this.fail('expected a variable name');
    }
    if (this.identifier() !== 'in') this.fail('expected "in"');
    const collection = this.expression();
    this.expect(':');
    let keyExpr: Expr | undefined;
    let valueExpr = this.expression();
    if (object) {
      this.expect('=>');
      keyExpr = valueExpr;
      valueExpr = this.expression();
    }
    const grouped = this.eat('...');
    let condition: Expr | undefined;
    const save = this.pos;
    if (this.identifier() === 'if') condition = this.expression();
    else this.pos = save;
    this.expect(object ? '}' : ']');
    return { kind: 'for', keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouped, object };
  }

  /** Reads template parts up to the closing quote (quoted) or the end of the text; handles escapes when quoted. */
  templateParts(quoted: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    const text = this.text;
    let literal = '';
    const flush = (): void => {
      if (literal !== '') parts.push(literal);
      literal = '';
    };
    while (this.pos < text.length) {
      const char = text[this.pos];
      if (quoted && char === '"') {
        this.pos += 1;
        flush();
        return parts;
      }
      if (quoted && char === '\\') {
        const next = text[this.pos + 1];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (next !== undefined && next in simple) {
          literal += simple[next];
          this.pos += 2;
          continue;
        }
        if (next === 'u' || next === 'U') {
          const length = next === 'u' ? 4 : 8;
          const code = Number.parseInt(text.slice(this.pos + 2, this.pos + 2 + length), 16);
          literal += Number.isFinite(code) ? String.fromCodePoint(code) : '';
          this.pos += 2 + length;
          continue;
        }
        literal += char;
        this.pos += 1;
        continue;
      }
      if ((char === '$' || char === '%') && text[this.pos + 1] === char && text[this.pos + 2] === '{') {
        literal += `${char}{`;
        this.pos += 3;
        continue;
      }
      if (char === '$' && text[this.pos + 1] === '{') {
        flush();
        this.pos += 2;
        this.eat('~');
        const start = this.pos;
        const expr = this.expression();
        const source = text.slice(start, this.pos).trim();
        this.eat('~');
        this.expect('}');
        parts.push({ expr, source });
        continue;
      }
      if (char === '%' && text[this.pos + 1] === '{') {
        flush();
        const end = text.indexOf('}', this.pos);
        const stop = end < 0 ? text.length : end + 1;
        parts.push({ directive: text.slice(this.pos, stop) });
        this.pos = stop;
        continue;
      }
      literal += char;
      this.pos += 1;
    }
    if (quoted) this.fail('unterminated string');
    flush();
    return parts;
  }
}

/** Parses one expression (the text between `${` and `}`, or an attribute's source). */
export function parseExpression(text: string, maxNesting = MAX_EXPRESSION_NESTING): Expr {
  const parser = new Parser(text, maxNesting);
  const expr = parser.expression();
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail('unexpected text after the expression');
  return expr;
}

/** Parses a string as hcl2json gives it: literal text with `${...}` interpolations, escapes already decoded. */
export function parseTemplate(text: string, maxNesting = MAX_EXPRESSION_NESTING): TemplatePart[] {
  return new Parser(text, maxNesting).templateParts(false);
}
