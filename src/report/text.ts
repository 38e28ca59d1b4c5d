import type { Finding, FrameworkItemStatus, ScanResult } from '../engine/result.js';
import { isCustomerFailure } from '../engine/summary.js';
import { frameworkCountsText } from './framework-status.js';
import { LAYER_IDS, SEVERITIES, severityRank, type CellStatus, type LayerId, type Owner, type Severity } from '../model/vocabulary.js';
import { counted, grouped } from './plural.js';
import { shownMatrix, type ShownCell, type ShownRow } from './shown.js';
import { pad, painter, plain, SEVERITY_PAINT, truncate, wrap, type Paint, type TextStyle } from './terminal-style.js';

/** How much of the result the text shows; the CLI's `--compact` and `--severity`. */
export interface TextView {
  /** true: the compact view; false: every finding; undefined: compact when the full list would pass `COMPACT_AFTER` lines. */
  compact?: boolean;
  /** Show only findings at or above this severity (a display filter: the exit code still follows `--fail-on`). */
  severity?: Severity;
}

/** Above this many lines of findings, the text switches to the compact view unless asked for every finding. */
export const COMPACT_AFTER = 400;

const LAYER_LABELS: Record<LayerId, string> = {
  facilities: 'FAC', hardware: 'HW', virtualization: 'VIRT', 'foundation-services': 'SVC',
  'guest-os': 'OS', platform: 'PLAT', application: 'APP', 'network-config': 'NET', 'identity-access': 'IAM',
  'encryption-at-rest': 'REST', 'client-side-encryption': 'CSE', 'traffic-protection': 'TLS', 'customer-data': 'DATA',
  'logging-monitoring': 'LOG',
};

const OWNER_MARK: Record<Owner, string> = { provider: 'A', customer: 'C', shared: 'S', none: ' ' };
const STATUS_MARK: Record<CellStatus, { mark: string; paint: Paint }> = {
  pass: { mark: 'ok', paint: 'green' },
  fail: { mark: 'XX', paint: 'red' },
  error: { mark: '!!', paint: 'magenta' },
  unknown: { mark: '??', paint: 'yellow' },
  'not-applicable': { mark: '--', paint: 'gray' },
  inherited: { mark: '..', paint: 'gray' },
  attested: { mark: 'at', paint: 'cyan' },
  'not-assessed': { mark: '  ', paint: 'dim' },
};

const OWNER_TITLE: Record<Owner, string> = { customer: 'Customer', shared: 'Shared', provider: 'AWS (provider)', none: 'No owner' };
const SHOWN_STATUSES = new Set(['fail', 'error', 'unknown']);

/** The provider layers are the same for every resource: one column stands for the four. */
const CUSTOMER_LAYERS = LAYER_IDS.slice(4);

const KNOWN_MARK = { mark: 'kn', paint: 'dim' } as const satisfies { mark: string; paint: Paint };

function cellText(cell: ShownCell | undefined): { text: string; paint: Paint } {
  if (!cell || cell.owner === 'none') return { text: '  -  ', paint: 'gray' };
  const status = cell.known ? KNOWN_MARK : STATUS_MARK[cell.status];
  return { text: ` ${OWNER_MARK[cell.owner]}${status.mark} `, paint: status.paint };
}

/** Each row's label: its id, or `scope: id` where two scopes (templates, roots, accounts) share the id. */
function matrixLabels(rows: readonly ShownRow[]): Map<ShownRow, string> {
  const scopesById = new Map<string, Set<string>>();
  for (const row of rows) {
    const scopes = scopesById.get(row.resource.id) ?? new Set<string>();
    scopes.add(row.resource.scope ?? '');
    scopesById.set(row.resource.id, scopes);
  }
  const labels = new Map<ShownRow, string>();
  for (const row of rows) {
    const shared = (scopesById.get(row.resource.id)?.size ?? 0) > 1;
    labels.set(row, plain(shared ? `${row.resource.scope ?? ''}: ${row.resource.id}` : (row.resource.name && row.resource.arn === row.resource.id ? row.resource.name : row.resource.id)));
  }
  return labels;
}

