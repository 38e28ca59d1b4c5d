import { resourceKey, type Finding, type ScanResult } from '../engine/result.js';
import { isCustomerFailure } from '../engine/summary.js';
import { getLayer } from '../model/catalogue.js';
import { CELL_STATUSES, LAYER_IDS, PROVIDER_LAYER_IDS, SEVERITIES, isCustomerSideLayer, severityRank, type CellStatus, type LayerId, type Owner } from '../model/vocabulary.js';
import { checkInfo, controlTitle } from './check-info.js';
import { escapeHtml as esc } from './escape.js';
import { isActionable, locationText, worstFirst } from './findings.js';
import { frameworkCountsText, frameworkResults } from './framework-status.js';
import { awsDocUrl } from './links.js';
import { counted } from './plural.js';
import { shownMatrix, type ShownCell, type ShownLayer, type ShownRow } from './shown.js';

const OWNER_LABEL: Record<Owner, string> = { provider: 'AWS', customer: 'Customer', shared: 'Shared', none: 'None' };
const STATUS_LABEL: Record<CellStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  error: 'error',
  unknown: 'unknown',
  'not-applicable': 'not applicable',
  inherited: 'inherited',
  attested: 'attested',
  'not-assessed': 'not assessed',
};
const STATUS_SHORT: Record<CellStatus, string> = {
  pass: 'ok', fail: 'fail', error: 'err', unknown: '?', 'not-applicable': 'n/a', inherited: 'AWS', attested: 'att', 'not-assessed': '·',
};
const SEGMENT_ORDER: readonly (CellStatus | 'known')[] = ['fail', 'error', 'unknown', 'known', 'not-assessed', 'attested', 'pass', 'inherited', 'not-applicable'];
const SEGMENT_LABEL: Record<CellStatus | 'known', string> = { ...STATUS_LABEL, known: 'known (baseline)' };
const CUSTOMER_LAYERS = LAYER_IDS.filter(isCustomerSideLayer);

