import { resourceKey, type Finding, type ScanResult } from '../engine/result.js';
import type { Severity } from '../model/vocabulary.js';
import { checksOf, controlTitle, remediationLines, type CheckInfo } from './check-info.js';
import { isActionable, resourceLabel } from './findings.js';
import { frameworkTags } from './framework-tags.js';
import { digest } from './ids.js';
import { joinChunks, jsonChunks, LazyJsonArray } from './json-stream.js';
import { awsDocUrl } from './links.js';

type SarifLevel = 'error' | 'warning' | 'note';

// GitHub code scanning reads `security-severity` (0.1-10) to rank alerts as critical, high, medium or low.
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

function failLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium' || severity === 'low') return 'warning';
  return 'note';
}

/**
 * fail: error or warning by severity; unknown and error (missing evidence, a check that threw): note. A failure on a
 * resource AWS manages is a note too: the customer cannot change it, so it must not look like their defect.
 */
function levelOf(finding: Finding): SarifLevel {
  if (finding.status !== 'fail') return 'note';
  if (finding.owner === 'provider') return 'note';
  return failLevel(finding.severity);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '(no message).';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function pascalCase(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

function rule(check: CheckInfo): Record<string, unknown> {
  const docs = awsDocUrl(check.id, check.remediation);
  const remediation = [...remediationLines(check.remediation), ...(docs ? [`AWS documentation: ${docs}`] : [])];
  const helpText = [check.rationale, '', 'Remediation:', ...remediation.map((line) => `- ${line}`)].join('\n');
  const helpMarkdown = [
    check.rationale,
    '',
    `Layer: \`${check.layer}\` · control: ${controlTitle(check.control)} · duty: \`${check.duty}\``,
    '',
    '**Remediation**',
    '',
    ...(check.remediation
      ? [
          `- Console: ${check.remediation.console}`,
          `- CloudFormation: \`${check.remediation.cloudformation}\``,
          `- Terraform: \`${check.remediation.terraform}\``,
        ]
      : ['- See `demarc explain ' + check.id + '`.']),
    ...(docs ? [`- AWS documentation: <${docs}>`] : []),
  ].join('\n');
  return {
    id: check.id,
    name: pascalCase(check.id),
    shortDescription: { text: sentence(check.title) },
    fullDescription: { text: sentence(check.rationale) },
    // The AWS documentation of what the check judges: a real page, where the project itself has no published home yet.
    ...(docs ? { helpUri: docs } : {}),
    help: { text: remediation.length > 0 ? helpText : sentence(check.rationale), markdown: helpMarkdown },
    defaultConfiguration: { level: failLevel(check.severity) },
    properties: {
      tags: [...new Set(['security', check.layer, check.control, ...frameworkTags(check.id)])],
      precision: 'high',
      'problem.severity': failLevel(check.severity) === 'note' ? 'recommendation' : failLevel(check.severity),
      'security-severity': SECURITY_SEVERITY[check.severity],
      severity: check.severity,
      layer: check.layer,
      control: check.control,
      duty: check.duty,
    },
  };
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

const SRCROOT = '%SRCROOT%';
/** The base of absolute paths: the folder the scanned files share, named once in `originalUriBaseIds`. */
const SCANROOT = 'SCANROOT';

function slashed(file: string): string {
  return file.replace(/\\/g, '/');
}

/** The deepest folder every absolute path lies in, with a trailing slash; undefined without absolute paths. */
export function commonFolder(files: Iterable<string>): string | undefined {
  let common: string[] | undefined;
  for (const file of files) {
    if (!isAbsolute(file)) continue;
    const parts = slashed(file).split('/').slice(0, -1);
    if (!common) common = parts;
    else {
      let index = 0;
      while (index < common.length && index < parts.length && common[index] === parts[index]) index += 1;
      common = common.slice(0, index);
    }
  }
  return common ? `${common.join('/')}/` : undefined;
}

/**
 * Every artifact is relative to a base: relative paths to %SRCROOT% (the folder the scan ran from: the repository
 * for code scanning), absolute ones to SCANROOT, the folder the scanned files share. Results do not change with the
 * folder the scan ran from; only `originalUriBaseIds` says where SCANROOT is.
 */
function artifactLocation(file: string, scanRoot: string | undefined): Record<string, string> {
  const path = slashed(file);
  if (isAbsolute(file) && scanRoot !== undefined && path.startsWith(scanRoot)) return { uri: encodeURI(path.slice(scanRoot.length)), uriBaseId: SCANROOT };
  if (isAbsolute(file)) return { uri: encodeURI(`file://${path.startsWith('/') ? '' : '/'}${path}`) };
  return { uri: encodeURI(path.replace(/^\.\//, '')), uriBaseId: SRCROOT };
}

function scanRootOf(scan: ScanResult): string | undefined {
  return commonFolder([...scan.sources.map((source) => source.file), ...scan.coverage.problems.map((problem) => problem.file)]);
}

function originalUriBaseIds(scanRoot: string | undefined): Record<string, unknown> {
  const bases: Record<string, unknown> = { [SRCROOT]: { description: { text: 'The folder the scan ran from: relative paths of scanned files start there.' } } };
  if (scanRoot !== undefined) {
    bases[SCANROOT] = { uri: encodeURI(`file://${scanRoot.startsWith('/') ? '' : '/'}${scanRoot}`), description: { text: 'The folder the scanned files named by absolute path share.' } };
  }
  return bases;
}

function locations(finding: Finding, scanRoot: string | undefined): Record<string, unknown> {
  const where = finding.location;
  const out: Record<string, unknown> = {};
  if (where?.file) {
    const region: Record<string, number> = {};
    if (where.line) region['startLine'] = where.line;
    if (where.line && where.column) region['startColumn'] = where.column;
    const physicalLocation: Record<string, unknown> = { artifactLocation: artifactLocation(where.file, scanRoot) };
    if (Object.keys(region).length > 0) physicalLocation['region'] = region;
    out['locations'] = [{ physicalLocation }];
  } else {
    // Live resources have no file: their ARN (or id) is the location, as a logical one.
    const name = where?.arn ?? finding.resource.arn ?? finding.resource.id;
    out['locations'] = [{ logicalLocations: [{ fullyQualifiedName: name, name: finding.resource.name ?? finding.resource.id, kind: 'resource' }] }];
  }
  return out;
}

function resultMessage(finding: Finding): string {
  const parts = [`${resourceLabel(finding)} (${finding.resource.type}): ${finding.message}`];
  if (finding.status === 'unknown') parts.push('The evidence could not be read, so the duty is not shown to be done');
  if (finding.status === 'error') parts.push('The check itself failed on this resource');
  if (finding.attribution) parts.push(`Attributed to AWS: ${finding.attribution}`);
  return parts.map(sentence).join(' ');
}

function result(finding: Finding, ruleIndex: number, occurrence: number, scanRoot: string | undefined): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    ruleId: finding.checkId,
    ruleIndex,
    level: levelOf(finding),
    message: { text: resultMessage(finding) },
    ...locations(finding, scanRoot),
    partialFingerprints: { 'demarcFinding/v1': digest(`${finding.checkId}\u0000${finding.resource.id}\u0000${occurrence}`) },
    properties: {
      tags: frameworkTags(finding.checkId),
      status: finding.status,
      severity: finding.severity,
      owner: finding.owner,
      layer: finding.layer,
      resourceId: finding.resource.id,
      resourceType: finding.resource.type,
    },
  };
  if (finding.suppressed) {
    const justification = finding.suppressed.expires ? `${finding.suppressed.reason} (until ${finding.suppressed.expires})` : finding.suppressed.reason;
    entry['suppressions'] = [{ kind: 'external', status: 'accepted', justification }];
  }
  return entry;
}

function notifications(scan: ScanResult, scanRoot: string | undefined): Record<string, unknown>[] {
  const problems = scan.coverage.problems.map((problem) => {
    const physicalLocation: Record<string, unknown> = { artifactLocation: artifactLocation(problem.file, scanRoot) };
    if (problem.line) physicalLocation['region'] = { startLine: problem.line };
    return { level: problem.fatal ? 'error' : 'warning', message: { text: sentence(problem.message) }, locations: [{ physicalLocation }] };
  });
  const gaps = scan.coverage.gaps.map((gap) => {
    const scope = [gap.account, gap.region, gap.call].filter(Boolean).join(' ');
    return { level: 'warning', message: { text: sentence(`Not collected${scope ? ` (${scope})` : ''}: ${gap.reason}`) } };
  });
  return [...problems, ...gaps];
}

/** Each actionable finding's SARIF result, made as it is written. */
function* results(scan: ScanResult, ruleIndex: ReadonlyMap<string, number>, scanRoot: string | undefined): Generator<Record<string, unknown>> {
  const occurrences = new Map<string, number>();
  for (const finding of scan.findings) {
    if (!isActionable(finding)) continue;
    const key = `${finding.checkId}\u0000${resourceKey(finding.resource)}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    yield result(finding, ruleIndex.get(finding.checkId) ?? 0, occurrence, scanRoot);
  }
}

/** SARIF 2.1.0 in pieces, a result at a time, for scans of any size. */
export function* sarifChunks(scan: ScanResult): Generator<string> {
  const checks = checksOf(scan);
  const ruleIndex = new Map(checks.map((check, index) => [check.id, index]));
  const scanRoot = scanRootOf(scan);
  const invocation: Record<string, unknown> = {
    executionSuccessful: !scan.coverage.problems.some((problem) => problem.fatal) || scan.sources.length > 0,
    endTimeUtc: scan.generatedAt,
  };
  const toolNotifications = notifications(scan, scanRoot);
  if (toolNotifications.length > 0) invocation['toolExecutionNotifications'] = toolNotifications;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'demarc',
            version: scan.tool.version,
            semanticVersion: scan.tool.version,
            rules: checks.map(rule),
          },
        },
        originalUriBaseIds: originalUriBaseIds(scanRoot),
        invocations: [invocation],
        columnKind: 'utf16CodeUnits',
        results: new LazyJsonArray(() => results(scan, ruleIndex, scanRoot)),
        properties: { demarcSchemaVersion: scan.schemaVersion, summary: scan.summary },
      },
    ],
  };
  // log → runs → the run → results → each result: the results are written one at a time.
  yield* jsonChunks(log, 4);
  yield '\n';
}

/** SARIF 2.1.0 for code scanning: one rule per check, one result per failed, unknown or erroring finding. */
export function renderSarif(scan: ScanResult): string {
  return joinChunks(sarifChunks(scan));
}
