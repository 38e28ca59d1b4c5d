import type { ScanResult } from '../engine/result.js';
import { csvDocument } from './escape.js';

const HEADER = [
  'status', 'severity', 'check_id', 'title', 'resource_id', 'resource_type', 'resource_name', 'layer', 'owner', 'control',
  'duty', 'message', 'file', 'line', 'column', 'arn', 'account', 'region', 'suppressed', 'attribution',
] as const;

/** One row per finding, for spreadsheets: quoted per RFC 4180, formula-looking cells neutralised. */
export function renderCsv(result: ScanResult): string {
  const rows = result.findings.map((finding) => [
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
  ]);
  return csvDocument(HEADER, rows);
}
