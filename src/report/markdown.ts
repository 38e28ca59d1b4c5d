import type { Finding, ScanResult } from '../engine/result.js';
import { isCustomerFailure } from '../engine/summary.js';
import { getLayer } from '../model/catalogue.js';
import { LAYER_IDS, SEVERITIES, type CellStatus } from '../model/vocabulary.js';
import { escapeMarkdown as md } from './escape.js';
import { isActionable, locationText, resourceLabel, worstFirst } from './findings.js';
import { frameworkCountsText, frameworkResults } from './framework-status.js';
import { awsDocUrl } from './links.js';
import { counted } from './plural.js';
import { shownMatrix } from './shown.js';

/** GitHub rejects comments over 65,536 characters; stay under with room to spare. */
export const MARKDOWN_LIMIT = 65_000;

const STATUS_BADGE: Record<CellStatus, string> = {
  pass: '🟢 pass',
  fail: '🔴 fail',
  error: '🟣 error',
  unknown: '🟡 unknown',
  'not-applicable': '⚪ n/a',
  inherited: '🔵 inherited',
  attested: '🟢 attested',
  'not-assessed': '⚪ not assessed',
};

function findingLabel(finding: Finding): string {
  if (finding.status === 'fail') {
    if (finding.suppressed) return `${finding.severity} (suppressed)`;
    if (finding.owner === 'provider') return `${finding.severity} (AWS)`;
    return `**${finding.severity}**`;
  }
  return finding.status;
}

function findingRow(finding: Finding): string {
  const where = locationText(finding);
  const note = finding.suppressed ? ` — suppressed: ${md(finding.suppressed.reason)}` : finding.attribution ? ` — attributed to AWS: ${md(finding.attribution)}` : '';
  // The link is the catalogue's own (https only, see links.ts), never text from the scan.
  const docs = awsDocUrl(finding.checkId);
  return `| ${findingLabel(finding)} | \`${md(finding.checkId)}\`${docs ? ` [AWS docs](${docs})` : ''} | ${md(resourceLabel(finding))} | ${where ? md(where) : ''} | ${md(finding.message)}${note} |`;
}

function headline(result: ScanResult): string {
  const failures = SEVERITIES.map((severity) => [severity, result.summary.customerFailures[severity]] as const).filter(([, count]) => count > 0);
  const total = failures.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return '✅ No customer-owned failures.';
  return `❌ ${total} customer-owned failure${total === 1 ? '' : 's'}: ${failures.map(([severity, count]) => `${count} ${severity}`).join(', ')}.`;
}

/** A pull-request comment: the headline, the layer picture, then findings worst first, cut to fit GitHub's limit. */
export function renderMarkdown(result: ScanResult): string {
  const { summary } = result;
  const { layers, knownCells: known } = shownMatrix(result);
  const head: string[] = [
    '## demarc: shared responsibility scan',
    '',
    headline(result),
    '',
    `${counted(summary.resources, 'resource')}, ${counted(summary.checks, 'check')}: ${summary.byStatus.pass} pass, ${summary.byStatus.fail} fail, ${summary.byStatus.unknown} unknown, ${summary.byStatus.error} error` +
      `${summary.providerAttributed > 0 ? `; ${summary.providerAttributed} attributed to AWS` : ''}${summary.suppressed > 0 ? `; ${summary.suppressed} suppressed` : ''}${summary.gaps > 0 ? `; ${counted(summary.gaps, 'collection gap')}` : ''}` +
      `${known > 0 ? `; ${counted(known, 'matrix cell')} open but already known from the baseline` : ''}.`,
    '',
    '<details><summary>Who owns each layer</summary>',
    '',
    '| Layer | Owner | Status |',
    '|---|---|---|',
    ...[...layers]
      .sort((a, b) => LAYER_IDS.indexOf(b.layer) - LAYER_IDS.indexOf(a.layer))
      .map((layer) => `| ${md(getLayer(layer.layer)?.title ?? layer.layer)} | ${layer.owner === 'provider' ? 'AWS' : layer.owner} | ${STATUS_BADGE[layer.status]}${(layer.counts.known ?? 0) > 0 ? ` (${layer.counts.known ?? 0} known)` : ''} |`),
    '',
    '</details>',
    '',
  ];
  for (const status of frameworkResults(result)) {
    head.push(`**${md(status.title)} ${md(status.version)}**: ${md(frameworkCountsText(status))}.`, '');
  }
  const shown = worstFirst(result.findings.filter(isActionable));
  const tail: string[] = [];
  const problems = result.coverage.problems.length;
  const uncovered = result.coverage.uncovered.length;
  if (problems > 0 || uncovered > 0) {
    tail.push('', `Coverage: ${problems} input problem${problems === 1 ? '' : 's'}, ${uncovered} resource${uncovered === 1 ? '' : 's'} of types demarc does not model yet.`);
  }
  tail.push('', `<sub>demarc ${md(result.tool.version)} · ${md(result.generatedAt)}</sub>`, '');

  if (shown.length === 0) return [...head, 'No failing, unknown or erroring checks.', ...tail].join('\n');
  const tableHead = ['### Findings (worst first)', '', '| Severity | Check | Resource | Location | Message |', '|---|---|---|---|---|'];
  const lengthOf = (lines: readonly string[]): number => lines.reduce((sum, line) => sum + line.length + 1, 0);
  // Reserve room for the truncation note, whose length depends only on the counts.
  const budget = MARKDOWN_LIMIT - lengthOf(head) - lengthOf(tableHead) - lengthOf(tail) - 300;
  const rows: string[] = [];
  let used = 0;
  for (const finding of shown) {
    const row = findingRow(finding);
    if (used + row.length + 1 > budget) break;
    rows.push(row);
    used += row.length + 1;
  }
  const note: string[] = [];
  if (rows.length < shown.length) {
    const left = shown.slice(rows.length);
    const customer = left.filter(isCustomerFailure).length;
    note.push('', `_…and ${left.length} more finding${left.length === 1 ? '' : 's'} not shown (${counted(customer, 'customer-owned failure')} among them) to stay within GitHub's comment limit. Run \`demarc scan\` with \`--format html\` or \`--format sarif\` for all of them._`);
  }
  return [...head, ...tableHead, ...rows, ...note, ...tail].join('\n');
}