const STYLE = `
:root{--critical:#82071e;--high:#cf222e;--medium:#9a6700;--low:#0969da;--info:#6e7781;--known:#8c959f;--fail:#cf222e;--error:#8250df;--unknown:#bf8700;--pass:#1a7f37;--attested:#0f7b6c;--inherited:#4a8fd9;--na:#c4cbd3;--na-text:#57606a;--assess:#eef1f4;
--customer:#f08c2e;--provider:#232f3e;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
header{background:var(--provider);color:#fff;padding:20px 32px}
header h1{margin:0 0 4px;font-size:22px}
header .meta{color:#c9d1d9;font-size:13px;word-break:break-all}
nav{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:8px 32px;display:flex;gap:18px;flex-wrap:wrap}
nav a{color:#0969da;text-decoration:none;font-weight:600}
main{padding:8px 32px 40px;max-width:1400px}
h2{margin:28px 0 6px;font-size:19px}
section{scroll-margin-top:48px}
p.lead{margin:0 0 12px;color:var(--muted)}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0 0}
.card{background:rgba(255,255,255,.08);border:1px solid rgba(255,255,255,.18);border-radius:8px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:22px}
.card.bad b{color:#ff8182}.card.good b{color:#6fdd8b}
.picture{border:1px solid var(--line);border-radius:10px;overflow:hidden;max-width:1100px}
.band{padding:8px 14px;font-weight:700;letter-spacing:.02em;font-size:13px;text-transform:uppercase}
.band.customer{background:var(--customer);color:#1f2328}.band.provider{background:var(--provider);color:#fff}
.layer{display:grid;grid-template-columns:230px 96px 1fr 132px;gap:12px;align-items:center;padding:7px 14px;border-top:1px solid var(--line);min-height:42px}
.layer .name b{display:block}.layer .name small{color:var(--muted)}
.owner{display:inline-block;border-radius:999px;padding:2px 10px;font-size:12px;font-weight:700;text-align:center}
.owner.customer{background:var(--customer);color:#1f2328}.owner.provider{background:var(--provider);color:#fff}
.owner.shared{background:linear-gradient(90deg,var(--customer) 50%,var(--provider) 50%);color:#fff;text-shadow:0 0 3px #000}
.owner.none{background:var(--assess);color:var(--na-text)}
.bar{display:flex;height:18px;border-radius:4px;overflow:hidden;background:var(--assess)}
.seg{height:100%;min-width:3px}
.chip{display:inline-block;border-radius:4px;padding:2px 8px;font-size:12px;font-weight:700;color:#fff;text-align:center}
.s-pass{background:var(--pass);color:#fff}.s-fail{background:var(--fail);color:#fff}.s-error{background:var(--error);color:#fff}
.s-unknown{background:var(--unknown);color:#fff}.s-attested{background:var(--attested);color:#fff}.s-inherited{background:var(--inherited);color:#fff}
.s-not-applicable{background:var(--na);color:var(--ink)}.s-known{background:var(--known);color:#fff}
.sev-critical{background:var(--critical);color:#fff}.sev-high{background:var(--high);color:#fff}.sev-medium{background:var(--medium);color:#fff}
.sev-low{background:var(--low);color:#fff}.sev-info{background:var(--info);color:#fff}
.card.sev b{font-size:18px}.card .sevs{display:flex;gap:6px;margin-top:4px}.card .sevs span{border-radius:4px;padding:0 6px;font-size:12px;font-weight:700}
table.matrix td.cell[data-resource]{cursor:pointer}table.matrix td.cell[data-resource]:hover{outline:2px solid var(--ink)}
table.matrix td.cell.picked{outline:3px solid var(--ink)}
#f-cell[hidden]{display:none}#f-cell{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:3px 8px}
#f-cell button{font:inherit;margin-left:6px;cursor:pointer}
.s-not-assessed{background:repeating-linear-gradient(135deg,var(--assess) 0 6px,#dfe4e9 6px 12px);color:var(--ink)}
.legend{display:flex;gap:10px;flex-wrap:wrap;margin:10px 0 0;font-size:12px}
.legend span{display:inline-flex;align-items:center;gap:5px}.legend i{display:inline-block;width:14px;height:14px;border-radius:3px}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--bg);position:sticky;top:0}
table.matrix td.cell{text-align:center;font-size:12px;font-weight:600;min-width:54px;white-space:nowrap}
table.matrix th.layer-h{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:600;height:190px;vertical-align:bottom;text-align:left}
td.res{max-width:280px;overflow-wrap:anywhere}td.res small{color:var(--muted);display:block}
.filters{display:flex;gap:10px;flex-wrap:wrap;align-items:center;margin:8px 0 10px}
.filters input,.filters select{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:6px}
.filters input{min-width:260px}
.count{color:var(--muted)}
td.msg{overflow-wrap:anywhere;min-width:260px}
details summary{cursor:pointer;color:#0969da}
details dl{margin:6px 0 0;display:grid;grid-template-columns:max-content 1fr;gap:2px 10px}
details dt{font-weight:600}details dd{margin:0;overflow-wrap:anywhere}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--bg);padding:1px 4px;border-radius:4px}
.note{color:var(--muted);font-size:12px}
ul.plain{padding-left:18px}
footer{color:var(--muted);font-size:12px;padding:16px 32px;border-top:1px solid var(--line)}
@media print{nav,.filters{display:none}tr[hidden]{display:table-row!important}}
`;

