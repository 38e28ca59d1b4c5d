import type { FrameworkResult, Finding, ScanResult } from '../engine/result.js';
import { nistControlItem } from '../model/frameworks/nist-800-53-r5.js';
import type { Inheritance, Origination } from '../model/frameworks/nist-ownership.js';
import { programOf, programScope, servicesOutsideScope, type ProgramScope, type ServiceOutOfScope } from '../model/frameworks/program-scope.js';
import { locationText } from './findings.js';

/**
 * Representative NIST SP 800-53 rev. 5 controls, shown when no baseline is chosen (`--framework fedramp-moderate`
 * and the others list a whole baseline). Ids and titles are the catalog's; test/report/oscal.test.ts checks them.
 */
const NIST_TABLE: readonly { id: string; title: string }[] = [
  { id: 'ac-2', title: 'Account Management' },
  { id: 'ac-3', title: 'Access Enforcement' },
  { id: 'ac-4', title: 'Information Flow Enforcement' },
  { id: 'ac-6', title: 'Least Privilege' },
  { id: 'at-2', title: 'Literacy Training and Awareness' },
  { id: 'at-3', title: 'Role-based Training' },
  { id: 'au-2', title: 'Event Logging' },
  { id: 'au-6', title: 'Audit Record Review, Analysis, and Reporting' },
  { id: 'au-9', title: 'Protection of Audit Information' },
  { id: 'au-12', title: 'Audit Record Generation' },
  { id: 'ca-7', title: 'Continuous Monitoring' },
  { id: 'cm-2', title: 'Baseline Configuration' },
  { id: 'cm-6', title: 'Configuration Settings' },
  { id: 'cm-7', title: 'Least Functionality' },
  { id: 'cp-2', title: 'Contingency Plan' },
  { id: 'cp-9', title: 'System Backup' },
  { id: 'cp-10', title: 'System Recovery and Reconstitution' },
  { id: 'ia-2', title: 'Identification and Authentication (organizational Users)' },
  { id: 'ia-5', title: 'Authenticator Management' },
  { id: 'ir-4', title: 'Incident Handling' },
  { id: 'ir-8', title: 'Incident Response Plan' },
  { id: 'ma-2', title: 'Controlled Maintenance' },
  { id: 'mp-4', title: 'Media Storage' },
  { id: 'mp-6', title: 'Media Sanitization' },
  { id: 'pe-2', title: 'Physical Access Authorizations' },
  { id: 'pe-3', title: 'Physical Access Control' },
  { id: 'pe-6', title: 'Monitoring Physical Access' },
  { id: 'pe-13', title: 'Fire Protection' },
  { id: 'pe-14', title: 'Environmental Controls' },
  { id: 'pl-2', title: 'System Security and Privacy Plans' },
  { id: 'pm-5', title: 'System Inventory' },
  { id: 'ps-3', title: 'Personnel Screening' },
  { id: 'pt-3', title: 'Personally Identifiable Information Processing Purposes' },
  { id: 'ra-2', title: 'Security Categorization' },
  { id: 'ra-5', title: 'Vulnerability Monitoring and Scanning' },
  { id: 'sa-10', title: 'Developer Configuration Management' },
  { id: 'sc-5', title: 'Denial-of-service Protection' },
  { id: 'sc-7', title: 'Boundary Protection' },
  { id: 'sc-8', title: 'Transmission Confidentiality and Integrity' },
  { id: 'sc-12', title: 'Cryptographic Key Establishment and Management' },
  { id: 'sc-13', title: 'Cryptographic Protection' },
  { id: 'sc-28', title: 'Protection of Information at Rest' },
  { id: 'si-2', title: 'Flaw Remediation' },
  { id: 'si-4', title: 'System Monitoring' },
  { id: 'sr-3', title: 'Supply Chain Controls and Processes' },
];

export const NIST_CONTROL_TABLE = NIST_TABLE;

export type { Inheritance, Origination };

/** The customer's side of a control, judged from the scan's evidence. */
export type EvidenceStatus = 'inherited' | 'failing' | 'unknown' | 'passing' | 'attested' | 'not-assessed';

