import { beforeAll, describe, expect, it } from 'vitest';
import { applyBaseline } from '../../src/baseline/baseline.js';
import { awsDocs } from '../../src/checks/aws-docs.js';
import { allChecks } from '../../src/checks/index.js';
import type { Finding, ScanResult } from '../../src/engine/result.js';
import { isCustomerFailure } from '../../src/engine/summary.js';
import { renderCrm } from '../../src/report/crm.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderOscal } from '../../src/report/oscal.js';
import { renderSarif } from '../../src/report/sarif.js';
import { COMPACT_AFTER, renderText } from '../../src/report/text.js';
import { loadLiveResult, scanExample, scanHostile } from './support.js';

const STYLE = { color: false, width: 100 };

function customerFailures(result: ScanResult): number {
  return result.findings.filter(isCustomerFailure).length;
}

/** The example's findings on `copies` copies of each resource: a large estate with the same problems. */
function enlarged(result: ScanResult, copies: number): ScanResult {
  const findings: Finding[] = [];
  for (let copy = 0; copy < copies; copy += 1) {
    for (const finding of result.findings) findings.push({ ...finding, resource: { ...finding.resource, id: `${finding.resource.id}${copy}` } });
  }
  return { ...result, findings };
}

let example: ScanResult;
beforeAll(async () => {
  example = await scanExample();
});

describe('text views', () => {
  it('groups findings by check with resource counts and a severity table in the compact view', () => {
    const text = renderText(example, { ...STYLE, compact: true });
    expect(text).toContain('Findings by check (compact:');
    expect(text).toMatch(/SEVERITY\s+CUSTOMER\s+SUPPRESSED\/AWS\s+UNKNOWN\s+ERROR/);
    expect(text).toMatch(/vpc-security-group-ssh-open {2}1 resource \(1 fail\)/);
    expect(text).not.toMatch(/\b1 resources\b/);
    expect(text).toContain('Responsibility by layer');
    expect(text).not.toContain('Responsibility matrix');
  });

  it('switches to the compact view by itself when the list would be long, saying so in one line, unless told not to', () => {
    const large = enlarged(example, 20);
    const text = renderText(large, STYLE);
    const notes = text.split('\n').filter((line) => line.startsWith('Compact view:'));
    expect(notes).toHaveLength(1);
    expect(text.split('\n').length).toBeLessThan(COMPACT_AFTER);
    const full = renderText(large, { ...STYLE, compact: false });
    expect(full.split('\n').length).toBeGreaterThan(COMPACT_AFTER);
    expect(full).not.toContain('Compact view:');
    expect(renderText(example, STYLE)).not.toContain('Compact view:');
  });

  it('shows only findings at or above --severity, and says how many it left out', () => {
    const text = renderText(example, { ...STYLE, severity: 'high' });
    const findings = text.slice(text.indexOf('Findings'), text.indexOf('Summary'));
    expect(findings).toMatch(/\bHIGH\b/);
    expect(findings).not.toMatch(/^\s+(MEDIUM|LOW)\s/m);
    expect(findings).toMatch(/findings? below high not shown \(--severity high\)/);
    // The summary still counts everything: the filter is for display.
    expect(text).toContain(renderText(example, STYLE).slice(renderText(example, STYLE).indexOf('Summary')));
  });

  it('gives each severity its own colour', () => {
    const text = renderText(example, { color: true, width: 100 });
    expect(text).toContain('\u001b[91mCRITICAL');
    expect(text).toContain('\u001b[31mHIGH');
    expect(text).toContain('\u001b[33mMEDIUM');
    expect(text).toContain('\u001b[34mLOW');
  });

  it('counts in the singular where there is one', () => {
    const one = { ...example, summary: { ...example.summary, resources: 1, checks: 1, customerFailures: { critical: 0, high: 1, medium: 0, low: 0, info: 0 } } };
    const text = renderText(one, STYLE);
    expect(text).toContain('1 resource in 1 source, 1 check:');
    expect(text).toContain('1 customer failure (1 high)');
    expect(renderMarkdown(one)).toContain('1 resource, 1 check:');
  });
});