const SCRIPT = `
(function () {
  var text = document.getElementById('f-text');
  var status = document.getElementById('f-status');
  var owner = document.getElementById('f-owner');
  var severity = document.getElementById('f-severity');
  var count = document.getElementById('f-count');
  var cellBox = document.getElementById('f-cell');
  var cellText = document.getElementById('f-cell-text');
  var cellClear = document.getElementById('f-cell-clear');
  if (!text || !status || !owner || !severity || !count || !cellBox || !cellText || !cellClear) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.finding'));
  var cells = Array.prototype.slice.call(document.querySelectorAll('td.cell[data-resource]'));
  // A matrix cell picked: only the findings on that resource and layer (data attributes, compared as text).
  var picked = null;
  function pick(cell) {
    cells.forEach(function (other) { other.classList.remove('picked'); });
    picked = cell;
    if (cell) {
      cell.classList.add('picked');
      cellText.textContent = cell.getAttribute('data-label') || '';
      status.value = 'all';
      cellBox.hidden = false;
      var list = document.getElementById('findings');
      if (list) list.scrollIntoView();
    } else {
      cellBox.hidden = true;
    }
    apply();
  }
  cells.forEach(function (cell) {
    cell.addEventListener('click', function () { pick(picked === cell ? null : cell); });
    cell.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); pick(picked === cell ? null : cell); }
    });
  });
  cellClear.addEventListener('click', function () { pick(null); });
  function apply() {
    var needle = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var wantStatus = status.value === 'all' || (status.value === 'actionable' ? row.getAttribute('data-actionable') === '1' : row.getAttribute('data-status') === status.value);
      var wantOwner = owner.value === 'all' || row.getAttribute('data-owner') === owner.value;
      var wantSeverity = severity.value === 'all' || row.getAttribute('data-severity') === severity.value;
      var wantText = needle === '' || row.textContent.toLowerCase().indexOf(needle) >= 0;
      var wantCell = !picked || (row.getAttribute('data-resource') === picked.getAttribute('data-resource') && row.getAttribute('data-layer') === picked.getAttribute('data-layer'));
      var visible = wantStatus && wantOwner && wantSeverity && wantText && wantCell;
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown + ' of ' + rows.length + ' findings shown';
  }
  [text, status, owner, severity].forEach(function (control) {
    control.addEventListener('input', apply);
    control.addEventListener('change', apply);
  });
  apply();
})();
`;

function layerTitle(layer: LayerId): string {
  return getLayer(layer)?.title ?? layer;
}

function chip(status: CellStatus | 'known'): string {
  return `<span class="chip s-${status}">${esc(SEGMENT_LABEL[status])}</span>`;
}

function ownerPill(owner: Owner): string {
  return `<span class="owner ${owner}">${OWNER_LABEL[owner]}</span>`;
}

function layerRow(summary: ShownLayer): string {
  const total = SEGMENT_ORDER.reduce((sum, status) => sum + (summary.counts[status] ?? 0), 0);
  const segments = SEGMENT_ORDER.filter((status) => (summary.counts[status] ?? 0) > 0).map((status) => {
    const count = summary.counts[status] ?? 0;
    const width = ((count / total) * 100).toFixed(2);
    return `<span class="seg s-${status}" style="width:${width}%" title="${count} ${esc(SEGMENT_LABEL[status])}"></span>`;
  });
  const counts = SEGMENT_ORDER.filter((status) => (summary.counts[status] ?? 0) > 0).map((status) => `${summary.counts[status] ?? 0} ${SEGMENT_LABEL[status]}`).join(', ');
  const description = getLayer(summary.layer)?.description ?? '';
  return `<div class="layer" data-layer="${summary.layer}" data-owner="${summary.owner}" data-status="${summary.status}" title="${esc(description)}">
  <div class="name"><b>${esc(layerTitle(summary.layer))}</b><small>${esc(counts || 'no resources')}</small></div>
  <div>${ownerPill(summary.owner)}</div>
  <div class="bar" role="img" aria-label="${esc(counts || 'no resources')}">${segments.join('')}</div>
  <div>${chip(summary.status)}</div>
</div>`;
}

function picture(result: ScanResult): string {
  const byLayer = new Map(shownMatrix(result).layers.map((summary) => [summary.layer, summary]));
  const ordered = [...LAYER_IDS].reverse().map((layer): ShownLayer => byLayer.get(layer) ?? { layer, owner: 'none', status: 'not-assessed', counts: {} });
  const customer = ordered.filter((summary) => isCustomerSideLayer(summary.layer));
  const provider = ordered.filter((summary) => !isCustomerSideLayer(summary.layer));
  const legendStatuses: (CellStatus | 'known')[] = shownMatrix(result).knownCells > 0 ? [...CELL_STATUSES, 'known'] : [...CELL_STATUSES];
  const legend = legendStatuses.map((status) => `<span><i class="s-${status}"></i>${esc(SEGMENT_LABEL[status])}</span>`).join('');
  return `<section id="picture">
<h2>Who secures what</h2>
<p class="lead">The shared responsibility model for the scanned estate: each layer, who owns it for most resources, and the status of its cells across ${counted(result.matrix.length, 'resource')} (worst status on the right).</p>
<div class="picture">
<div class="band customer">Customer: security in the cloud</div>
${customer.map(layerRow).join('\n')}
<div class="band provider">AWS: security of the cloud</div>
${provider.map(layerRow).join('\n')}
</div>
<div class="legend">${legend}</div>
</section>`;
}

