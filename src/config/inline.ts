/**
 * Suppressions written in the code, beside the resource they are about: CloudFormation `Metadata` (demarc's own, and
 * the cdk-nag, cfn_nag and Checkov entries templates already carry) and Terraform comments (`# demarc:ignore`,
 * `#checkov:skip=`). Sources only read them, as data on the resource; `resolveInlineSuppressions` checks them and
 * turns the valid ones into rules that `applyConfig` applies with the same matching as the configuration's.
 */
import type { Finding } from '../engine/result.js';
import { matchesCheckPattern } from '../glob.js';
import type { Inventory, InlineSuppression, InlineSuppressionKind, SourceProblem } from '../inventory/resource.js';
import { hasExpired, isIsoDate } from './dates.js';
import { demarcEquivalents, type ForeignTool } from './foreign-suppressions.js';

/** Fewer characters than this is no reason: "ok", "false pos" and "n/a" say nothing to the next reader. */
export const MIN_REASON_LENGTH = 10;

type Raw = Readonly<Record<string, unknown>>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Scalars as written: a YAML date or number in a reason or an expiry is read as its text. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/**
 * The suppressions in a CloudFormation resource's `Metadata`:
 * - `demarc: { suppress: [ { check, reason, expires? } ] }`;
 * - `cdk_nag: { rules_to_suppress: [ { id, reason } ] }` and `cfn_nag: { rules_to_suppress: [ { id, reason } ] }`;
 * - `checkov: { skip: [ { id, comment } ] }`.
 * `line` is the resource's line; `lineOf`, when given, finds the line of each entry.
 */
export function inlineSuppressionsFromMetadata(
  metadata: unknown,
  file: string,
  line: number | undefined,
  lineOf?: (value: object) => number | undefined,
): InlineSuppression[] {
  if (!isRaw(metadata)) return [];
  const out: InlineSuppression[] = [];
  const at = (value: unknown): number | undefined => (lineOf !== undefined && typeof value === 'object' && value !== null ? (lineOf(value) ?? line) : line);
  const entry = (kind: InlineSuppressionKind, rule: string, where: unknown): InlineSuppression => {
    const suppression: InlineSuppression = { kind, rule, file };
    const place = at(where);
    if (place !== undefined) suppression.line = place;
    return suppression;
  };
  const problem = (kind: InlineSuppressionKind, where: unknown, message: string): void => {
    out.push({ ...entry(kind, '', where), problem: message });
  };

  const demarc = metadata['demarc'];
  if (demarc !== undefined) {
    const list = isRaw(demarc) ? demarc['suppress'] : undefined;
    if (!Array.isArray(list)) {
      problem('demarc-metadata', demarc, 'Metadata.demarc must be a mapping with a `suppress` list of {check, reason, expires}');
    } else {
      for (const [index, item] of list.entries()) {
        const key = `Metadata.demarc.suppress[${index}]`;
        if (!isRaw(item)) {
          problem('demarc-metadata', list, `${key} must be a mapping of check, reason and expires`);
          continue;
        }
        const check = text(item['check']);
        if (check === undefined || check.trim() === '') {
          problem('demarc-metadata', item, `${key} names no check: write check: <check id or glob>`);
          continue;
        }
        const suppression = entry('demarc-metadata', check.trim(), item);
        const reason = text(item['reason']);
        if (reason !== undefined) suppression.reason = reason;
        const expires = item['expires'];
        if (expires !== undefined && expires !== null) suppression.expires = text(expires) ?? '(not a date)';
        const unknownKeys = Object.keys(item).filter((name) => !['check', 'reason', 'expires'].includes(name));
        if (unknownKeys.length > 0) suppression.problem = `${key} has unknown key${unknownKeys.length === 1 ? '' : 's'} ${unknownKeys.join(', ')}; expected check, reason and expires`;
        out.push(suppression);
      }
    }
  }

  const foreign = (kind: ForeignTool, section: string, listKey: string, reasonKey: string): void => {
    const value = metadata[section];
    const list = isRaw(value) ? value[listKey] : undefined;
    // Another tool's metadata is that tool's to validate: what demarc cannot read it leaves alone.
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (!isRaw(item)) continue;
      const id = text(item['id']);
      if (id === undefined || id.trim() === '') continue;
      // cdk-nag's `applies_to` suppresses only some of the rule's findings, which demarc cannot tell apart.
      if (kind === 'cdk-nag' && item['applies_to'] !== undefined) continue;
      const suppression = entry(kind, id.trim(), item);
      const reason = text(item[reasonKey]);
      if (reason !== undefined) suppression.reason = reason;
      out.push(suppression);
    }
  };
  foreign('cdk-nag', 'cdk_nag', 'rules_to_suppress', 'reason');
  foreign('cfn_nag', 'cfn_nag', 'rules_to_suppress', 'reason');
  foreign('checkov', 'checkov', 'skip', 'comment');
  return out;
}