function renderMatrix(result: ScanResult, style: TextStyle): string[] {
  const paint = painter(style);
  if (result.matrix.length === 0) return [paint('dim', 'No resources to place in the matrix.')];
  const { rows, knownCells } = shownMatrix(result);
  const columnWidth = 6;
  const labels = matrixLabels(rows);
  let longestId = 0;
  for (const label of labels.values()) longestId = Math.max(longestId, label.length);
  const idWidth = Math.max(12, Math.min(32, longestId, style.width - 2 - columnWidth * 2));
  // Fold: when the layer columns do not fit beside the resource column, print them in several blocks.
  const columns: (LayerId | 'aws')[] = ['aws', ...CUSTOMER_LAYERS];
  const perBlock = Math.max(1, Math.floor((style.width - idWidth - 1) / columnWidth));
  const blocks: (LayerId | 'aws')[][] = [];
  for (let index = 0; index < columns.length; index += perBlock) blocks.push(columns.slice(index, index + perBlock));
  const lines = [paint('bold', 'Responsibility matrix')];
  for (const [blockIndex, block] of blocks.entries()) {
    if (blockIndex > 0) lines.push('');
    const header = pad('RESOURCE', idWidth) + ' ' + block.map((column) => pad(column === 'aws' ? 'AWS' : LAYER_LABELS[column], columnWidth)).join('');
    lines.push(paint('bold', header.trimEnd()));
    for (const row of rows) {
      const label = truncate(labels.get(row) ?? '', idWidth);
      const cells = block.map((column) => {
        if (column === 'aws') return paint('gray', pad('  ..', columnWidth));
        const { text, paint: colour } = cellText(row.cells.find((cell) => cell.layer === column));
        return paint(colour, pad(text, columnWidth));
      });
      lines.push(`${pad(label, idWidth)} ${cells.join('')}`.trimEnd());
    }
  }
  const legend = [
    'Owner: A = AWS, C = customer, S = shared, - = layer does not exist.',
    `Status: ok pass, XX fail, ?? unknown, !! error, .. inherited from AWS, at attested, -- not applicable, blank = not assessed yet${knownCells > 0 ? ', kn = open but already known (--baseline), not reported' : ''}.`,
    `Layers: ${CUSTOMER_LAYERS.map((layer) => `${LAYER_LABELS[layer]} ${layer}`).join(', ')}; AWS = facilities, hardware, virtualization, foundation services.`,
  ];
  for (const text of legend) lines.push(paint('dim', wrap(text, style.width, 0)));
  const withVariant = rows.filter((row) => row.variant);
  if (withVariant.length > 0) {
    lines.push('', paint('bold', 'Variants (the cells follow each resource\'s configuration)'));
    for (const row of withVariant) {
      const variant = row.variant;
      if (!variant) continue;
      const label = truncate(labels.get(row) ?? '', idWidth);
      lines.push(`${pad(label, idWidth)} ${wrap(plain(`${variant.name}: ${variant.because}`), style.width, idWidth + 1)}`);
    }
  }
  return lines;
}

function location(finding: Finding): string {
  const where = finding.location;
  if (!where) return '';
  if (where.file) return `${where.file}${where.line ? `:${where.line}` : ''}`;
  return where.arn ?? '';
}

/** Fills the rest of a line (`room` columns), then wraps what is left to `width`, indented by `indent`. */
function foldAfter(text: string, room: number, width: number, indent: number): string {
  const words = text.split(/\s+/);
  let first = '';
  while (words.length > 0) {
    const word = words[0] ?? '';
    if (first && first.length + 1 + word.length > room) break;
    first = first ? `${first} ${word}` : word;
    words.shift();
  }
  if (words.length === 0) return first;
  return `${first}\n${' '.repeat(indent)}${wrap(words.join(' '), width, indent)}`;
}