function matrixCell(row: ShownRow, cell: ShownCell | undefined, withFindings: ReadonlySet<string>): string {
  if (!cell) return '<td class="cell s-not-applicable">–</td>';
  const status = cell.known ? 'known' : cell.status;
  const tip = `${layerTitle(cell.layer)}: ${OWNER_LABEL[cell.owner]}, ${SEGMENT_LABEL[status]}${cell.note ? ` (${cell.note})` : ''}`;
  const owner = cell.owner === 'none' || cell.status === 'inherited' ? '' : `${OWNER_LABEL[cell.owner].charAt(0)} `;
  const text = cell.known ? 'known' : STATUS_SHORT[cell.status];
  // A cell with findings behind it filters the findings list to them when clicked.
  const key = resourceKey(row.resource);
  const pickable = withFindings.has(`${key}\u0000${cell.layer}`)
    ? ` data-resource="${esc(key)}" data-layer="${esc(cell.layer)}" data-label="${esc(`${row.resource.id} · ${layerTitle(cell.layer)}`)}" tabindex="0" role="button"`
    : '';
  return `<td class="cell s-${status}" title="${esc(tip)}"${pickable}>${esc(owner + text)}</td>`;
}

function providerCell(row: ShownRow): string {
  const cells = row.cells.filter((cell) => (PROVIDER_LAYER_IDS as readonly string[]).includes(cell.layer));
  const status: CellStatus = cells.every((cell) => cell.status === 'inherited') ? 'inherited' : (cells[0]?.status ?? 'inherited');
  return `<td class="cell s-${status}" title="Facilities, hardware, virtualization, foundation services: AWS">AWS</td>`;
}

