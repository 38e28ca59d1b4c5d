import type { ScanResult } from '../engine/result.js';
import { ORIGINATION_TITLES } from '../model/frameworks/nist-ownership.js';
import { csvDocument } from './escape.js';
import { nistControlRows, type EvidenceStatus } from './nist.js';

const HEADER = [
  'Control ID', 'Control Name', 'Control Origination', 'Can Be Inherited', 'Provider (AWS) Responsibility',
  'Customer Responsibility', 'Why', 'Status', 'Evidence', 'Customer Duties', 'Checks', 'demarc Controls',
] as const;

const STATUS_TEXT: Record<EvidenceStatus, string> = {
  inherited: 'Inherited from AWS',
  failing: 'Not met: failing checks',
  unknown: 'Unknown: evidence could not be read',
  passing: 'Met by the checks that ran',
  attested: 'Attested',
  'not-assessed': 'Not evidenced: attest its duties',
};

/**
 * The customer responsibility matrix as a workbook: one row per NIST SP 800-53 control of the chosen baseline (or
 * the representative table), with whether it can be inherited from AWS, both sides' parts, and the evidence.
 */
export function renderCrm(result: ScanResult): string {
  const rows = nistControlRows(result).map((row) => [
    row.id.toUpperCase(),
    row.title,
    ORIGINATION_TITLES[row.origination],
    row.inheritance,
    row.providerPart,
    row.scopeNote ? `${row.customerPart} ${row.scopeNote}.` : row.customerPart,
    row.reason,
    STATUS_TEXT[row.status],
    row.evidenceText,
    row.customerDuties.join(' '),
    row.checks.join(' '),
    row.modelControls.join(' '),
  ]);
  return csvDocument(HEADER, rows);
}
