import type { Finding, ScanResult } from '../engine/result.js';
import { controls, duties } from '../model/catalogue.js';
import type { Control } from '../model/types.js';
import { locationText } from './findings.js';

/**
 * Representative NIST SP 800-53 rev. 5 controls for each of demarc's controls, within the families the model names
 * (`Control.nistFamilies`). Ids and titles are the catalog's; test/report/nist.test.ts checks them against it.
 */
const NIST_TABLE: readonly { id: string; title: string; controls: readonly string[] }[] = [
  { id: 'ac-2', title: 'Account Management', controls: ['identity-access'] },
  { id: 'ac-3', title: 'Access Enforcement', controls: ['identity-access', 'data-loss-prevention'] },
  { id: 'ac-4', title: 'Information Flow Enforcement', controls: ['zone-security'] },
  { id: 'ac-6', title: 'Least Privilege', controls: ['identity-access'] },
  { id: 'at-2', title: 'Literacy Training and Awareness', controls: ['awareness-training'] },
  { id: 'at-3', title: 'Role-based Training', controls: ['awareness-training'] },
  { id: 'au-2', title: 'Event Logging', controls: ['logging-monitoring'] },
  { id: 'au-6', title: 'Audit Record Review, Analysis, and Reporting', controls: ['logging-monitoring'] },
  { id: 'au-9', title: 'Protection of Audit Information', controls: ['logging-monitoring'] },
  { id: 'au-12', title: 'Audit Record Generation', controls: ['logging-monitoring'] },
  { id: 'ca-7', title: 'Continuous Monitoring', controls: ['logging-monitoring'] },
  { id: 'cm-2', title: 'Baseline Configuration', controls: ['configuration-management'] },
  { id: 'cm-6', title: 'Configuration Settings', controls: ['configuration-management'] },
  { id: 'cm-7', title: 'Least Functionality', controls: ['configuration-management'] },
  { id: 'cp-2', title: 'Contingency Plan', controls: ['business-continuity'] },
  { id: 'cp-9', title: 'System Backup', controls: ['business-continuity'] },
  { id: 'cp-10', title: 'System Recovery and Reconstitution', controls: ['business-continuity'] },
  { id: 'ia-2', title: 'Identification and Authentication (organizational Users)', controls: ['identity-access'] },
  { id: 'ia-5', title: 'Authenticator Management', controls: ['identity-access'] },
  { id: 'ir-4', title: 'Incident Handling', controls: ['incident-response'] },
  { id: 'ir-8', title: 'Incident Response Plan', controls: ['incident-response'] },
  { id: 'ma-2', title: 'Controlled Maintenance', controls: ['physical-environmental'] },
  { id: 'mp-4', title: 'Media Storage', controls: ['data-loss-prevention'] },
  { id: 'mp-6', title: 'Media Sanitization', controls: ['physical-environmental'] },
  { id: 'pe-2', title: 'Physical Access Authorizations', controls: ['physical-environmental'] },
  { id: 'pe-3', title: 'Physical Access Control', controls: ['physical-environmental'] },
  { id: 'pe-6', title: 'Monitoring Physical Access', controls: ['physical-environmental'] },
  { id: 'pe-13', title: 'Fire Protection', controls: ['physical-environmental'] },
  { id: 'pe-14', title: 'Environmental Controls', controls: ['physical-environmental'] },
  { id: 'pl-2', title: 'System Security and Privacy Plans', controls: ['business-continuity'] },
  { id: 'pm-5', title: 'System Inventory', controls: ['asset-classification'] },
  { id: 'ps-3', title: 'Personnel Screening', controls: ['awareness-training'] },
  { id: 'pt-3', title: 'Personally Identifiable Information Processing Purposes', controls: ['asset-classification'] },
  { id: 'ra-2', title: 'Security Categorization', controls: ['asset-classification'] },
  { id: 'ra-5', title: 'Vulnerability Monitoring and Scanning', controls: ['patch-management'] },
  { id: 'sa-10', title: 'Developer Configuration Management', controls: ['configuration-management'] },
  { id: 'sc-5', title: 'Denial-of-service Protection', controls: ['network-security'] },
  { id: 'sc-7', title: 'Boundary Protection', controls: ['zone-security', 'network-security', 'data-loss-prevention'] },
  { id: 'sc-8', title: 'Transmission Confidentiality and Integrity', controls: ['data-encryption'] },
  { id: 'sc-12', title: 'Cryptographic Key Establishment and Management', controls: ['data-encryption'] },
  { id: 'sc-13', title: 'Cryptographic Protection', controls: ['data-encryption'] },
  { id: 'sc-28', title: 'Protection of Information at Rest', controls: ['data-encryption'] },
  { id: 'si-2', title: 'Flaw Remediation', controls: ['patch-management'] },
  { id: 'si-4', title: 'System Monitoring', controls: ['network-security', 'logging-monitoring'] },
  { id: 'sr-3', title: 'Supply Chain Controls and Processes', controls: ['configuration-management'] },
];

export const NIST_CONTROL_TABLE = NIST_TABLE;

/** Whether the customer can inherit the control from AWS: fully, in part, or not at all. */
export type Inheritance = 'Yes' | 'Partial' | 'No';

/** The customer's side of a control, judged from the scan's evidence. */
export type EvidenceStatus = 'inherited' | 'failing' | 'unknown' | 'passing' | 'not-assessed';