function matrix(result: ScanResult): string {
  if (result.matrix.length === 0) return '<section id="matrix"><h2>Responsibility matrix</h2><p class="lead">No resources to place in the matrix.</p></section>';
  const head = CUSTOMER_LAYERS.map((layer) => `<th class="layer-h" title="${esc(getLayer(layer)?.description ?? '')}">${esc(layerTitle(layer))}</th>`).join('');
  const withFindings = new Set(result.findings.map((finding) => `${resourceKey(finding.resource)}\u0000${finding.layer}`));
  const rows = shownMatrix(result).rows.map((row) => {
    const name = row.resource.name && row.resource.name !== row.resource.id ? `<small>${esc(row.resource.name)}</small>` : '';
    const cells = CUSTOMER_LAYERS.map((layer) => matrixCell(row, row.cells.find((cell) => cell.layer === layer), withFindings)).join('');
    const variant = row.variant ? ` · <span title="${esc(row.variant.because)}">${esc(row.variant.name)}</span>` : '';
    return `<tr><td class="res"><b>${esc(row.resource.id)}</b>${name}<small>${esc(row.resource.type)} · ${esc(row.model)}${variant}</small></td>${providerCell(row)}${cells}</tr>`;
  });
  return `<section id="matrix">
<h2>Responsibility matrix</h2>
<p class="lead">One row per resource. Each cell: the owner (C customer, S shared) and the status: ok pass, fail, ? unknown, err error, att attested, · not assessed yet, AWS inherited from AWS, n/a the layer does not exist${shownMatrix(result).knownCells > 0 ? ', known: open, but already in the baseline and not reported' : ''}. Hover a cell for the checks behind it; click it to list its findings.</p>
<div class="scroll"><table class="matrix"><thead><tr><th>Resource</th><th class="layer-h">AWS layers</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
}

function remediation(result: ScanResult, finding: Finding): string {
  const info = checkInfo(result, finding.checkId);
  const items: string[] = [];
  if (info?.rationale) items.push(`<dt>Why</dt><dd>${esc(info.rationale)}</dd>`);
  if (info?.remediation) {
    items.push(`<dt>Console</dt><dd>${esc(info.remediation.console)}</dd>`);
    items.push(`<dt>CloudFormation</dt><dd><code>${esc(info.remediation.cloudformation)}</code></dd>`);
    items.push(`<dt>Terraform</dt><dd><code>${esc(info.remediation.terraform)}</code></dd>`);
  }
  const docs = awsDocUrl(finding.checkId, info?.remediation);
  if (docs) items.push(`<dt>AWS documentation</dt><dd><a href="${esc(docs)}" rel="noopener noreferrer">${esc(docs)}</a></dd>`);
  items.push(`<dt>Control</dt><dd>${esc(controlTitle(finding.control))} · duty <code>${esc(finding.duty)}</code></dd>`);
  return `<details><summary>Remediation</summary><dl>${items.join('')}</dl></details>`;
}

function findingRow(result: ScanResult, finding: Finding): string {
  const label = finding.status === 'fail' ? finding.severity : finding.status;
  // A failure's chip has its severity's colour; other statuses keep theirs.
  const chipClass = finding.status === 'fail' ? `sev-${finding.severity}` : `s-${finding.status}`;
  const notes: string[] = [];
  if (finding.suppressed) notes.push(`Suppressed: ${finding.suppressed.reason}${finding.suppressed.expires ? ` (until ${finding.suppressed.expires})` : ''}`);
  if (finding.attribution) notes.push(`Attributed to AWS: ${finding.attribution}`);
  const where = locationText(finding);
  const name = finding.resource.name && finding.resource.name !== finding.resource.id ? `<small>${esc(finding.resource.name)}</small>` : '';
  return `<tr class="finding" data-status="${esc(finding.status)}" data-owner="${esc(finding.owner)}" data-severity="${esc(finding.severity)}" data-actionable="${isActionable(finding) ? '1' : '0'}" data-resource="${esc(resourceKey(finding.resource))}" data-layer="${esc(finding.layer)}">
<td><span class="chip ${chipClass}">${esc(label)}</span></td>
<td><b>${esc(finding.checkId)}</b><br><span class="note">${esc(finding.title)}</span></td>
<td class="res"><b>${esc(finding.resource.id)}</b>${name}<small>${esc(finding.resource.type)}</small></td>
<td>${esc(layerTitle(finding.layer))}<br>${ownerPill(finding.owner)}</td>
<td class="msg">${esc(finding.message)}${where ? `<br><span class="note">${esc(where)}</span>` : ''}${notes.map((note) => `<br><span class="note">${esc(note)}</span>`).join('')}${remediation(result, finding)}</td>
</tr>`;
}

/** The checks with the most customer failures: where fixing one setting clears the most findings. */
function topFailingChecks(result: ScanResult, limit = 10): string {
  const byCheck = new Map<string, { checkId: string; title: string; severity: Finding['severity']; failures: number; resources: Set<string> }>();
  for (const finding of result.findings) {
    if (!isCustomerFailure(finding)) continue;
    const entry = byCheck.get(finding.checkId) ?? { checkId: finding.checkId, title: finding.title, severity: finding.severity, failures: 0, resources: new Set<string>() };
    entry.failures += 1;
    entry.resources.add(resourceKey(finding.resource));
    byCheck.set(finding.checkId, entry);
  }
  if (byCheck.size === 0) return '';
  const top = [...byCheck.values()]
    .sort((a, b) => b.resources.size - a.resources.size || severityRank(b.severity) - severityRank(a.severity) || a.checkId.localeCompare(b.checkId))
    .slice(0, limit);
  const rows = top.map((entry) => {
    const docs = awsDocUrl(entry.checkId, checkInfo(result, entry.checkId)?.remediation);
    const link = docs ? ` <a class="note" href="${esc(docs)}" rel="noopener noreferrer">AWS documentation</a>` : '';
    return `<tr><td><span class="chip sev-${entry.severity}">${esc(entry.severity)}</span></td><td><b>${esc(entry.checkId)}</b><br><span class="note">${esc(entry.title)}</span>${link}</td><td>${esc(counted(entry.resources.size, 'resource'))}</td><td>${esc(counted(entry.failures, 'failure'))}</td></tr>`;
  });
  return `<section id="top-checks">
<h2>Top failing checks</h2>
<p class="lead">The checks that fail the most resources (customer failures only)${byCheck.size > top.length ? `: ${top.length} of ${byCheck.size}` : ''}.</p>
<div class="scroll"><table><thead><tr><th>Severity</th><th>Check</th><th>Resources</th><th>Failures</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
}

