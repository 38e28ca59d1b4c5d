/**
 * Terraform's `regex` and `regexall`, evaluated statically where JavaScript's engine reads the RE2 pattern the same
 * way. RE2 never backtracks; JavaScript does, and a pattern from an untrusted pull request could hold a scan for
 * ever. So patterns that repeat a repeated or alternative part (`(a+)+`, `(a|aa)*`), patterns with more than three
 * open-ended repeats (each one multiplies the work by the text's length), and texts longer than names and ARNs are,
 * are left unknown instead.
 */

import { Unknown, type PropRecord, type PropValue } from '../../../values.js';

const MAX_TEXT = 1024;
const MAX_PATTERN = 1024;
const MAX_OPEN_REPEATS = 3;

/** A group holding a quantifier or an alternative, itself repeated: the shape of catastrophic backtracking. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[*+?|]|\{\d+(?:,\d*)?\})(?:[^()\\]|\\.)*\)\s*(?:[*+]|\{\d+,\d*\})/;
/** Open-ended repeats outside character classes: `*`, `+`, `{n,}`. */
const OPEN_REPEAT = /\\.|\[(?:[^\]\\]|\\.)*\]|[*+]|\{\d+,\}/g;

function compile(pattern: PropValue | undefined, name: string): RegExp | Unknown {
  if (typeof pattern !== 'string') return new Unknown(`${name} with a pattern that is not a string`);
  if (pattern.length > MAX_PATTERN) return new Unknown(`${name}: patterns longer than ${MAX_PATTERN} characters are not evaluated statically`);
  // RE2's named groups are written (?P<name>...); its flags (?i) have no JavaScript equivalent here, and the
  // lookarounds JavaScript has are errors in RE2.
  const source = pattern.replace(/\(\?P</g, '(?<');
  if (/\(\?(?!:)/.test(source.replace(/\(\?<[A-Za-z_]\w*>/g, '(')) || /\\[1-9]/.test(source)) return new Unknown(`${name}: the pattern uses RE2 syntax not evaluated statically`);
  if (NESTED_QUANTIFIER.test(source)) return new Unknown(`${name}: the pattern repeats a repeated group, not evaluated statically`);
  const repeats = (source.match(OPEN_REPEAT) ?? []).filter((token) => token === '*' || token === '+' || token.startsWith('{')).length;
  if (repeats > MAX_OPEN_REPEATS) return new Unknown(`${name}: the pattern has more than ${MAX_OPEN_REPEATS} open-ended repeats, not evaluated statically`);
  try {
    return new RegExp(source, 'g');
  } catch {
    return new Unknown(`${name}: the pattern is not understood`);
  }
}

/** A match as Terraform gives it: the text with no groups, a list of groups, or an object of named groups. */
function matchValue(match: RegExpExecArray): PropValue {
  if (match.length === 1) return match[0];
  if (match.groups) {
    const out: PropRecord = {};
    for (const [key, value] of Object.entries(match.groups)) out[key] = value ?? '';
    return out;
  }
  return match.slice(1).map((group) => group ?? '');
}

function matches(pattern: PropValue | undefined, text: PropValue | undefined, name: string, first: boolean): PropValue[] | Unknown {
  const regex = compile(pattern, name);
  if (regex instanceof Unknown) return regex;
  if (typeof text !== 'string') return new Unknown(`${name} of a value that is not a string`);
  if (text.length > MAX_TEXT) return new Unknown(`${name}: texts longer than ${MAX_TEXT} characters are not evaluated statically`);
  const out: PropValue[] = [];
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    out.push(matchValue(match));
    if (first) break;
    if (match[0] === '') regex.lastIndex += 1;
  }
  return out;
}

export function regexall([pattern, text]: PropValue[]): PropValue {
  return matches(pattern, text, 'regexall', false);
}

export function regex([pattern, text]: PropValue[]): PropValue {
  const found = matches(pattern, text, 'regex', true);
  if (found instanceof Unknown) return found;
  // Terraform fails the plan when nothing matches; a value that would be an error is not guessed.
  return found.length > 0 ? (found[0] ?? null) : new Unknown('regex: the pattern does not match, which Terraform reports as an error');
}
