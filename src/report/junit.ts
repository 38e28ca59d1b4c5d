import { resourceKey, type Finding, type ScanResult } from '../engine/result.js';
import { escapeXml } from './escape.js';
import { locationText, resourceLabel } from './findings.js';

interface Case {
  resource: string;
  findings: Finding[];
}

function outcome(findings: readonly Finding[]): { kind: 'failure' | 'error' | 'skipped' | 'pass'; message: string } {
  const message = (list: readonly Finding[]): string => list.map((finding) => finding.message).join('; ');
  const counted = findings.filter((finding) => !finding.suppressed && finding.owner !== 'provider');
  const failed = counted.filter((finding) => finding.status === 'fail');
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
  const name = first ? `${resourceLabel(first)} (${first.resource.type})` : entry.resource;
  const open = `    <testcase classname="${escapeXml(`demarc.${checkId}`)}" name="${escapeXml(name)}"${file ? ` file="${escapeXml(file)}"` : ''} time="0">`;
  const { kind, message } = outcome(entry.findings);
  const details = entry.findings.map((finding) => `${finding.status}: ${finding.message}${locationText(finding) ? ` (${locationText(finding)})` : ''}`).join('\n');
  const severity = first?.severity ?? 'info';
  if (kind === 'pass') return { xml: `${open}</testcase>`, kind };
  if (kind === 'skipped') return { xml: `${open}\n      <skipped message="${escapeXml(message)}"/>\n    </testcase>`, kind };
  const type = kind === 'failure' ? severity : 'check-error';
  return {
    xml: `${open}\n      <${kind} message="${escapeXml(message)}" type="${escapeXml(type)}">${escapeXml(details)}</${kind}>\n    </testcase>`,
    kind,
  };
}

/** JUnit XML for CI dashboards: a suite per check, a test case per check and resource. */
export function renderJunit(result: ScanResult): string {
  const byCheck = new Map<string, Map<string, Case>>();
  for (const entry of result.coverage.checks) byCheck.set(entry.checkId, new Map());
  for (const finding of result.findings) {
    const cases = byCheck.get(finding.checkId) ?? new Map<string, Case>();
    byCheck.set(finding.checkId, cases);
    const key = resourceKey(finding.resource);
    const current = cases.get(key) ?? { resource: finding.resource.id, findings: [] };
    current.findings.push(finding);
    cases.set(key, current);
  }
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites: string[] = [];
  for (const [checkId, cases] of byCheck) {
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const body: string[] = [];
    for (const entry of cases.values()) {
      const { xml, kind } = testCase(checkId, entry);
      body.push(xml);
      counts.tests += 1;
      if (kind === 'failure') counts.failures += 1;
      if (kind === 'error') counts.errors += 1;
      if (kind === 'skipped') counts.skipped += 1;
    }
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    totals.skipped += counts.skipped;
    const title = result.findings.find((finding) => finding.checkId === checkId)?.title;
    const attributes = `name="${escapeXml(checkId)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="0" timestamp="${escapeXml(result.generatedAt)}"`;
    const properties = title ? `\n    <properties>\n      <property name="title" value="${escapeXml(title)}"/>\n    </properties>` : '';
    suites.push(body.length === 0 && !properties ? `  <testsuite ${attributes}/>` : `  <testsuite ${attributes}>${properties}${body.length > 0 ? `\n${body.join('\n')}` : ''}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="demarc" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
