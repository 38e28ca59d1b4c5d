import type { Finding, FrameworkItemStatus, MatrixCell, ScanResult } from '../engine/result.js';
import { frameworkCountsText } from './framework-status.js';
import { LAYER_IDS, severityRank, type CellStatus, type LayerId, type Owner } from '../model/vocabulary.js';
import { pad, painter, plain, truncate, wrap, type Paint, type TextStyle } from './terminal-style.js';

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

function cellText(cell: MatrixCell | undefined): { text: string; paint: Paint } {
  if (!cell || cell.owner === 'none') return { text: '  -  ', paint: 'gray' };
  const status = STATUS_MARK[cell.status];
  return { text: ` ${OWNER_MARK[cell.owner]}${status.mark} `, paint: status.paint };
}

/** Each row's label: its id, or `scope: id` where two scopes (templates, roots, accounts) share the id. */
function matrixLabels(result: ScanResult): Map<ScanResult['matrix'][number], string> {
  const scopesById = new Map<string, Set<string>>();
  for (const row of result.matrix) {
    const scopes = scopesById.get(row.resource.id) ?? new Set<string>();
    scopes.add(row.resource.scope ?? '');
    scopesById.set(row.resource.id, scopes);
  }
  const labels = new Map<ScanResult['matrix'][number], string>();
  for (const row of result.matrix) {
    const shared = (scopesById.get(row.resource.id)?.size ?? 0) > 1;
    labels.set(row, plain(shared ? `${row.resource.scope ?? ''}: ${row.resource.id}` : (row.resource.name && row.resource.arn === row.resource.id ? row.resource.name : row.resource.id)));
  }
  return labels;
}

function renderMatrix(result: ScanResult, style: TextStyle): string[] {
  const paint = painter(style);
  if (result.matrix.length === 0) return [paint('dim', 'No resources to place in the matrix.')];
  const columnWidth = 6;
  const labels = matrixLabels(result);
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
    for (const row of result.matrix) {
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
    'Status: ok pass, XX fail, ?? unknown, !! error, .. inherited from AWS, at attested, -- not applicable, blank = not assessed yet.',
    `Layers: ${CUSTOMER_LAYERS.map((layer) => `${LAYER_LABELS[layer]} ${layer}`).join(', ')}; AWS = facilities, hardware, virtualization, foundation services.`,
  ];
  for (const text of legend) lines.push(paint('dim', wrap(text, style.width, 0)));
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

function renderFindings(result: ScanResult, style: TextStyle): string[] {
  const paint = painter(style);
  const shown = result.findings.filter((finding) => SHOWN_STATUSES.has(finding.status));
  if (shown.length === 0) return [paint('green', 'No failing, unknown or erroring checks.')];
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
  const lines = [paint('bold', 'Findings')];
  for (const [title, findings] of groups) {
    lines.push('', paint('bold', title));
    for (const finding of findings) {
      const status = STATUS_MARK[finding.status];
      const severity = finding.status === 'fail' ? finding.severity.toUpperCase() : finding.status.toUpperCase();
      const where = location(finding);
      const checkId = plain(finding.checkId);
      const resource = `${plain(finding.resource.id)}${finding.resource.constructPath ? ` [${plain(finding.resource.constructPath)}]` : ''} (${plain(finding.resource.type)})`;
      lines.push(`  ${paint(status.paint, pad(severity, 8))} ${paint('bold', checkId)}  ${foldAfter(`${resource}${where ? `  ${plain(where)}` : ''}`, style.width - checkId.length - 13, style.width, 11)}`);
      lines.push(`           ${wrap(plain(finding.message), style.width, 11)}`);
      if (finding.suppressed) lines.push(paint('dim', `           ${wrap(`suppressed: ${plain(finding.suppressed.reason)}`, style.width, 11)}`));
      if (finding.attribution) lines.push(paint('dim', `           ${wrap(`attributed to AWS: ${plain(finding.attribution)}`, style.width, 11)}`));
    }
  }
  return lines;
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
      lines.push(`  ${plain(scope)}: ${plain(gap.reason)}`);
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
    for (const item of framework.items) {
      const label = `  ${pad(plain(item.id), 7)} ${paint(ITEM_PAINT[item.status], pad(item.status, 15))}`;
      lines.push(`${label}${wrap(plain(item.title + (item.note && item.status !== 'pass' && item.status !== 'fail' ? ` (${item.note})` : '')), style.width, 25)}`);
    }
  }
  return lines;
}

function renderSummary(result: ScanResult, style: TextStyle): string[] {
  const paint = painter(style);
  const { summary } = result;
  const failures = Object.entries(summary.customerFailures).filter(([, count]) => count > 0);
  const failureText = failures.length === 0 ? paint('green', 'no customer failures') : paint('red', `${failures.reduce((sum, [, count]) => sum + count, 0)} customer failures (${failures.map(([severity, count]) => `${count} ${plain(severity)}`).join(', ')})`);
  const counts = `${summary.byStatus.pass} pass, ${summary.byStatus.fail} fail, ${summary.byStatus.unknown} unknown, ${summary.byStatus.error} error`;
  const extra = [
    summary.providerAttributed > 0 ? `${summary.providerAttributed} attributed to AWS` : '',
    summary.suppressed > 0 ? `${summary.suppressed} suppressed` : '',
    result.coverage.uncovered.length > 0 ? `${result.coverage.uncovered.length} not covered` : '',
    summary.gaps > 0 ? `${summary.gaps} gaps` : '',
  ].filter(Boolean);
  return [
    '',
    paint('bold', 'Summary'),
    `  ${summary.resources} resources in ${result.sources.length} source${result.sources.length === 1 ? '' : 's'}, ${summary.checks} checks: ${counts}`,
    `  ${failureText}${extra.length > 0 ? `; ${extra.join(', ')}` : ''}`,
  ];
}

/** The scan result for a person at a terminal: matrix, then findings by owner and layer, then a summary. */
export function renderText(result: ScanResult, style: TextStyle = { color: false, width: 100 }): string {
  return [
    ...renderMatrix(result, style), '', ...renderFindings(result, style), ...renderCoverage(result, style),
    ...renderFrameworks(result, style), ...renderSummary(result, style), '',
  ].join('\n');
}