function findings(result: ScanResult): string {
  const ordered = worstFirst(result.findings);
  const statusOptions = ['actionable', 'all', 'fail', 'unknown', 'error', 'pass', 'not-applicable']
    .map((value) => `<option value="${value}">${value === 'actionable' ? 'fail, unknown, error' : value}</option>`).join('');
  const ownerOptions = ['all', 'customer', 'shared', 'provider', 'none'].map((value) => `<option value="${value}">${value === 'all' ? 'any owner' : value}</option>`).join('');
  const severityOptions = ['all', ...SEVERITIES].map((value) => `<option value="${value}">${value === 'all' ? 'any severity' : value}</option>`).join('');
  const body = ordered.length === 0 ? '<tr><td colspan="5">No findings.</td></tr>' : ordered.map((finding) => findingRow(result, finding)).join('\n');
  return `<section id="findings">
<h2>Findings</h2>
<p class="lead">Worst first: the customer's failures by severity, then missing evidence, then findings that are suppressed or belong to AWS.</p>
<div class="filters">
<input id="f-text" type="search" placeholder="Filter by text: check, resource, message" aria-label="Filter findings by text">
<select id="f-status" aria-label="Status">${statusOptions}</select>
<select id="f-owner" aria-label="Owner">${ownerOptions}</select>
<select id="f-severity" aria-label="Severity">${severityOptions}</select>
<span id="f-cell" hidden>matrix cell: <b id="f-cell-text"></b><button id="f-cell-clear" type="button">show all</button></span>
<span id="f-count" class="count"></span>
</div>
<div class="scroll"><table><thead><tr><th>Status</th><th>Check</th><th>Resource</th><th>Layer and owner</th><th>What was found</th></tr></thead>
<tbody>
${body}
</tbody></table></div>
</section>`;
}

function coverage(result: ScanResult): string {
  const parts: string[] = [];
  const { problems, uncovered, gaps, checks } = result.coverage;
  if (problems.length > 0) {
    parts.push(`<h3>Input problems</h3><ul class="plain">${problems.map((problem) => `<li><b>${problem.fatal ? 'error' : 'warning'}</b> <code>${esc(problem.file)}${problem.line ? `:${problem.line}` : ''}</code>: ${esc(problem.message)}</li>`).join('')}</ul>`);
  }
  if (gaps.length > 0) {
    parts.push(`<h3>Collection gaps</h3><ul class="plain">${gaps.map((gap) => {
      const scope = [gap.account, gap.region, gap.call].filter((value): value is string => Boolean(value)).join(' ');
      return `<li>${scope ? `<code>${esc(scope)}</code> ` : ''}${esc(gap.resourceTypes.join(', ') || 'every type')}: ${esc(gap.reason)}</li>`;
    }).join('')}</ul>`);
  }
  if (uncovered.length > 0) {
    parts.push(`<h3>Resources demarc does not model yet (${uncovered.length})</h3><div class="scroll"><table><thead><tr><th>Resource</th><th>Type</th><th>Where</th></tr></thead><tbody>${uncovered
      .map((entry) => `<tr><td class="res">${esc(entry.id)}</td><td>${esc(entry.type)}</td><td>${entry.file ? `<code>${esc(entry.file)}${entry.line ? `:${entry.line}` : ''}</code>` : ''}</td></tr>`)
      .join('')}</tbody></table></div>`);
  }
  const idle = checks.filter((entry) => entry.evaluated === 0);
  if (idle.length > 0) {
    parts.push(`<h3>Checks that evaluated nothing (${idle.length})</h3><ul class="plain">${idle.map((entry) => `<li><code>${esc(entry.checkId)}</code>: ${esc(entry.reason ?? 'no matching resources')}</li>`).join('')}</ul>`);
  }
  const notAssessed = result.layers.filter((layer) => (layer.counts['not-assessed'] ?? 0) > 0);
  if (notAssessed.length > 0) {
    parts.push(`<h3>Layers with cells nothing covers yet</h3><ul class="plain">${notAssessed.map((layer) => `<li>${esc(layerTitle(layer.layer))}: ${layer.counts['not-assessed'] ?? 0} resource${(layer.counts['not-assessed'] ?? 0) === 1 ? '' : 's'} not assessed</li>`).join('')}</ul>`);
  }
  const body = parts.length > 0 ? parts.join('\n') : '<p>No gaps: every resource was modelled and every check found something to evaluate.</p>';
  return `<section id="coverage"><h2>Coverage gaps</h2><p class="lead">What this scan could not see. Missing evidence is never a pass.</p>${body}</section>`;
}

