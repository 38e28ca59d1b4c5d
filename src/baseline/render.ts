import type { Finding, ResourceRef } from '../engine/result.js';
import type { CollectionGap, SourceProblem } from '../inventory/resource.js';
import { painter, plain, type TextStyle } from '../report/terminal-style.js';
import type { CellChange, ListChange, ResultDiff } from './diff.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

function resourceLabel(resource: ResourceRef): string {
  const scope = [resource.account, resource.region].filter(Boolean).join('/');
  return `${resource.id}${scope ? ` [${scope}]` : ''}`;
}

function findingLine(finding: Finding): string {
  const level = finding.status === 'fail' ? finding.severity : finding.status;
  const suppressed = finding.suppressed ? ` (suppressed: ${finding.suppressed.reason})` : '';
  return `${level.toUpperCase()} ${finding.checkId} on ${resourceLabel(finding.resource)}: ${finding.message}${suppressed}`;
}

function gapLine(gap: CollectionGap): string {
  const scope = [gap.account, gap.region, gap.call].filter(Boolean).join(' ');
  return `${scope ? `${scope}: ` : ''}${gap.reason}`;
}

function problemLine(problem: SourceProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}

function cellLine(change: CellChange): string {
  return `${resourceLabel(change.resource)} ${change.layer} (${change.owner}): ${change.from} → ${change.to}${change.note ? ` (${change.note})` : ''}`;
}

interface Section {
  title: string;
  lines: string[];
  tone: 'bad' | 'good' | 'neutral';
}

function coverageSections(diff: ResultDiff): Section[] {
  const pairs: Array<[string, ListChange<string>]> = [
    ['collection gaps', { added: diff.coverage.gaps.added.map(gapLine), removed: diff.coverage.gaps.removed.map(gapLine) }],
    ['resources not covered by the model', {
      added: diff.coverage.uncovered.added.map((entry) => `${entry.id} (${entry.type})`),
      removed: diff.coverage.uncovered.removed.map((entry) => `${entry.id} (${entry.type})`),
    }],
    ['input problems', { added: diff.coverage.problems.added.map(problemLine), removed: diff.coverage.problems.removed.map(problemLine) }],
  ];
  return pairs.flatMap(([name, change]) => [
    { title: `New ${name} (${change.added.length})`, lines: change.added, tone: 'bad' as const },
    { title: `Resolved ${name} (${change.removed.length})`, lines: change.removed, tone: 'good' as const },
  ]);
}

function sections(diff: ResultDiff): Section[] {
  return [
    { title: `New findings (${diff.findings.new.length})`, lines: diff.findings.new.map(findingLine), tone: 'bad' },
    {
      title: `Fixed findings (${diff.findings.fixed.length})`,
      lines: diff.findings.fixed.map(({ finding, now }) => `${findingLine(finding)}${now ? ` — now ${now}` : ' — no longer reported'}`),
      tone: 'good',
    },
    {
      title: `Still open (${diff.findings.open.length})`,
      lines: diff.findings.open.map(({ finding, was }) => `${findingLine(finding)}${was ? ` — was ${was}` : ''}`),
      tone: 'neutral',
    },
    { title: `Matrix cells that changed (${diff.matrix.changed.length})`, lines: diff.matrix.changed.map(cellLine), tone: 'neutral' },
    { title: `Resources added (${diff.matrix.resourcesAdded.length})`, lines: diff.matrix.resourcesAdded.map((resource) => `${resourceLabel(resource)} (${resource.type})`), tone: 'neutral' },
    { title: `Resources removed (${diff.matrix.resourcesRemoved.length})`, lines: diff.matrix.resourcesRemoved.map((resource) => `${resourceLabel(resource)} (${resource.type})`), tone: 'neutral' },
    ...coverageSections(diff),
  ];
}

function headline(diff: ResultDiff): string {
  const { findings, matrix } = diff;
  return `${findings.new.length} new, ${findings.fixed.length} fixed, ${findings.open.length} still open; ${matrix.changed.length} matrix cells changed`;
}

/** The diff for a terminal: empty sections are left out, except the three about findings. */
export function renderDiffText(diff: ResultDiff, style: TextStyle): string {
  const paint = painter(style);
  const lines = [paint('bold', `Changes from ${diff.old.generatedAt} to ${diff.new.generatedAt}`), headline(diff)];
  for (const [index, section] of sections(diff).entries()) {
    if (section.lines.length === 0 && index > 2) continue;
    lines.push('', paint('bold', section.title));
    const colour = section.tone === 'bad' ? 'red' : section.tone === 'good' ? 'green' : 'dim';
    for (const line of section.lines) lines.push(`  ${paint(colour, plain(line))}`);
  }
  return `${lines.join('\n')}\n`;
}

function markdownText(text: string): string {
  return plain(text).replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

export function renderDiffMarkdown(diff: ResultDiff): string {
  const lines = [`## demarc: changes from ${markdownText(diff.old.generatedAt)} to ${markdownText(diff.new.generatedAt)}`, '', `**${headline(diff)}**`];
  for (const [index, section] of sections(diff).entries()) {
    if (section.lines.length === 0 && index > 2) continue;
    lines.push('', `### ${section.title}`, '');
    if (section.lines.length === 0) lines.push('_none_');
    for (const line of section.lines) lines.push(`- ${markdownText(line)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderDiffJson(diff: ResultDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

export function renderDiff(diff: ResultDiff, format: DiffFormat, style: TextStyle): string {
  if (format === 'json') return renderDiffJson(diff);
  if (format === 'markdown') return renderDiffMarkdown(diff);
  return renderDiffText(diff, style);
}