/** The label and colour of a finding: its severity for a failure (each severity its own colour), else its status. */
function findingMark(finding: Finding): { label: string; paint: Paint } {
  if (finding.status === 'fail') return { label: finding.severity.toUpperCase(), paint: SEVERITY_PAINT[finding.severity] };
  return { label: finding.status.toUpperCase(), paint: STATUS_MARK[finding.status].paint };
}

/** The findings the text lists: failed, unknown or erroring, at or above the display severity. */
function shownFindings(result: ScanResult, view: TextView): Finding[] {
  const bar = view.severity ? severityRank(view.severity) : 0;
  return result.findings.filter((finding) => SHOWN_STATUSES.has(finding.status) && severityRank(finding.severity) >= bar);
}

function fullFindings(shown: readonly Finding[], style: TextStyle): string[] {
  const paint = painter(style);
  const groups = new Map<string, Finding[]>();
  const ownerOrder: Owner[] = ['customer', 'shared', 'provider', 'none'];
  const sorted = [...shown].sort(
    (a, b) =>
      ownerOrder.indexOf(a.owner) - ownerOrder.indexOf(b.owner) ||
      LAYER_IDS.indexOf(a.layer) - LAYER_IDS.indexOf(b.layer) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      a.checkId.localeCompare(b.checkId),
  );
  for (const finding of sorted) {
    const key = `${OWNER_TITLE[finding.owner]} · ${finding.layer}`;
    const list = groups.get(key) ?? [];
    list.push(finding);
    groups.set(key, list);
  }
  const lines: string[] = [];
  for (const [title, findings] of groups) {
    lines.push('', paint('bold', title));
    for (const finding of findings) {
      const mark = findingMark(finding);
      const where = location(finding);
      const checkId = plain(finding.checkId);
      const resource = `${plain(finding.resource.id)}${finding.resource.constructPath ? ` [${plain(finding.resource.constructPath)}]` : ''} (${plain(finding.resource.type)})`;
      const label = paint(mark.paint, pad(mark.label, 8));
      lines.push(`  ${finding.status === 'fail' && finding.severity === 'critical' ? paint('bold', label) : label} ${paint('bold', checkId)}  ${foldAfter(`${resource}${where ? `  ${plain(where)}` : ''}`, style.width - checkId.length - 13, style.width, 11)}`);
      lines.push(`           ${wrap(plain(finding.message), style.width, 11)}`);
      // Suppressions written in the code say where (`cdk-nag AwsSolutions-S1, template.yaml:12`).
      const written = finding.suppressed?.source;
      const place = written ? ` (${written.kind}${written.rule ? ` ${plain(written.rule)}` : ''}${written.file ? `, ${plain(written.file)}${written.line !== undefined ? `:${written.line}` : ''}` : ''})` : '';
      if (finding.suppressed) lines.push(paint('dim', `           ${wrap(`suppressed: ${plain(finding.suppressed.reason)}${place}`, style.width, 11)}`));
      if (finding.attribution) lines.push(paint('dim', `           ${wrap(`attributed to AWS: ${plain(finding.attribution)}`, style.width, 11)}`));
    }
  }
  // Wrapped messages hold line breaks of their own: count what a reader scrolls through.
  return lines.flatMap((line) => line.split('\n'));
}

interface CheckGroup {
  checkId: string;
  title: string;
  severity: Severity;
  worst: Finding;
  resources: Map<string, string>;
  byStatus: Map<string, number>;
}

/** Customer failures first, then the rest; within each, the worst severity, then the most resources. */
function groupOrder(a: CheckGroup, b: CheckGroup): number {
  return (
    Number(isCustomerFailure(b.worst)) - Number(isCustomerFailure(a.worst)) ||
    Number(b.worst.status === 'fail') - Number(a.worst.status === 'fail') ||
    severityRank(b.severity) - severityRank(a.severity) ||
    b.resources.size - a.resources.size ||
    a.checkId.localeCompare(b.checkId)
  );
}