function frameworksSection(result: ScanResult): string {
  const statuses = frameworkResults(result);
  if (statuses.length === 0) return '';
  const blocks = statuses.map((status) => {
    const rows = status.items.map((entry) => {
      const failing = [...new Set(result.findings.filter((finding) => entry.checks.includes(finding.checkId) && finding.status === 'fail' && !finding.suppressed).map((finding) => finding.checkId))];
      const ran = entry.checks.filter((check) => result.coverage.checks.some((coverage) => coverage.checkId === check)).length;
      const evidence = entry.checks.length === 0 ? (entry.note ?? 'no automated check') : `${ran} of ${entry.checks.length} checks ran${failing.length > 0 ? `; failing: ${failing.join(', ')}` : ''}`;
      return `<tr><td><code>${esc(entry.id)}</code></td><td>${esc(entry.title)}</td><td><span class="chip s-${entry.status}">${esc(entry.status)}</span></td><td>${esc(evidence)}</td></tr>`;
    });
    return `<h3>${esc(status.title)} ${esc(status.version)}</h3><p class="note">${esc(frameworkCountsText(status))}</p><div class="scroll"><table><thead><tr><th>Item</th><th>Title</th><th>Status</th><th>Evidence</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  });
  return `<section id="frameworks"><h2>Framework status</h2>${blocks.join('\n')}</section>`;
}

function header(result: ScanResult): string {
  const { summary } = result;
  const failures = SEVERITIES.reduce((sum, severity) => sum + summary.customerFailures[severity], 0);
  const sources = result.sources.map((source) => source.file).join(', ') || 'no sources';
  const bySeverity = SEVERITIES.filter((severity) => summary.customerFailures[severity] > 0)
    .map((severity) => `<span class="sev-${severity}" title="${summary.customerFailures[severity]} ${severity}">${summary.customerFailures[severity]} ${severity}</span>`).join('');
  const failureCard = `<div class="card sev ${failures > 0 ? 'bad' : 'good'}"><b>${failures}</b>Customer failures${bySeverity ? `<div class="sevs">${bySeverity}</div>` : ''}</div>`;
  const cards = [
    ['Resources', summary.resources, ''],
    ['Unknown', summary.byStatus.unknown, ''],
    ['Errors', summary.byStatus.error, ''],
    ['Passing checks', summary.byStatus.pass, ''],
    ['Attributed to AWS', summary.providerAttributed, ''],
    ['Suppressed', summary.suppressed, ''],
  ] as const;
  return `<header>
<h1>Shared responsibility report</h1>
<div class="meta">${esc(sources)} · scanned ${esc(result.generatedAt)} · demarc ${esc(result.tool.version)}</div>
<div class="cards">${cards.slice(0, 1).map(([label, value, tone]) => `<div class="card ${tone}"><b>${value}</b>${label}</div>`).join('')}${failureCard}${cards.slice(1).map(([label, value, tone]) => `<div class="card ${tone}"><b>${value}</b>${label}</div>`).join('')}</div>
</header>`;
}

/** One self-contained HTML page (inline CSS and script, nothing fetched); every scanned string is escaped. */
export function renderHtml(result: ScanResult): string {
  const frameworkHtml = frameworksSection(result);
  const topHtml = topFailingChecks(result);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="demarc ${esc(result.tool.version)}">
<title>demarc: shared responsibility report</title>
<style>${STYLE}</style>
</head>
<body>
${header(result)}
<nav><a href="#picture">Who secures what</a><a href="#matrix">Matrix</a>${topHtml ? '<a href="#top-checks">Top failing checks</a>' : ''}<a href="#findings">Findings</a><a href="#coverage">Coverage gaps</a>${frameworkHtml ? '<a href="#frameworks">Frameworks</a>' : ''}</nav>
<main>
${picture(result)}
${matrix(result)}
${topHtml}
${findings(result)}
${coverage(result)}
${frameworkHtml}
</main>
<footer>Generated by demarc ${esc(result.tool.version)} from a scan at ${esc(result.generatedAt)}. AWS secures the cloud; the customer secures what it puts in it.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
