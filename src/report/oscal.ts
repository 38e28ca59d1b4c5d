import type { ScanResult } from '../engine/result.js';
import { nameUuid } from './ids.js';
import { terminalSafeJson } from './json-stream.js';
import { PROJECT_URL } from './links.js';
import { nistControlRows, nistSelection, resourceEvidenceText, type EvidenceStatus, type NistControlRow } from './nist.js';

/** The namespace of demarc's own OSCAL properties. */
const DEMARC_NS = `${PROJECT_URL}/ns/oscal`;

export const OSCAL_VERSION = '1.1.3';

const CATALOG_HREF = 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json';

/** The official FedRAMP rev. 5 baseline profiles, by framework id. */
const FEDRAMP_PROFILES: Record<string, string> = Object.fromEntries(['low', 'moderate', 'high'].map((level) => [
  `fedramp-${level}`,
  `https://raw.githubusercontent.com/GSA/fedramp-automation/master/dist/content/rev5/baselines/json/FedRAMP_rev5_${level.toUpperCase()}-baseline_profile.json`,
]));

/** FedRAMP's namespace for its OSCAL properties (control origination, implementation status). */
const FEDRAMP_NS = 'https://fedramp.gov/ns/oscal';

/** OSCAL (and FedRAMP) implementation states for the customer's side, from the evidence. */
const CUSTOMER_STATE: Record<EvidenceStatus, { state: string; remarks: string }> = {
  inherited: { state: 'implemented', remarks: 'Fully inherited from AWS.' },
  passing: { state: 'implemented', remarks: 'Every resource the control\'s checks judged passes.' },
  attested: { state: 'implemented', remarks: 'Its duties are attested.' },
  failing: { state: 'partial', remarks: 'Some resources fail the control\'s checks.' },
  unknown: { state: 'partial', remarks: 'Some evidence could not be read, so the control is not shown to be implemented.' },
  'not-assessed': { state: 'planned', remarks: 'Not evidenced: no configuration in this scan shows it; attest its duties or review it.' },
};

/** FedRAMP control-origination values: shared is AWS's inherited part plus the customer's own. */
function originationValues(row: NistControlRow): string[] {
  const customer = row.customerDuties.length > 0 && row.attestationDuties.length === row.customerDuties.length ? 'customer-provided' : 'customer-configured';
  if (row.origination === 'provider-inherited') return ['inherited'];
  if (row.origination === 'shared') return ['inherited', customer];
  return [row.origination];
}

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
  const providesPart = row.origination === 'provider-inherited' || row.origination === 'shared';
  const hasCustomerPart = row.origination !== 'provider-inherited';
  const exported: Record<string, unknown> = {};
  if (providesPart) exported['provided'] = [{ uuid: uuid.provided, description: row.providerPart }];
  if (hasCustomerPart) {
    exported['responsibilities'] = [{ uuid: uuid.responsibility, ...(providesPart ? { 'provided-uuid': uuid.provided } : {}), description: row.customerPart }];
  }
  const provider = {
    'component-uuid': awsUuid,
    uuid: uuid.providerBy,
    description: row.providerPart,
    'implementation-status': providesPart
      ? { state: 'implemented', remarks: "Per AWS's FedRAMP authorization and third-party reports; not assessed by demarc." }
      : { state: 'not-applicable', remarks: 'AWS has no part of this control the customer can inherit.' },
    export: exported,
  };
  const status = CUSTOMER_STATE[row.status];
  const customer: Record<string, unknown> = {
    'component-uuid': systemUuid,
    uuid: uuid.customerBy,
    description: hasCustomerPart ? row.customerPart : `Inherited from AWS: ${row.providerPart}`,
    'implementation-status': { state: status.state, remarks: `${status.remarks} Evidence: ${row.evidenceText}.` },
  };
  if (providesPart) {
    const limit = row.scopeNote ? ` ${row.scopeNote}.` : '';
    customer['inherited'] = [{ uuid: uuid.inherited, 'provided-uuid': uuid.provided, description: `Inherits AWS's part: ${row.providerPart}${limit}` }];
  }
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
    props: [
      { name: 'implementation-status', ns: FEDRAMP_NS, value: status.state },
      ...originationValues(row).map((value) => ({ name: 'control-origination', ns: FEDRAMP_NS, value })),
      { name: 'origination', ns: DEMARC_NS, value: row.origination },
      { name: 'can-be-inherited', ns: DEMARC_NS, value: row.inheritance },
    ],
    'by-components': [provider, customer],
    remarks: `${row.title}. ${row.reason}${row.checks.length > 0 ? ` Checks: ${row.checks.join(', ')}.` : ''}`,
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
  const selection = nistSelection(result);
  const rows = nistControlRows(result, selection);
  const chosen = selection.framework?.id;
  const profile = chosen ? FEDRAMP_PROFILES[chosen] : undefined;
  const scopeRemarks = selection.scope
    ? ` Inheritance from AWS is claimed only for services ${selection.scope.title} lists (${selection.scope.source}, read ${selection.scope.read}${selection.scope.complete ? '' : ', a partial record'})${selection.outsideScope.length > 0 ? `; not for ${selection.outsideScope.map((entry) => entry.service).join(', ')}` : ''}.`
    : '';
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
        href: profile ?? CATALOG_HREF,
        remarks: chosen
          ? `${selection.framework?.title ?? chosen}: every control it selects (${rows.length}).`
          : 'NIST SP 800-53 rev. 5; without --framework demarc lists representative controls of the families its responsibility model touches (choose fedramp-low, fedramp-moderate, fedramp-high or nist-800-53-r5 for all).',
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
            description: `The cloud provider: secures the facilities, hardware, virtualization layer and foundation services (security of the cloud).${scopeRemarks}`,
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
