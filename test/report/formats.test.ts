import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../../src/engine/result.js';
import { asffMissingAccount, isAwsRegion, renderAsff } from '../../src/report/asff.js';
import { checkEquivalents } from '../../src/checks/equivalents.js';
import { renderCrm } from '../../src/report/crm.js';
import { renderCsv } from '../../src/report/csv.js';
import { csvCell } from '../../src/report/escape.js';
import { outputFormats } from '../../src/report/formats.js';
import { renderJunit } from '../../src/report/junit.js';
import { MARKDOWN_LIMIT, renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { loadLiveResult, scanExample, scanHostile } from './support.js';

/** A small RFC 4180 reader, to check that what the writer quotes reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  return rows;
}

describe('csv', () => {
  it('quotes per RFC 4180 and neutralises formula injection', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell(42)).toBe('42');
  });

  it('writes one row per finding that reads back cell for cell', async () => {
    const result = await scanHostile();
    const rows = parseCsv(renderCsv(result));
    expect(rows).toHaveLength(result.findings.length + 1);
    const header = rows[0] ?? [];
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    const name = header.indexOf('resource_name');
    const suppressed = header.indexOf('suppressed');
    const formula = rows.find((row) => row[header.indexOf('resource_id')] === 'FormulaBucket');
    expect(formula?.[name]).toBe(`'=HYPERLINK("http://example.invalid","click")`);
    expect(formula?.[suppressed]).toBe(`'=cmd|"/c calc"!A1 accepted risk`);
    expect(rows.find((row) => row[header.indexOf('resource_id')] === 'ParameterBucket')?.[name]).toBe("'@mention|pipe`tick`");
  });
});

describe('crm', () => {
  it('has one row per NIST control with inheritance, both parts, status and evidence', async () => {
    const rows = parseCsv(renderCrm(await scanExample()));
    expect(rows[0]).toEqual(['Control ID', 'Control Name', 'Control Origination', 'Can Be Inherited', 'Provider (AWS) Responsibility', 'Customer Responsibility', 'Why', 'Status', 'Evidence', 'Customer Duties', 'Checks', 'demarc Controls']);
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byId.get('PE-3')?.slice(2, 4)).toEqual(['Provider inherited', 'Yes']);
    expect(byId.get('PE-3')?.[7]).toBe('Inherited from AWS');
    expect(byId.get('AC-2')?.slice(2, 4)).toEqual(['Customer configured', 'No']);
    expect(byId.get('AT-2')?.slice(2, 4)).toEqual(['Customer provided', 'No']);
    expect(byId.get('SI-2')?.slice(2, 4)).toEqual(['Shared', 'Partial']);
    expect(byId.get('CP-9')?.[7]).toBe('Not met: failing checks');
    expect(byId.get('CP-9')?.[8]).toMatch(/rds-backup-retention fails on \S+ \(examples\/three-tier-app\.yaml:\d+\)/);
    for (const row of rows.slice(1)) expect(row[4] && row[5], row[0]).toBeTruthy();
  });
});

describe('markdown', () => {
  it('puts the worst findings first and escapes scanned text', async () => {
    const text = renderMarkdown(await scanHostile());
    const rows = text.split('\n').filter((line) => line.startsWith('| ') && line.includes('`'));
    expect(rows[0]).toContain('XssBucket');
    expect(rows[0]).toContain('**medium**');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img src=x onerror=alert\\(1\\)\\>');
    expect(text).not.toMatch(/[^;]@mention/);
    expect(text).toContain('&#64;mention\\|pipe');
  });

  it('stays within GitHub\'s comment limit, with a note on what was cut', async () => {
    const base = await scanExample();
    const template = base.findings.find((finding) => finding.status === 'fail') as Finding;
    const many: Finding[] = Array.from({ length: 3000 }, (_, index) => ({ ...template, resource: { ...template.resource, id: `Resource${index}` }, message: `${'x'.repeat(40)} ${index}` }));
    const huge: ScanResult = { ...base, findings: many };
    const text = renderMarkdown(huge);
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(text).toMatch(/and \d+ more findings not shown/);
    expect(text).toContain('Resource0 ');
  });
});

describe('junit', () => {
  it('has a test case per check and resource: failures, skipped and errors', async () => {
    const xml = renderJunit(await scanHostile());
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="demarc" tests="8" failures="1" errors="4" skipped="2"/);
    expect(xml).toContain('<testsuite name="s3-bucket-versioning" tests="4" failures="1" errors="0" skipped="2"');
    expect(xml).toContain('<skipped message="suppressed: =cmd|&quot;/c calc&quot;!A1 accepted risk"/>');
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml).not.toContain('<img');
    expect(xml).toContain('<error message="the check failed: simulated &lt;b&gt;bug&lt;/b&gt;" type="check-error">');
  });

  it('marks not-applicable results skipped', async () => {
    const base = await scanHostile();
    const result: ScanResult = { ...base, findings: base.findings.map((finding) => ({ ...finding, status: 'not-applicable' as const })) };
    expect(renderJunit(result)).toContain('skipped="8"');
  });
});

describe('asff', () => {
  it('writes Security Hub findings with the required fields', () => {
    const findings = JSON.parse(renderAsff(loadLiveResult()));
    expect(findings).toHaveLength(4);
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(expect.arrayContaining(['SchemaVersion', 'Id', 'ProductArn', 'GeneratorId', 'AwsAccountId', 'Types', 'CreatedAt', 'UpdatedAt', 'Severity', 'Title', 'Description', 'Resources']));
      expect(finding.SchemaVersion).toBe('2018-10-08');
      expect(finding.CreatedAt).toBe('2025-06-01T12:00:00.000Z');
      expect(finding.Description.length).toBeLessThanOrEqual(1024);
    }
    const bucket = findings[0];
    expect(bucket.ProductArn).toBe('arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default');
    expect(bucket.Resources).toEqual([{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::customer-exports', Partition: 'aws', Region: 'eu-west-1' }]);
    // The check's Security Hub equivalent and the requirements it evidences, as Security Hub writes them.
    expect(bucket.Compliance.Status).toBe('FAILED');
    const equivalent = checkEquivalents[bucket.ProductFields['demarc/CheckId']]?.securityHub?.[0]?.id;
    if (equivalent) expect(bucket.Compliance.SecurityControlId).toBe(equivalent);
    for (const requirement of bucket.Compliance.RelatedRequirements ?? []) expect(requirement).toMatch(/^(NIST\.800-53\.r5 [A-Z]{2}-\d+(\(\d+\))?|CIS AWS Foundations Benchmark v[\d.]+\/[\d.]+|PCI DSS v3\.2\.1\/[\d.]+)$/);
    expect((bucket.Compliance.RelatedRequirements ?? []).length).toBeLessThanOrEqual(32);
    expect(bucket.Severity).toEqual({ Label: 'HIGH' });
    expect(findings[1].Workflow).toEqual({ Status: 'SUPPRESSED' });
    expect(findings[3].Compliance.Status).toBe('WARNING');
    expect(new Set(findings.map((finding: { Id: string }) => finding.Id)).size).toBe(4);
  });

  it('maps statuses and unknown resource types for template scans, into the account given', async () => {
    const result = await scanHostile();
    const findings = JSON.parse(renderAsff(result, { account: '111122223333' }));
    const statuses = new Set(findings.map((finding: { Compliance: { Status: string } }) => finding.Compliance.Status));
    expect(statuses).toEqual(new Set(['FAILED', 'WARNING', 'PASSED', 'NOT_AVAILABLE']));
    expect(findings[0].AwsAccountId).toBe('111122223333');
  });

  it('refuses a template scan without an account, and never writes the all-zero one Security Hub rejects', async () => {
    const result = await scanHostile();
    expect(asffMissingAccount(result, {})).toBe(true);
    expect(asffMissingAccount(result, { account: '000000000000' })).toBe(true);
    expect(asffMissingAccount(result, { account: '111122223333' })).toBe(false);
    expect(asffMissingAccount(loadLiveResult(), {})).toBe(false);
    expect(() => renderAsff(result)).toThrow(/--asff-account/);
    expect(() => renderAsff(result, { account: '000000000000' })).toThrow(/--asff-account/);
  });

  it('accepts AWS region names only', () => {
    for (const region of ['us-east-1', 'eu-central-2', 'ap-southeast-5', 'us-gov-west-1', 'cn-northwest-1', 'il-central-1', 'us-isob-east-1']) expect(isAwsRegion(region), region).toBe(true);
    for (const region of ['', 'us-east', 'US-EAST-1', 'eu_west_1', 'us-east-1a', 'global', 'us-east-1\n']) expect(isAwsRegion(region), region).toBe(false);
  });

  it('links each finding to the AWS documentation of its check', () => {
    const [bucket] = JSON.parse(renderAsff(loadLiveResult()));
    expect(bucket.Remediation.Recommendation.Url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });
});

describe('text', () => {
  it('folds the matrix to the terminal width', async () => {
    const result = await scanExample();
    for (const width of [60, 80, 100, 160]) {
      const text = renderText(result, { color: false, width });
      const matrix = text.slice(0, text.indexOf('Findings'));
      const widest = Math.max(...matrix.split('\n').map((line) => line.length));
      expect(widest, `width ${width}`).toBeLessThanOrEqual(width);
    }
    const narrow = renderText(result, { color: false, width: 60 });
    expect(narrow.split('\n').filter((line) => line.startsWith('RESOURCE')).length).toBeGreaterThan(1);
  });

  it('colours only when the style says so, and strips control characters from scanned text', async () => {
    const base = await scanHostile();
    const result: ScanResult = { ...base, findings: base.findings.map((finding) => ({ ...finding, message: `${finding.message}\u001b[31mred` })) };
    expect(renderText(result, { color: false, width: 100 })).not.toContain('\u001b');
    expect(renderText(result, { color: true, width: 100 })).toContain('\u001b[1m');
    expect(renderText(result, { color: true, width: 100 })).not.toContain('\u001b[31mred');
  });
});

describe('the format registry', () => {
  it('has every format of the issue, each with a distinct id', () => {
    expect(outputFormats.map((format) => format.id)).toEqual(['text', 'json', 'sarif', 'html', 'oscal', 'crm', 'csv', 'markdown', 'junit', 'asff']);
  });

  it('renders an empty scan in every format without throwing', async () => {
    const base = await scanHostile();
    const empty: ScanResult = {
      ...base,
      sources: [],
      findings: [],
      matrix: [],
      layers: [],
      coverage: { checks: [], uncovered: [], gaps: [], problems: [{ file: 'missing.yaml', message: 'no such file or folder', fatal: true }] },
    };
    for (const format of outputFormats) expect(format.render(empty, { color: false, width: 80 }).length, format.id).toBeGreaterThan(0);
  });
});