const DEMARC_COMMENT = /^\s*(?:#|\/\/)\s*demarc:ignore\b(.*)$/;
const CHECKOV_COMMENT = /^\s*(?:#|\/\/)\s*checkov:skip\s*=\s*([A-Za-z0-9_]+)\s*(?::(.*))?$/;
const COMMENT = /^\s*(?:#|\/\/)/;

/** A comment line's suppression, or undefined when the line holds none. */
function commentSuppression(lineText: string, file: string, line: number): InlineSuppression | undefined {
  const demarc = DEMARC_COMMENT.exec(lineText);
  if (demarc) {
    const rest = (demarc[1] ?? '').trim();
    const [rule = '', ...words] = rest.split(/\s+/);
    const suppression: InlineSuppression = { kind: 'terraform-comment', rule, file, line };
    if (rule === '') suppression.problem = 'demarc:ignore names no check: write `# demarc:ignore <check-id> <reason>`';
    const reason = words.join(' ').trim();
    if (reason !== '') suppression.reason = reason;
    return suppression;
  }
  const checkov = CHECKOV_COMMENT.exec(lineText);
  if (checkov) {
    const suppression: InlineSuppression = { kind: 'checkov', rule: checkov[1] ?? '', file, line };
    const reason = (checkov[2] ?? '').trim();
    if (reason !== '') suppression.reason = reason;
    return suppression;
  }
  return undefined;
}

/**
 * The suppressions written as comments on the lines just above a Terraform block (up to the first line that is not a
 * comment) and on the lines inside it. `startLine` is the block header's line (1-based).
 */
export function terraformCommentSuppressions(lines: readonly string[], startLine: number, file: string): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  const above: InlineSuppression[] = [];
  for (let index = startLine - 2; index >= 0; index -= 1) {
    const lineText = lines[index] ?? '';
    if (!COMMENT.test(lineText)) break;
    const found = commentSuppression(lineText, file, index + 1);
    if (found) above.unshift(found);
  }
  out.push(...above);
  let depth = 0;
  let heredoc: string | undefined;
  for (let index = startLine - 1; index < lines.length; index += 1) {
    const lineText = lines[index] ?? '';
    if (heredoc !== undefined) {
      if (lineText.trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (index > startLine - 1) {
      const found = commentSuppression(lineText, file, index + 1);
      if (found) {
        out.push(found);
        continue;
      }
    }
    let inString = false;
    for (let position = 0; position < lineText.length; position += 1) {
      const char = lineText[position];
      if (char === '\\') position += 1;
      else if (char === '"') inString = !inString;
      else if (!inString && (char === '#' || (char === '/' && lineText[position + 1] === '/'))) break;
      else if (!inString && char === '{') depth += 1;
      else if (!inString && char === '}') depth -= 1;
    }
    const marker = /<<-?\s*([A-Za-z_][\w]*)\s*$/.exec(lineText);
    if (marker) heredoc = marker[1];
    if (depth <= 0 && (index > startLine - 1 || lineText.includes('}'))) break;
  }
  return out;
}

/** A valid inline suppression, bound to its resource: the shape `applyConfig` applies. */
export interface InlineRule {
  /** A demarc check id or glob. */
  check: string;
  reason: string;
  expires?: string;
  source: NonNullable<NonNullable<Finding['suppressed']>['source']>;
  /** `file:line`, for messages. */
  where: string;
}

export interface InlineResolution {
  /** Valid rules (expired ones included: they leave a note on the findings they no longer suppress), by resource key. */
  rulesByResource: Map<string, InlineRule[]>;
  /** Entries that do not apply (no reason, an unknown check, a bad date) and expired ones: warnings with file and line. */
  problems: SourceProblem[];
}

const LABEL: Record<InlineSuppressionKind, string> = {
  'demarc-metadata': 'the demarc suppression',
  'terraform-comment': 'the demarc:ignore comment',
  'cdk-nag': 'the cdk-nag suppression',
  cfn_nag: 'the cfn_nag suppression',
  checkov: 'the checkov:skip',
};

const isForeign = (kind: InlineSuppressionKind): kind is ForeignTool => kind === 'cdk-nag' || kind === 'cfn_nag' || kind === 'checkov';

/**
 * Checks the suppressions the sources read and keeps the valid ones. One written on several resources (a Terraform
 * block with a count) is judged once. `checkIds` is the whole catalogue: naming a check that did not run is no mistake.
 */
export function resolveInlineSuppressions(
  inventory: Inventory,
  checkIds: readonly string[],
  now: Date,
  resourceKey: (resource: Inventory['resources'][number]) => string,
): InlineResolution {
  const rulesByResource = new Map<string, InlineRule[]>();
  const problems: SourceProblem[] = [];
  const judged = new Set<string>();
  for (const resource of inventory.resources) {
    if (!resource.suppressions || resource.suppressions.length === 0) continue;
    const rules: InlineRule[] = [];
    for (const written of resource.suppressions) {
      const identity = `${written.file}\u0000${written.line ?? ''}\u0000${written.kind}\u0000${written.rule}`;
      const first = !judged.has(identity);
      judged.add(identity);
      const report = (message: string): void => {
        if (!first) return;
        const problem: SourceProblem = { file: written.file, message: `${LABEL[written.kind]}${written.rule ? ` of ${written.rule}` : ''} on ${resource.id} ${message}`, fatal: false };
        if (written.line !== undefined) problem.line = written.line;
        problems.push(problem);
      };
      if (written.problem !== undefined) {
        report(`is not applied: ${written.problem}`);
        continue;
      }
      const checks = isForeign(written.kind) ? demarcEquivalents(written.kind, written.rule) : [written.rule];
      // Another tool's rule with no demarc equivalent says nothing about demarc's checks.
      if (checks.length === 0) continue;
      if (!isForeign(written.kind) && !checkIds.some((id) => matchesCheckPattern(written.rule, id))) {
        report('is not applied: no demarc check has that id (`demarc checks` lists them)');
        continue;
      }
      const reason = written.reason?.trim() ?? '';
      if (reason.length < MIN_REASON_LENGTH) {
        report(`is not applied: ${reason === '' ? 'it gives no reason' : `its reason "${reason}" is too short`}; a suppression needs a reason of at least ${MIN_REASON_LENGTH} characters`);
        continue;
      }
      if (written.expires !== undefined && !isIsoDate(written.expires)) {
        report(`is not applied: expires "${written.expires}" is not a date; write YYYY-MM-DD (a real calendar day)`);
        continue;
      }
      if (hasExpired(written.expires, now)) report(`expired on ${written.expires ?? ''}: it no longer applies and its findings count again`);
      const source: InlineRule['source'] = { kind: written.kind, file: written.file };
      if (written.line !== undefined) source.line = written.line;
      if (isForeign(written.kind)) source.rule = written.rule;
      for (const check of checks) {
        const rule: InlineRule = { check, reason, source, where: `${written.file}${written.line !== undefined ? `:${written.line}` : ''}` };
        if (written.expires !== undefined) rule.expires = written.expires;
        rules.push(rule);
      }
    }
    if (rules.length > 0) {
      const key = resourceKey(resource);
      rulesByResource.set(key, [...(rulesByResource.get(key) ?? []), ...rules]);
    }
  }
  return { rulesByResource, problems };
}