/** A resource a check judged for a control: evidence an assessor can follow. */
export interface ResourceEvidence {
  checkId: string;
  status: Finding['status'];
  /** The resource's ARN where known, else its id. */
  resource: string;
  type: string;
  /** `file:line`, or empty for a live resource (its ARN is its location). */
  location: string;
}

export interface CheckEvidence {
  checkId: string;
  /** The customer-side resources the check judged, failing and unverified ones first. */
  resources: ResourceEvidence[];
  /** The failing and unverified ones among them. */
  open: ResourceEvidence[];
}

/** How many resources one check names per status in a row's evidence line. */
export const EVIDENCE_RESOURCES_SHOWN = 25;

export function resourceEvidenceText(entry: ResourceEvidence): string {
  return `${entry.resource}${entry.location && entry.location !== entry.resource ? ` (${entry.location})` : ''}`;
}

/** The controls a report lists: a chosen baseline (or the whole catalog), else the representative table. */
export interface NistSelection {
  /** The framework chosen with `--framework`, when it is NIST-based. */
  framework?: FrameworkResult;
  ids: string[];
  /** The programme whose service scope limits inheritance. */
  scope?: ProgramScope;
  /** Services of the scanned resources that scope does not confirm. */
  outsideScope: ServiceOutOfScope[];
}

export interface NistControlRow {
  id: string;
  title: string;
  family: string;
  origination: Origination;
  inheritance: Inheritance;
  providerPart: string;
  customerPart: string;
  /** Why the control falls where it does. */
  reason: string;
  /** The model's controls behind it. */
  modelControls: string[];
  checks: string[];
  customerDuties: string[];
  providerDuties: string[];
  /** Customer duties of the control that only an attestation can show. */
  attestationDuties: string[];
  status: EvidenceStatus;
  evidence: CheckEvidence[];
  /** One line for people: the resources behind the status, or why there is none. */
  evidenceText: string;
  /** Set when AWS's part cannot be inherited for some scanned services: which, and why. */
  scopeNote?: string;
}

const NIST_FRAMEWORKS = new Set(['nist-800-53-r5', 'fedramp-low', 'fedramp-moderate', 'fedramp-high']);

export function nistSelection(result: ScanResult): NistSelection {
  const framework = result.frameworks?.find((candidate) => NIST_FRAMEWORKS.has(candidate.id));
  if (!framework) return { ids: NIST_TABLE.map((entry) => entry.id), outsideScope: [] };
  const program = programOf(framework.id);
  const scope = program ? programScope(program) : undefined;
  const services = result.matrix.map((row) => row.service).filter((service) => service !== '');
  return {
    framework,
    ids: framework.items.map((item) => item.id),
    ...(scope ? { scope } : {}),
    outsideScope: program ? servicesOutsideScope(program, services) : [],
  };
}

function customerSide(finding: Finding): boolean {
  return !finding.suppressed && finding.owner !== 'provider' && finding.owner !== 'none';
}

const OPEN: ReadonlySet<Finding['status']> = new Set(['fail', 'unknown', 'error']);

function evidenceOf(checks: readonly string[], findings: readonly Finding[]): CheckEvidence[] {
  const wanted = new Set(checks);
  const byCheck = new Map<string, CheckEvidence>();
  for (const finding of findings) {
    if (!wanted.has(finding.checkId) || !customerSide(finding) || finding.status === 'not-applicable') continue;
    let entry = byCheck.get(finding.checkId);
    if (!entry) {
      entry = { checkId: finding.checkId, resources: [], open: [] };
      byCheck.set(finding.checkId, entry);
    }
    const resource: ResourceEvidence = {
      checkId: finding.checkId,
      status: finding.status,
      resource: finding.resource.arn ?? finding.resource.id,
      type: finding.resource.type,
      location: locationText(finding),
    };
    entry.resources.push(resource);
    if (OPEN.has(finding.status)) entry.open.push(resource);
  }
  return [...byCheck.values()];
}

