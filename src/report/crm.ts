import type { ScanResult } from '../engine/result.js';
import { csvDocument } from './escape.js';
import { nistControlRows, type EvidenceStatus } from './nist.js';

const HEADER = [
  'Control ID', 'Control Name', 'Can Be Inherited', 'Provider (AWS) Responsibility', 'Customer Responsibility', 'Status',
  'Evidence', 'demarc Controls',
] as const;

const STATUS_TEXT: Record<EvidenceStatus, string> = {
  inherited: 'Inherited from AWS',
  failing: 'Not met: failing checks',
  unknown: 'Unknown: evidence could not be read',
  passing: 'Met by the checks that ran',
  'not-assessed': 'Not assessed',
};

/** The customer responsibility matrix as a workbook: one row per NIST SP 800-53 control. */
export function renderCrm(result: ScanResult): string {
  const rows = nistControlRows(result).map((row) => [
    row.id.toUpperCase(),
    row.title,
    row.inheritance,
    row.providerPart,
    row.customerPart,
    STATUS_TEXT[row.status],
    row.evidenceText,
    row.controls.map((control) => control.id).join(' '),
  ]);
  return csvDocument(HEADER, rows);
}