function severityTable(shown: readonly Finding[], style: TextStyle): string[] {
  const paint = painter(style);
  const columns = ['customer', 'suppressed/AWS', 'unknown', 'error'] as const;
  const counts = new Map<Severity, Record<(typeof columns)[number], number>>();
  for (const severity of SEVERITIES) counts.set(severity, { customer: 0, 'suppressed/AWS': 0, unknown: 0, error: 0 });
  for (const finding of shown) {
    const row = counts.get(finding.severity);
    if (!row) continue;
    if (finding.status === 'fail') row[isCustomerFailure(finding) ? 'customer' : 'suppressed/AWS'] += 1;
    else if (finding.status === 'unknown') row.unknown += 1;
    else if (finding.status === 'error') row.error += 1;
  }
  const widths = columns.map((column) => Math.max(column.length, 6) + 2);
  const lines = [paint('bold', `  ${pad('SEVERITY', 10)}${columns.map((column, index) => pad(column.toUpperCase(), widths[index] ?? 8)).join('')}`.trimEnd())];
  for (const severity of SEVERITIES) {
    const row = counts.get(severity);
    if (!row || columns.every((column) => row[column] === 0)) continue;
    const cells = columns.map((column, index) => pad(String(row[column]), widths[index] ?? 8)).join('');
    lines.push(`  ${paint(SEVERITY_PAINT[severity], pad(severity, 10))}${cells}`.trimEnd());
  }
  return lines;
}

/** Findings grouped by check: one entry per check with the number of resources, and a severity table first. */
function compactFindings(shown: readonly Finding[], style: TextStyle): string[] {
  const paint = painter(style);
  const groups = new Map<string, CheckGroup>();
  for (const finding of shown) {
    let group = groups.get(finding.checkId);
    if (!group) {
      group = { checkId: finding.checkId, title: finding.title, severity: finding.severity, worst: finding, resources: new Map(), byStatus: new Map() };
      groups.set(finding.checkId, group);
    }
    if (isCustomerFailure(finding) && !isCustomerFailure(group.worst)) group.worst = finding;
    else if (finding.status === 'fail' && group.worst.status !== 'fail') group.worst = finding;
    const key = `${finding.resource.scope ?? ''}\u0000${finding.resource.id}`;
    if (!group.resources.has(key)) group.resources.set(key, plain(finding.resource.id));
    const status = finding.status === 'fail' && !isCustomerFailure(finding) ? (finding.suppressed ? 'suppressed' : 'AWS') : finding.status;
    group.byStatus.set(status, (group.byStatus.get(status) ?? 0) + 1);
  }
  const lines = ['', ...severityTable(shown, style), ''];
  for (const group of [...groups.values()].sort(groupOrder)) {
    const mark = findingMark(group.worst);
    const checkId = plain(group.checkId);
    const statuses = [...group.byStatus].map(([status, count]) => `${count} ${status}`).join(', ');
    lines.push(`  ${paint(mark.paint, pad(mark.label, 8))} ${paint('bold', checkId)}  ${foldAfter(`${counted(group.resources.size, 'resource')} (${statuses})`, style.width - checkId.length - 13, style.width, 11)}`);
    const names = [...group.resources.values()];
    const listed = names.slice(0, 3).join(', ') + (names.length > 3 ? `, and ${grouped(names.length - 3)} more` : '');
    lines.push(paint('dim', `           ${wrap(`${plain(group.title)}: ${listed}`, style.width, 11)}`));
  }
  return lines.flatMap((line) => line.split('\n'));
}

