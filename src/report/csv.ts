import type { Finding, ScanResult } from '../engine/result.js';
import { csvChunks } from './escape.js';
import { joinChunks } from './json-stream.js';

const HEADER = [
  'status', 'severity', 'check_id', 'title', 'resource_id', 'resource_type', 'resource_name', 'layer', 'owner', 'control',
  'duty', 'message', 'file', 'line', 'column', 'arn', 'account', 'region', 'suppressed', 'attribution',
] as const;

function row(finding: Finding): (string | number | undefined)[] {
  return [
    finding.status,
    finding.severity,
    finding.checkId,
    finding.title,
    finding.resource.id,
    finding.resource.type,
    finding.resource.name,
    finding.layer,
    finding.owner,
    finding.control,
    finding.duty,
    finding.message,
    finding.location?.file,
    finding.location?.line,
    finding.location?.column,
    finding.location?.arn ?? finding.resource.arn,
    finding.resource.account,
    finding.resource.region,
    finding.suppressed ? finding.suppressed.reason : undefined,
    finding.attribution,
  ];
}

function* rows(result: ScanResult): Generator<(string | number | undefined)[]> {
  for (const finding of result.findings) yield row(finding);
}

/** The CSV in pieces, a finding at a time, for scans of any size. */
export function csvResultChunks(result: ScanResult): Generator<string> {
  return csvChunks(HEADER, rows(result));
}

/** One row per finding, for spreadsheets: quoted per RFC 4180, formula-looking cells neutralised. */
export function renderCsv(result: ScanResult): string {
  return joinChunks(csvResultChunks(result));
}