describe('--baseline', () => {
  it('keeps the matrix, the layer picture and the summary in step with the findings shown', () => {
    const { result } = applyBaseline(example, example);
    expect(customerFailures(result)).toBe(0);
    const text = renderText(result, STYLE);
    const matrix = text.slice(0, text.indexOf('Owner: A = AWS'));
    expect(matrix).not.toContain('XX');
    expect(matrix).toContain('Ckn');
    expect(text).toContain('no customer failures');
    expect(text).toMatch(/matrix cells? open but already known \(--baseline\)/);
    const html = renderHtml(result);
    expect(html).not.toMatch(/<td class="cell s-fail"/);
    expect(html).toContain('class="cell s-known"');
    expect(renderMarkdown(result)).not.toContain('🔴 fail');
    // Without a baseline nothing is known.
    expect(renderText(example, STYLE)).not.toContain('kn ');
  });
});

describe('html', () => {
  it('lets a matrix cell filter the findings, lists the top failing checks, and splits failures by severity', () => {
    const html = renderHtml(example);
    expect(html).toMatch(/<td class="cell s-fail"[^>]* data-resource="[^"]+" data-layer="network-config"/);
    expect(html).toMatch(/<tr class="finding"[^>]* data-resource="[^"]+" data-layer="/);
    expect(html).toContain('<section id="top-checks">');
    expect(html).toMatch(/<div class="sevs"><span class="sev-critical"[^>]*>1 critical<\/span>/);
    expect(html).toContain('<span class="chip sev-medium">medium</span>');
    expect(html).toContain('<span class="chip sev-high">high</span>');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });
});

describe('sarif', () => {
  it('links each rule to its documentation and keeps artifact locations relative to a base', async () => {
    const log = JSON.parse(renderSarif(await scanHostile()));
    const run = log.runs[0];
    // No invented project address: the tool has no published home yet.
    expect(run.tool.driver.informationUri).toBeUndefined();
    for (const rule of run.tool.driver.rules) {
      if (rule.id === 'test-check-throws') continue;
      expect(rule.helpUri).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(rule.help.markdown).toContain('AWS documentation: <https://docs.aws.amazon.com/');
    }
    expect(Object.keys(run.originalUriBaseIds)).toContain('%SRCROOT%');
    for (const result of run.results) {
      for (const location of result.locations ?? []) {
        const artifact = location.physicalLocation?.artifactLocation;
        if (artifact) expect(artifact.uriBaseId).toBe('%SRCROOT%');
      }
    }
  });
});

describe('junit', () => {
  it('has as many failures as the scan has customer failures', async () => {
    for (const result of [example, await scanHostile(), loadLiveResult()]) {
      const xml = renderJunit(result);
      const total = Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)?.[1]);
      expect(total).toBe(customerFailures(result));
      expect(total).toBe(Object.values(result.summary.customerFailures).reduce((sum, count) => sum + count, 0));
      expect(xml.match(/<failure /g)?.length ?? 0).toBe(total);
    }
  });
});

describe('oscal and the CRM', () => {
  it('name the failing resources with file and line as evidence', () => {
    const crm = renderCrm(example);
    expect(crm).toMatch(/vpc-security-group-ssh-open fails on AppSecurityGroup \(examples\/three-tier-app\.yaml:\d+\)/);
    const ssp = JSON.parse(renderOscal(example));
    const props = ssp['system-security-plan']['control-implementation']['implemented-requirements']
      .flatMap((requirement: { 'by-components': { props?: { name: string; value: string; remarks: string }[] }[] }) => requirement['by-components'].flatMap((by) => by.props ?? []));
    expect(props).toContainEqual(expect.objectContaining({ name: 'failing-resource', value: 'AppSecurityGroup', remarks: expect.stringMatching(/examples\/three-tier-app\.yaml:\d+/) }));
  });

  it('name live resources by ARN', () => {
    expect(renderCrm(loadLiveResult())).toContain('arn:aws:s3:::customer-exports');
  });
});

describe('AWS documentation links', () => {
  it('cover every check with an AWS documentation page', () => {
    for (const check of allChecks) expect(awsDocs[check.id], check.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/[\w./-]+\.html$/);
  });
});
