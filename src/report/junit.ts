import { resourceKey, type Finding, type ScanResult } from '../engine/result.js';
import { isCustomerFailure } from '../engine/summary.js';
import { escapeXml } from './escape.js';
import { locationText, resourceLabel } from './findings.js';
import { joinChunks } from './json-stream.js';

interface Case {
  resource: string;
  findings: Finding[];
  /** 2, 3, ...: the further customer failures of one check on one resource, each a test case of its own. */
  occurrence?: number;
}

function outcome(findings: readonly Finding[]): { kind: 'failure' | 'error' | 'skipped' | 'pass'; message: string } {
  const message = (list: readonly Finding[]): string => list.map((finding) => finding.message).join('; ');
  const counted = findings.filter((finding) => !finding.suppressed && finding.owner !== 'provider');
  // The scan's own rule, so that the failures of the document are the customer failures of the summary.
  const failed = findings.filter(isCustomerFailure);
  if (failed.length > 0) return { kind: 'failure', message: message(failed) };
  const errored = findings.filter((finding) => finding.status === 'error');
  if (errored.length > 0) return { kind: 'error', message: message(errored) };
  const unknown = counted.filter((finding) => finding.status === 'unknown');
  if (unknown.length > 0) return { kind: 'skipped', message: `unknown: ${message(unknown)}` };
  const set = findings.filter((finding) => finding.status === 'fail');
  if (set.some((finding) => finding.suppressed)) return { kind: 'skipped', message: `suppressed: ${set.map((finding) => finding.suppressed?.reason ?? '').join('; ')}` };
  if (set.length > 0) return { kind: 'skipped', message: `attributed to AWS: ${set.map((finding) => finding.attribution ?? 'AWS-managed resource').join('; ')}` };
  if (findings.some((finding) => finding.status === 'unknown')) return { kind: 'skipped', message: `unknown: ${message(findings)}` };
  if (findings.every((finding) => finding.status === 'not-applicable')) return { kind: 'skipped', message: `not applicable: ${message(findings)}` };
  return { kind: 'pass', message: message(findings) };
}

function testCase(checkId: string, entry: Case): { xml: string; kind: string } {
  const first = entry.findings[0];
  const file = first?.location?.file;
  const name = `${first ? `${resourceLabel(first)} (${first.resource.type})` : entry.resource}${entry.occurrence ? ` #${entry.occurrence}` : ''}`;
  const open = `    <testcase classname="${escapeXml(`demarc.${checkId}`)}" name="${escapeXml(name)}"${file ? ` file="${escapeXml(file)}"` : ''} time="0">`;
  const { kind, message } = outcome(entry.findings);
  // One line per finding: the line breaks between them are the document's, any inside a message are escaped.
  const details = entry.findings.map((finding) => escapeXml(`${finding.status}: ${finding.message}${locationText(finding) ? ` (${locationText(finding)})` : ''}`)).join('\n');
  const severity = first?.severity ?? 'info';
  if (kind === 'pass') return { xml: `${open}</testcase>`, kind };
  if (kind === 'skipped') return { xml: `${open}\n      <skipped message="${escapeXml(message)}"/>\n    </testcase>`, kind };
  const type = kind === 'failure' ? severity : 'check-error';
  return {
    xml: `${open}\n      <${kind} message="${escapeXml(message)}" type="${escapeXml(type)}">${details}</${kind}>\n    </testcase>`,
    kind,
  };
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * A test case per check and resource; where a check fails a resource more than once (two open ports), each further
 * customer failure is a case of its own, so the document's failures equal the scan's customer failures.
 */
function groupByCheck(result: ScanResult): Map<string, Case[]> {
  const byResource = new Map<string, Map<string, Case>>();
  for (const entry of result.coverage.checks) byResource.set(entry.checkId, new Map());
  for (const finding of result.findings) {
    const cases = byResource.get(finding.checkId) ?? new Map<string, Case>();
    byResource.set(finding.checkId, cases);
    const key = resourceKey(finding.resource);
    const current = cases.get(key) ?? { resource: finding.resource.id, findings: [] };
    current.findings.push(finding);
    cases.set(key, current);
  }
  const byCheck = new Map<string, Case[]>();
  for (const [checkId, cases] of byResource) {
    const list: Case[] = [];
    for (const entry of cases.values()) {
      const failures = entry.findings.filter(isCustomerFailure);
      if (failures.length <= 1) {
        list.push(entry);
        continue;
      }
      const further = new Set(failures.slice(1));
      list.push({ resource: entry.resource, findings: entry.findings.filter((finding) => !further.has(finding)) });
      failures.slice(1).forEach((finding, index) => list.push({ resource: entry.resource, findings: [finding], occurrence: index + 2 }));
    }
    byCheck.set(checkId, list);
  }
  return byCheck;
}

function count(counts: Counts, kind: string): void {
  counts.tests += 1;
  if (kind === 'failure') counts.failures += 1;
  if (kind === 'error') counts.errors += 1;
  if (kind === 'skipped') counts.skipped += 1;
}

/** JUnit XML in pieces, a test case at a time, for scans of any size. */
export function* junitChunks(result: ScanResult): Generator<string> {
  const byCheck = groupByCheck(result);
  const titles = new Map<string, string>();
  for (const finding of result.findings) if (!titles.has(finding.checkId)) titles.set(finding.checkId, finding.title);
  // The totals open the document, so every case's outcome is counted before the first case is written.
  const totals: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suiteCounts = new Map<string, Counts>();
  for (const [checkId, cases] of byCheck) {
    const counts: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    for (const entry of cases) {
      const { kind } = outcome(entry.findings);
      count(counts, kind);
      count(totals, kind);
    }
    suiteCounts.set(checkId, counts);
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="demarc" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="0">\n`;
  for (const [checkId, cases] of byCheck) {
    const counts = suiteCounts.get(checkId) ?? { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const title = titles.get(checkId);
    const attributes = `name="${escapeXml(checkId)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="0" timestamp="${escapeXml(result.generatedAt)}"`;
    const properties = title ? `\n    <properties>\n      <property name="title" value="${escapeXml(title)}"/>\n    </properties>` : '';
    if (cases.length === 0 && !properties) {
      yield `  <testsuite ${attributes}/>\n`;
      continue;
    }
    yield `  <testsuite ${attributes}>${properties}`;
    for (const entry of cases) yield `\n${testCase(checkId, entry).xml}`;
    yield '\n  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

/** JUnit XML for CI dashboards: a suite per check, a test case per check and resource. */
export function renderJunit(result: ScanResult): string {
  return joinChunks(junitChunks(result));
}