function statusOf(origination: Origination, evidence: readonly CheckEvidence[], attested: boolean, scopeBlocksInheritance: boolean): EvidenceStatus {
  if (origination === 'provider-inherited') return scopeBlocksInheritance ? 'not-assessed' : 'inherited';
  const all = evidence.flatMap((entry) => entry.resources);
  if (all.some((item) => item.status === 'fail')) return 'failing';
  if (all.some((item) => item.status === 'unknown' || item.status === 'error')) return 'unknown';
  if (attested) return 'attested';
  if (all.some((item) => item.status === 'pass')) return 'passing';
  return 'not-assessed';
}

function named(items: readonly ResourceEvidence[]): string {
  const shown = items.slice(0, EVIDENCE_RESOURCES_SHOWN).map(resourceEvidenceText);
  return `${shown.join(', ')}${items.length > shown.length ? ` and ${items.length - shown.length} more (see the JSON result)` : ''}`;
}

function evidenceText(row: Omit<NistControlRow, 'evidenceText'>): string {
  const parts = row.evidence.map((entry) => {
    const of = (status: Finding['status']) => entry.resources.filter((item) => item.status === status);
    const pieces = [
      of('fail').length > 0 ? `fails on ${named(of('fail'))}` : '',
      [...of('unknown'), ...of('error')].length > 0 ? `could not be judged on ${named([...of('unknown'), ...of('error')])}` : '',
      of('pass').length > 0 ? `passes on ${named(of('pass'))}` : '',
    ].filter(Boolean);
    return `${entry.checkId} ${pieces.join('; ')}`;
  });
  if (row.origination === 'provider-inherited') parts.unshift('inherited from AWS; evidence is AWS\'s authorization and third-party reports');
  else if (parts.length === 0) {
    parts.push(row.checks.length > 0 ? 'no resource in this scan for its checks' : 'no configuration shows it');
  }
  if (row.attestationDuties.length > 0) parts.push(`attest: ${row.attestationDuties.join(', ')}`);
  if (row.scopeNote) parts.push(row.scopeNote);
  return parts.join('; ');
}

function scopeNoteOf(selection: NistSelection): string | undefined {
  const { scope, outsideScope } = selection;
  if (!scope || outsideScope.length === 0) return undefined;
  const list = outsideScope.map((entry) => entry.service).join(', ');
  const why = scope.complete
    ? `not in scope of ${scope.title}`
    : `not confirmed in scope of ${scope.title} by demarc's partial record (read ${scope.read} from ${scope.readFrom ?? scope.source}; check ${scope.source})`;
  return `AWS's part is not inherited for resources of ${list}: ${why}`;
}

/** One row per NIST control of the selection, with both sides' parts and the customer's status from the findings. */
export function nistControlRows(result: ScanResult, selection: NistSelection = nistSelection(result)): NistControlRow[] {
  const scopeNote = scopeNoteOf(selection);
  const attested = new Set(selection.framework?.items.filter((item) => item.status === 'attested').map((item) => item.id) ?? []);
  return selection.ids.map((id) => {
    const item = nistControlItem(id);
    if (!item) throw new Error(`NIST control ${id} is not in the catalog`);
    const evidence = evidenceOf(item.checks, result.findings);
    const inheritsAws = item.origination === 'provider-inherited' || item.origination === 'shared';
    const note = inheritsAws ? scopeNote : undefined;
    const inheritance: Inheritance = note && item.inheritance === 'Yes' ? 'Partial' : item.inheritance;
    const row: Omit<NistControlRow, 'evidenceText'> = {
      id,
      title: item.title,
      family: id.split('-')[0]?.toUpperCase() ?? '',
      origination: item.origination,
      inheritance,
      providerPart: item.providerPart,
      customerPart: item.customerPart,
      reason: item.reason,
      modelControls: item.modelControls,
      checks: item.checks,
      customerDuties: item.duties.filter((duty) => !item.providerDuties.includes(duty)),
      providerDuties: item.providerDuties,
      attestationDuties: item.attestationDuties,
      status: statusOf(item.origination, evidence, attested.has(id), note !== undefined),
      evidence,
      ...(note ? { scopeNote: note } : {}),
    };
    return { ...row, evidenceText: evidenceText(row) };
  });
}
