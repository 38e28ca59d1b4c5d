import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify } from 'yaml';
import { duties, getDuty } from '../model/catalogue.js';
import { isIsoDate, isoDay } from './dates.js';
import { isWebUrl, keyOf } from './load.js';
import { didYouMean } from './suggest.js';
import { checkYamlSize } from './yaml-size.js';

export interface NewAttestation {
  duty: string;
  by: string;
  date: string;
  evidence: string;
  expires: string;
}

/** What is wrong with an attestation before it is written: an unknown duty, bad dates, a bad link. */
export function attestationProblems(entry: NewAttestation, now: Date): string[] {
  const problems: string[] = [];
  const duty = getDuty(entry.duty);
  if (!duty) {
    problems.push(`"${entry.duty}" is not a duty${didYouMean(entry.duty, duties.filter((candidate) => candidate.owner !== 'provider').map((candidate) => candidate.id))}; \`demarc explain <id>\` describes one`);
  } else if (duty.owner === 'provider') {
    problems.push(`"${entry.duty}" is AWS's duty (owner: provider): there is nothing for the customer to attest`);
  }
  if (entry.by.trim() === '') problems.push('--by must name who attests');
  if (entry.evidence.trim() === '') problems.push('--evidence must give a URL or a file');
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.evidence)) {
    if (!isWebUrl(entry.evidence)) problems.push(`--evidence "${entry.evidence}" is not an http(s) URL`);
  }
  for (const [option, value] of [['--date', entry.date], ['--expires', entry.expires]] as const) {
    if (!isIsoDate(value)) problems.push(`${option} "${value}" is not a valid date: write YYYY-MM-DD`);
  }
  if (isIsoDate(entry.date) && isIsoDate(entry.expires)) {
    if (entry.expires < entry.date) problems.push(`--expires ${entry.expires} is before --date ${entry.date}`);
    else if (entry.expires < isoDay(now)) problems.push(`--expires ${entry.expires} is already past`);
  }
  return problems;
}

/** The entry as YAML lines of a block sequence item, indented by `indent`. */
function itemLines(item: NewAttestation, indent: string): string {
  const lines = stringify(item).trimEnd().split('\n');
  return lines.map((line, index) => `${indent}${index === 0 ? '- ' : '  '}${line}`).join('\n');
}

function withTrailingNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Adds an attestation to the text of a configuration file (or to nothing: a new file). The common shapes (no
 * `attestations` yet, or a block list of them) are edited as text, so every other byte stays as it was; anything
 * else goes through the YAML document model, which keeps comments but may respace them.
 */
export function addAttestationToText(text: string | undefined, entry: NewAttestation): string {
  const original = text ?? '';
  const counter = new LineCounter();
  const doc = parseDocument(original, { lineCounter: counter });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first?.linePos?.[0]?.line;
    throw new Error(`the file is not valid YAML${line !== undefined ? ` (line ${line})` : ''}: fix it before adding to it`);
  }
  const tooLarge = checkYamlSize(doc);
  if (tooLarge) throw new Error(`${keyOf(tooLarge.path) || 'the document'} ${tooLarge.message}`);
  const item = { duty: entry.duty, by: entry.by, date: entry.date, evidence: entry.evidence, expires: entry.expires };
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error('the file does not hold a map of settings at its top level');
  const list: unknown = doc.get('attestations', true);
  if (list !== undefined && list !== null && !isSeq(list)) throw new Error('its `attestations` key is not a list');

  const spliced = spliceAsText(original, list, item, counter);
  if (spliced !== undefined) {
    // Keep the text edit only if it reads back as exactly the old settings plus the new entry.
    const before: unknown = doc.toJS();
    const settings: Record<string, unknown> = typeof before === 'object' && before !== null && !Array.isArray(before) ? { ...before } : {};
    const previous = settings['attestations'];
    const wanted = JSON.stringify({ ...settings, attestations: [...(Array.isArray(previous) ? previous : []), item] });
    const check = parseDocument(spliced);
    if (check.errors.length === 0 && JSON.stringify(check.toJS()) === wanted) return spliced;
  }
  if (list === undefined || list === null) doc.set('attestations', doc.createNode([item]));
  else if (isSeq(list)) list.add(doc.createNode(item));
  return doc.toString();
}

function spliceAsText(original: string, list: unknown, item: NewAttestation, counter: LineCounter): string | undefined {
  if (list === undefined) return `${withTrailingNewline(original)}attestations:\n${itemLines(item, '  ')}\n`;
  if (!isSeq(list) || list.flow || list.items.length === 0 || !list.range) return undefined;
  const last: unknown = list.items[list.items.length - 1];
  if (!(isMap(last) || isScalar(last) || isSeq(last)) || !last.range) return undefined;
  const firstLine = counter.linePos(list.range[0]).line;
  const lineStarts = counter.lineStarts;
  const firstLineText = original.slice(lineStarts[firstLine - 1] ?? 0, lineStarts[firstLine] ?? original.length);
  const indent = /^(\s*)-/.exec(firstLineText)?.[1];
  if (indent === undefined) return undefined;
  const endLine = counter.linePos(Math.max(0, last.range[1] - 1)).line;
  const cut = lineStarts[endLine] ?? original.length;
  const head = withTrailingNewline(original.slice(0, cut));
  return `${head}${itemLines(item, indent)}\n${original.slice(cut)}`;
}