/** A resource the customer's side of a control fails on (or cannot be shown on): evidence an assessor can follow. */
export interface ResourceEvidence {
  checkId: string;
  status: 'fail' | 'unknown' | 'error';
  /** The resource's ARN where known, else its id. */
  resource: string;
  type: string;
  /** `file:line`, or empty for a live resource (its ARN is its location). */
  location: string;
}

export interface CheckEvidence {
  checkId: string;
  counts: Partial<Record<Finding['status'], number>>;
  /** The resources behind the open counts, customer-side findings only (not suppressed, not AWS's). */
  open: ResourceEvidence[];
}

/** How many resources one check names in a row's evidence line; the rest are counted. */
export const EVIDENCE_RESOURCES_SHOWN = 10;

export function resourceEvidenceText(entry: ResourceEvidence): string {
  return `${entry.resource}${entry.location && entry.location !== entry.resource ? ` (${entry.location})` : ''}`;
}

export interface NistControlRow {
  id: string;
  title: string;
  family: string;
  controls: Control[];
  inheritance: Inheritance;
  providerPart: string;
  customerPart: string;
  status: EvidenceStatus;
  evidence: CheckEvidence[];
  /** Duties of these controls that only an attestation can show. */
  attestationDuties: string[];
  /** One line for people: the evidence counts, or why there is none. */
  evidenceText: string;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function inheritanceOf(members: readonly Control[]): Inheritance {
  if (members.every((control) => control.type === 'inherited')) return 'Yes';
  if (members.every((control) => control.type === 'customer-specific')) return 'No';
  return 'Partial';
}

/** Findings that speak for the customer's side: not suppressed, not on resources AWS manages. */
function customerEvidence(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !finding.suppressed && finding.owner !== 'provider' && finding.owner !== 'none');
}

function statusOf(inheritance: Inheritance, findings: readonly Finding[]): EvidenceStatus {
  if (inheritance === 'Yes') return 'inherited';
  const counted = customerEvidence(findings);
  if (counted.some((finding) => finding.status === 'fail')) return 'failing';
  if (counted.some((finding) => finding.status === 'unknown' || finding.status === 'error')) return 'unknown';
  if (counted.some((finding) => finding.status === 'pass')) return 'passing';
  return 'not-assessed';
}

const STATUS_ORDER: readonly Finding['status'][] = ['fail', 'error', 'unknown', 'pass', 'not-applicable'];

function evidenceText(row: Omit<NistControlRow, 'evidenceText'>): string {
  const parts = row.evidence.map((entry) => {
    const counts = STATUS_ORDER.filter((status) => (entry.counts[status] ?? 0) > 0).map((status) => `${entry.counts[status]} ${status}`);
    const failing = entry.open.filter((item) => item.status === 'fail');
    const named = failing.slice(0, EVIDENCE_RESOURCES_SHOWN).map(resourceEvidenceText);
    const more = failing.length > named.length ? `, and ${failing.length - named.length} more` : '';
    return `${entry.checkId}: ${counts.join(', ')}${named.length > 0 ? ` (failing: ${named.join(', ')}${more})` : ''}`;
  });
  if (row.inheritance === 'Yes') parts.unshift('inherited from AWS; evidence is AWS\'s third-party attestations (SOC 2, ISO 27001)');
  else if (parts.length === 0) parts.push('no check in this scan covers it');
  if (row.attestationDuties.length > 0) parts.push(`needs attestation: ${row.attestationDuties.join(', ')}`);
  return parts.join('; ');
}

/** One row per NIST control in the table, with both sides' parts and the customer's status from the findings. */
export function nistControlRows(result: ScanResult): NistControlRow[] {
  const byId = new Map(controls.map((control) => [control.id, control]));
  return NIST_TABLE.map((entry) => {
    const members = entry.controls.map((id) => byId.get(id)).filter((control): control is Control => control !== undefined);
    const memberIds = new Set(members.map((control) => control.id));
    const findings = result.findings.filter((finding) => memberIds.has(finding.control));
    const inheritance = inheritanceOf(members);
    const evidence: CheckEvidence[] = [];
    for (const finding of findings) {
      let entry = evidence.find((candidate) => candidate.checkId === finding.checkId);
      if (!entry) {
        entry = { checkId: finding.checkId, counts: {}, open: [] };
        evidence.push(entry);
      }
      entry.counts[finding.status] = (entry.counts[finding.status] ?? 0) + 1;
      if ((finding.status === 'fail' || finding.status === 'unknown' || finding.status === 'error') && customerEvidence([finding]).length > 0) {
        entry.open.push({
          checkId: finding.checkId,
          status: finding.status,
          resource: finding.resource.arn ?? finding.resource.id,
          type: finding.resource.type,
          location: locationText(finding),
        });
      }
    }
    const customerParts = members.filter((control) => control.type !== 'inherited' || inheritance === 'Yes').map((control) => control.customerPart);
    const row = {
      id: entry.id,
      title: entry.title,
      family: entry.id.split('-')[0]?.toUpperCase() ?? '',
      controls: members,
      inheritance,
      providerPart: unique(members.map((control) => control.providerPart)).join(' '),
      customerPart: unique(customerParts).join(' '),
      status: statusOf(inheritance, findings),
      evidence,
      attestationDuties: duties
        .filter((duty) => duty.needsAttestation && duty.owner !== 'provider' && memberIds.has(duty.control))
        .map((duty) => duty.id),
    };
    return { ...row, evidenceText: evidenceText(row) };
  });
}