function renderFindings(result: ScanResult, style: TextStyle, view: TextView): { lines: string[]; compact: boolean } {
  const paint = painter(style);
  const shown = shownFindings(result, view);
  const hidden = result.findings.filter((finding) => SHOWN_STATUSES.has(finding.status)).length - shown.length;
  const below = hidden > 0 && view.severity ? [paint('dim', `${counted(hidden, 'finding')} below ${view.severity} not shown (--severity ${view.severity}).`)] : [];
  if (shown.length === 0) {
    const none = view.severity ? `No failing, unknown or erroring checks at or above ${view.severity}.` : 'No failing, unknown or erroring checks.';
    return { lines: [paint('green', none), ...below], compact: view.compact === true };
  }
  if (view.compact === true) return { lines: [paint('bold', `Findings by check (compact: ${counted(shown.length, 'finding')})`), ...compactFindings(shown, style), ...spaced(below)], compact: true };
  const full = fullFindings(shown, style);
  if (view.compact === undefined && full.length > COMPACT_AFTER) {
    const note = `Compact view: listing every finding would take ${grouped(full.length)} lines (over ${COMPACT_AFTER}); --no-compact lists them, as do --format html and csv.`;
    return { lines: [paint('bold', `Findings by check (compact: ${counted(shown.length, 'finding')})`), paint('dim', wrap(note, style.width, 0)), ...compactFindings(shown, style), ...spaced(below)], compact: true };
  }
  return { lines: [paint('bold', 'Findings'), ...full, ...spaced(below)], compact: false };
}

function spaced(lines: readonly string[]): string[] {
  return lines.length > 0 ? ['', ...lines] : [];
}

function renderCoverage(result: ScanResult, style: TextStyle): string[] {
  const paint = painter(style);
  const lines: string[] = [];
  const { problems, uncovered, gaps } = result.coverage;
  if (problems.length > 0) {
    lines.push('', paint('bold', 'Input problems'));
    for (const problem of problems) {
      const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
      lines.push(`  ${paint(problem.fatal ? 'red' : 'yellow', problem.fatal ? 'ERROR' : 'WARN ')} ${plain(where)}: ${plain(problem.message)}`);
    }
  }
  if (uncovered.length > 0) {
    lines.push('', paint('bold', `Not covered (${uncovered.length} resource${uncovered.length === 1 ? '' : 's'} of types the model does not know yet)`));
    for (const entry of uncovered.slice(0, 20)) {
      lines.push(`  ${plain(entry.id)} (${plain(entry.type)})${entry.file ? paint('dim', `  ${plain(entry.file)}${entry.line ? `:${entry.line}` : ''}`) : ''}`);
    }
    if (uncovered.length > 20) lines.push(paint('dim', `  ... and ${uncovered.length - 20} more`));
  }
  if (gaps.length > 0) {
    lines.push('', paint('bold', `Collection gaps (${gaps.length})`));
    for (const gap of gaps.slice(0, 20)) {
      const scope = [gap.account, gap.region, gap.call].filter(Boolean).join(' ');
      lines.push(`  ${scope ? `${plain(scope)}: ` : ''}${plain(gap.reason)}`);
    }
  }
  return lines;
}

const ITEM_PAINT: Record<FrameworkItemStatus, Paint> = {
  pass: 'green', fail: 'red', unknown: 'yellow', 'not-applicable': 'gray', inherited: 'gray', attested: 'cyan', 'not-assessed': 'dim',
};

/** Per-item status of the frameworks asked for with `--framework`. */
function renderFrameworks(result: ScanResult, style: TextStyle): string[] {
  const paint = painter(style);
  const lines: string[] = [];
  for (const framework of result.frameworks ?? []) {
    lines.push('', paint('bold', plain(`${framework.title} ${framework.version}: ${frameworkCountsText(framework)}`)));
    lines.push(paint('dim', `  ${pad('item', 7)} ${pad('status', 15)}${pad('owner', 9)}title`));
    for (const item of framework.items) {
      const label = `  ${pad(plain(item.id), 7)} ${paint(ITEM_PAINT[item.status], pad(item.status, 15))}${pad(item.owner, 9)}`;
      lines.push(`${label}${wrap(plain(item.title + (item.note && item.status !== 'pass' && item.status !== 'fail' ? ` (${item.note})` : '')), style.width, 34)}`);
    }
  }
  return lines;
}

