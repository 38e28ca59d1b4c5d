import type { ScanResult } from '../engine/result.js';
import { nameUuid } from './ids.js';
import { terminalSafeJson } from './json-stream.js';
import { PROJECT_URL } from './links.js';
import { nistControlRows, resourceEvidenceText, type EvidenceStatus, type NistControlRow } from './nist.js';

/** The namespace of demarc's own OSCAL properties. */
const DEMARC_NS = `${PROJECT_URL}/ns/oscal`;

export const OSCAL_VERSION = '1.1.3';

const CATALOG_HREF = 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json';

/** OSCAL implementation states for the customer's side, from the evidence. */
const CUSTOMER_STATE: Record<EvidenceStatus, { state: string; remarks: string }> = {
  inherited: { state: 'implemented', remarks: 'Fully inherited from AWS.' },
  passing: { state: 'implemented', remarks: 'Every automated check demarc ran for this control passed.' },
  failing: { state: 'partial', remarks: 'Some automated checks for this control fail.' },
  unknown: { state: 'partial', remarks: 'Some evidence could not be read, so the control is not shown to be implemented.' },
  'not-assessed': { state: 'planned', remarks: 'No check in this scan covers the control yet; an attestation or a manual review is needed.' },
};

/** Name-based ids: the same estate and control give the same UUIDs on every run. */
function ids(scope: string, control: string) {
  const base = `${scope}/${control}`;
  return {
    requirement: nameUuid(`${base}/implemented-requirement`),
    providerBy: nameUuid(`${base}/by-component/aws`),
    customerBy: nameUuid(`${base}/by-component/customer`),
    provided: nameUuid(`${base}/provided`),
    responsibility: nameUuid(`${base}/responsibility`),
    inherited: nameUuid(`${base}/inherited`),
    satisfied: nameUuid(`${base}/satisfied`),
  };
}

function requirement(row: NistControlRow, scope: string, awsUuid: string, systemUuid: string): Record<string, unknown> {
  const uuid = ids(scope, row.id);
  const hasCustomerPart = row.inheritance !== 'Yes';
  const exported: Record<string, unknown> = { provided: [{ uuid: uuid.provided, description: row.providerPart }] };
  if (hasCustomerPart) exported['responsibilities'] = [{ uuid: uuid.responsibility, 'provided-uuid': uuid.provided, description: row.customerPart }];
  const provider = {
    'component-uuid': awsUuid,
    uuid: uuid.providerBy,
    description: row.providerPart,
    'implementation-status': { state: 'implemented', remarks: "Per AWS's third-party attestations (SOC 2, ISO 27001); not assessed by demarc." },
    export: exported,
  };
  const status = CUSTOMER_STATE[row.status];
  const customer: Record<string, unknown> = {
    'component-uuid': systemUuid,
    uuid: uuid.customerBy,
    description: hasCustomerPart ? row.customerPart : `Inherited from AWS: ${row.providerPart}`,
    'implementation-status': { state: status.state, remarks: `${status.remarks} Evidence: ${row.evidenceText}.` },
    inherited: [{ uuid: uuid.inherited, 'provided-uuid': uuid.provided, description: `Inherits AWS's part: ${row.providerPart}` }],
  };
  // The resources behind the status, by ARN (or id) and file:line: what an assessor opens first.
  const open = row.evidence.flatMap((entry) => entry.open);
  if (open.length > 0) {
    customer['props'] = open.map((item) => ({
      name: item.status === 'fail' ? 'failing-resource' : 'unverified-resource',
      ns: DEMARC_NS,
      value: item.resource,
      remarks: `${item.checkId} ${item.status} on ${resourceEvidenceText(item)} (${item.type})`,
    }));
  }
  if (hasCustomerPart) {
    customer['satisfied'] = [{ uuid: uuid.satisfied, 'responsibility-uuid': uuid.responsibility, description: `${row.customerPart} Evidence: ${row.evidenceText}.` }];
  }
  return {
    uuid: uuid.requirement,
    'control-id': row.id,
    'by-components': [provider, customer],
    remarks: `${row.title}. demarc controls: ${row.controls.map((control) => control.id).join(', ')}. Can be inherited: ${row.inheritance}.`,
  };
}

/**
 * An OSCAL 1.1 System Security Plan for the scanned estate: AWS as a leveraged component that provides each
 * control's provider part and hands the customer its responsibilities, and the customer's system inheriting and
 * satisfying them, with implementation status from the scan's evidence.
 */
export function renderOscal(result: ScanResult): string {
  const files = result.sources.map((source) => source.file);
  const scope = files.length > 0 ? [...files].sort().join('\n') : 'empty scan';
  const awsUuid = nameUuid('component/aws');
  const systemUuid = nameUuid(`${scope}/component/this-system`);
  const described = files.length > 0 ? files.join(', ') : 'no sources';
  const rows = nistControlRows(result);
  const ssp = {
    'system-security-plan': {
      uuid: nameUuid(`${scope}/ssp/${result.generatedAt}`),
      metadata: {
        title: `Shared responsibility for ${described}`,
        'last-modified': result.generatedAt,
        version: `demarc ${result.tool.version}`,
        'oscal-version': OSCAL_VERSION,
        remarks: 'A fragment generated by demarc from a scan: the system owner completes the system characteristics.',
      },
      'import-profile': {
        href: CATALOG_HREF,
        remarks: 'NIST SP 800-53 rev. 5; demarc lists representative controls of the families its responsibility model touches.',
      },
      'system-characteristics': {
        'system-ids': [{ 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: systemUuid }],
        'system-name': `AWS estate: ${described}`,
        description: `The AWS resources read from ${described} (${result.summary.resources} resources).`,
        'system-information': {
          'information-types': [
            {
              uuid: nameUuid(`${scope}/information-type`),
              title: 'Information processed by the scanned estate',
              description: 'To be categorised by the system owner; demarc does not know what data the resources hold.',
            },
          ],
        },
        status: { state: 'other', remarks: 'Unknown to demarc: set by the system owner.' },
        'authorization-boundary': { description: `The resources defined in ${described}, running on AWS.` },
      },
      'system-implementation': {
        users: [{ uuid: nameUuid(`${scope}/user/owner`), title: 'System owner', description: 'Operates the customer side of the shared responsibility model.' }],
        components: [
          {
            uuid: awsUuid,
            type: 'service',
            title: 'Amazon Web Services',
            description: 'The cloud provider: secures the facilities, hardware, virtualization layer and foundation services (security of the cloud).',
            status: { state: 'operational' },
          },
          {
            uuid: systemUuid,
            type: 'this-system',
            title: 'Customer system on AWS',
            description: `The customer's workloads and configuration in ${described} (security in the cloud).`,
            status: { state: 'operational' },
          },
        ],
      },
      'control-implementation': {
        description: 'Each control lists AWS\'s part (provided, with the responsibilities it hands to the customer) and the customer\'s system inheriting and satisfying them, judged from the scan.',
        'implemented-requirements': rows.map((row) => requirement(row, scope, awsUuid, systemUuid)),
      },
    },
  };
  return `${terminalSafeJson(JSON.stringify(ssp, null, 2))}\n`;
}