function renderSummary(result: ScanResult, style: TextStyle): string[] {
  const paint = painter(style);
  const { summary } = result;
  const failures = SEVERITIES.filter((severity) => summary.customerFailures[severity] > 0);
  const total = failures.reduce((sum, severity) => sum + summary.customerFailures[severity], 0);
  const bySeverity = failures.map((severity) => paint(SEVERITY_PAINT[severity], `${summary.customerFailures[severity]} ${severity}`)).join(', ');
  const failureText = total === 0 ? paint('green', 'no customer failures') : `${paint('red', counted(total, 'customer failure'))} (${bySeverity})`;
  const counts = `${summary.byStatus.pass} pass, ${summary.byStatus.fail} fail, ${summary.byStatus.unknown} unknown, ${summary.byStatus.error} error`;
  const { knownCells } = shownMatrix(result);
  const extra = [
    summary.providerAttributed > 0 ? `${summary.providerAttributed} attributed to AWS` : '',
    summary.suppressed > 0 ? `${summary.suppressed} suppressed` : '',
    result.coverage.uncovered.length > 0 ? `${result.coverage.uncovered.length} not covered` : '',
    summary.gaps > 0 ? counted(summary.gaps, 'gap') : '',
    knownCells > 0 ? `${counted(knownCells, 'matrix cell')} open but already known (--baseline)` : '',
  ].filter(Boolean);
  return [
    '',
    paint('bold', 'Summary'),
    `  ${counted(summary.resources, 'resource')} in ${counted(result.sources.length, 'source')}, ${counted(summary.checks, 'check')}: ${counts}`,
    `  ${failureText}${extra.length > 0 ? `; ${extra.join(', ')}` : ''}`,
  ];
}

/** The estate in one table per layer, for the compact view: who owns it and how many cells have each status. */
function renderLayerTable(result: ScanResult, style: TextStyle): string[] {
  const paint = painter(style);
  const { layers } = shownMatrix(result);
  const shownStatuses = ['fail', 'error', 'unknown', 'known', 'not-assessed', 'attested', 'pass'] as const;
  const lines = [
    paint('bold', `Responsibility by layer (${counted(result.matrix.length, 'resource')}; --no-compact or --format html shows the matrix)`),
    paint('bold', `  ${pad('LAYER', 22)}${pad('OWNER', 10)}${shownStatuses.map((status) => pad(status.toUpperCase(), status.length + 2)).join('')}`.trimEnd()),
  ];
  for (const layer of layers) {
    if (!CUSTOMER_LAYERS.includes(layer.layer)) continue;
    const cells = shownStatuses.map((status) => pad(String(layer.counts[status] ?? 0), status.length + 2)).join('');
    lines.push(`  ${pad(layer.layer, 22)}${pad(OWNER_TITLE[layer.owner].split(' ')[0] ?? '', 10)}${cells}`.trimEnd());
  }
  return lines;
}

/**
 * The scan result for a person at a terminal: matrix, then findings by owner and layer, then a summary. The compact
 * view (asked for, or automatic for long lists) shows a table per layer and the findings grouped by check instead.
 */
export function renderText(result: ScanResult, style: TextStyle & TextView = { color: false, width: 100 }): string {
  const view: TextView = { compact: style.compact, severity: style.severity };
  const findings = renderFindings(result, style, view);
  return [
    ...(findings.compact ? renderLayerTable(result, style) : renderMatrix(result, style)), '', ...findings.lines, ...renderCoverage(result, style),
    ...renderFrameworks(result, style), ...renderSummary(result, style), '',
  ].join('\n');
}
