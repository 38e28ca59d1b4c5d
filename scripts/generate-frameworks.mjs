#!/usr/bin/env node
// Writes src/model/frameworks/generated/*.ts: the frameworks demarc derives from AWS's and NIST's own mappings rather
// than by hand. Inputs are the shared reference files (../shared/data: the Security Hub control list with its related
// requirements, the AWS Config managed rules, the NIST SP 800-53 rev. 5 catalog, the FedRAMP rev. 5 baselines), the
// check equivalence map (src/checks/equivalents.ts) and the model (checks, controls, duties). `npm run gen:frameworks`
// builds first and runs this; `--check` only compares. test/meta/frameworks-generated.test.ts runs
// generateFrameworkFiles() in memory and compares its output with the committed files.
import { mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Rows of one of the shared CSV tables: a header row, no quoting, no commas inside fields. */
export function parseCsv(text) {
  const [header, ...lines] = text.split('\n').filter((line) => line.trim() !== '');
  if (header === undefined) throw new Error('empty CSV');
  const names = header.split(',');
  return lines.map((line, index) => {
    const cells = line.split(',');
    if (cells.length !== names.length) throw new Error(`CSV line ${index + 2} has ${cells.length} fields, the header ${names.length}`);
    return Object.fromEntries(names.map((name, column) => [name, cells[column]]));
  });
}

const NIST_REFERENCE = /^NIST\.800-53\.r5 ([A-Z]{2})-(\d+)(?:\((\d+)\))?$/;
const PCI_REFERENCE = /^PCI DSS v3\.2\.1\/([\d.]+)$/;
const CIS_V14_REFERENCE = /^CIS AWS Foundations Benchmark v1\.4\.0\/([\d.]+)$/;

/** `NIST.800-53.r5 AC-3(7)` as the guide writes it, to the catalog's id `ac-3.7`. */
export function nistId(reference) {
  const match = NIST_REFERENCE.exec(reference);
  if (!match) return undefined;
  return `${match[1].toLowerCase()}-${match[2]}${match[3] ? `.${match[3]}` : ''}`;
}

/** Every control and enhancement of the catalog, in its order, with its family and whether it is withdrawn. */
export function catalogControls(catalog) {
  const controls = [];
  const visit = (control, family) => {
    const withdrawn = (control.props ?? []).some((prop) => prop.name === 'status' && prop.value === 'withdrawn');
    controls.push({ id: control.id, title: control.title, family, withdrawn });
    for (const child of control.controls ?? []) visit(child, family);
  };
  for (const group of catalog.catalog.groups) for (const control of group.controls ?? []) visit(control, group.id.toUpperCase());
  return controls;
}

/** The control ids a FedRAMP baseline profile selects (lower-case OSCAL ids, in the profile's order). */
export function baselineIds(profile) {
  const ids = [];
  for (const entry of profile.profile.imports) {
    if (entry['exclude-controls']) throw new Error(`${profile.profile.metadata.title}: exclude-controls is not supported`);
    for (const include of entry['include-controls'] ?? []) ids.push(...include['with-ids']);
  }
  return ids;
}

// Titles in demarc's own words for the requirement ids the Security Hub guide relates its controls to; the ids and
// their grouping are the standards'. A new id in the data stops the generator until it has a title here.
const PCI_SECTIONS = {
  1: 'Firewall configuration', 2: 'Vendor defaults and configuration standards', 3: 'Stored cardholder data',
  4: 'Encryption over public networks', 6: 'Secure systems', 7: 'Need-to-know access', 8: 'Identification and authentication',
  10: 'Logging and monitoring', 11: 'Security testing',
};
const PCI_TITLES = {
  '1.2.1': 'Traffic into and out of the cardholder data environment is limited to what is needed',
  '1.3.1': 'Inbound internet traffic is limited to a DMZ',
  '1.3.2': 'Inbound internet traffic reaches only addresses within the DMZ',
  '1.3.4': 'Unauthorized outbound traffic from the cardholder data environment to the internet is blocked',
  '1.3.6': 'Components that store cardholder data sit in an internal network zone, apart from the DMZ',
  '2.1': 'Vendor-supplied defaults are changed and default accounts removed or disabled',
  '2.2': 'Configuration standards exist for every system component',
  '2.2.2': 'Only the services, protocols and ports that are needed are enabled',
  '2.3': 'Non-console administrative access is encrypted',
  '2.4': 'An inventory of in-scope system components is kept',
  '3.4': 'Stored account numbers are unreadable (encrypted, truncated or hashed)',
  '3.6.4': 'Cryptographic keys are changed at the end of their cryptoperiod',
  '4.1': 'Strong cryptography protects cardholder data sent over open, public networks',
  '6.2': 'Vendor security patches are installed',
  '7.2.1': 'The access control system covers every system component',
  '8.1.4': 'User accounts inactive for 90 days are removed or disabled',
  '8.2.1': 'Authentication credentials are unreadable in transmission and storage',
  '8.2.3': 'Passwords meet a minimum length and complexity',
  '8.2.4': 'Passwords are changed at least every 90 days',
  '8.2.5': 'A new password differs from the last four',
  '8.3.1': 'Non-console administrative access to the cardholder data environment needs MFA',
  '10.1': 'Audit trails link all access to system components to individual users',
  '10.2.1': 'Audit trails record user access to cardholder data',
  '10.2.2': 'Audit trails record actions taken with root or administrative privileges',
  '10.2.3': 'Audit trails record access to the audit trails',
  '10.2.4': 'Audit trails record invalid logical access attempts',
  '10.2.5': 'Audit trails record use of and changes to identification and authentication mechanisms',
  '10.2.6': 'Audit trails record the start, stop or pause of audit logging',
  '10.2.7': 'Audit trails record the creation and deletion of system-level objects',
  '10.3.1': 'Audit records hold the user identification',
  '10.3.2': 'Audit records hold the type of event',
  '10.3.3': 'Audit records hold the date and time',
  '10.3.4': 'Audit records hold whether the event succeeded or failed',
  '10.3.5': 'Audit records hold where the event came from',
  '10.3.6': 'Audit records name the data, component or resource affected',
  '10.5.2': 'Audit trail files are protected from unauthorized modification',
  '10.5.3': 'Audit trail files are promptly backed up to a central log server or media',
  '10.5.5': 'File-integrity monitoring or change detection runs on the logs',
  '11.4': 'Intrusion detection or prevention watches network traffic',
  '11.5': 'Change detection alerts on unauthorized changes to critical files',
};
const CIS_V14_SECTIONS = {
  1: 'Identity and Access Management', '2.1': 'Storage: Simple Storage Service (S3)', '2.2': 'Storage: Elastic Compute Cloud (EC2)',
  '2.3': 'Storage: Relational Database Service (RDS)', 3: 'Logging', 4: 'Monitoring', 5: 'Networking',
};
const CIS_V14_TITLES = {
  '1.4': 'No access key exists for the root user',
  '1.5': 'MFA is enabled for the root user',
  '1.6': 'Hardware MFA is enabled for the root user',
  '1.7': 'The root user is not used for administrative or daily tasks',
  '1.8': 'The password policy requires at least 14 characters',
  '1.9': 'The password policy prevents password reuse',
  '1.10': 'MFA is enabled for every IAM user with a console password',
  '1.12': 'Credentials unused for 45 days or more are disabled',
  '1.14': 'Access keys are rotated every 90 days or sooner',
  '1.16': 'No policy granting full "*:*" administrative privileges is attached',
  '1.17': 'A support role exists to manage incidents with AWS Support',
  '2.1.1': 'S3 buckets encrypt objects by default',
  '2.1.2': 'Bucket policies deny HTTP (non-TLS) requests',
  '2.1.5': 'S3 Block Public Access is enabled (bucket and account)',
  '2.2.1': 'EBS encryption by default is enabled',
  '2.3.1': 'RDS instances are encrypted at rest',
  '3.1': 'CloudTrail is enabled in every region',
  '3.2': 'CloudTrail log file validation is enabled',
  '3.3': 'The S3 bucket of CloudTrail logs is not publicly accessible',
  '3.4': 'CloudTrail trails deliver to CloudWatch Logs',
  '3.5': 'AWS Config is enabled in every region',
  '3.6': 'The S3 bucket of CloudTrail logs has server access logging',
  '3.7': 'CloudTrail logs are encrypted with KMS customer managed keys',
  '3.8': 'Rotation is enabled for customer-created symmetric KMS keys',
  '3.9': 'VPC flow logging is enabled in every VPC',
  '4.3': 'Use of the root user is monitored',
  '4.4': 'IAM policy changes are monitored',
  '4.5': 'CloudTrail configuration changes are monitored',
  '4.6': 'Console authentication failures are monitored',
  '4.7': 'Disabling or scheduled deletion of customer-created KMS keys is monitored',
  '4.8': 'S3 bucket policy changes are monitored',
  '4.9': 'AWS Config configuration changes are monitored',
  '4.10': 'Security group changes are monitored',
  '4.11': 'Network ACL changes are monitored',
  '4.12': 'Network gateway changes are monitored',
  '4.13': 'Route table changes are monitored',
  '4.14': 'VPC changes are monitored',
  '5.1': 'No network ACL allows ingress from 0.0.0.0/0 to administration ports',
  '5.3': 'The default security group of every VPC restricts all traffic',
};
// Security Hub controls evaluated without a Config rule, or several on one rule with different parameters: the rule
// name alone does not say what they judge.
const SECURITY_HUB_TITLES = {
  'CloudTrail.6': 'The S3 bucket of CloudTrail logs is not public',
  'CloudTrail.7': 'The S3 bucket of CloudTrail logs has server access logging',
  'CloudWatch.1': 'A log metric filter and alarm watch use of the root user',
  'CloudWatch.2': 'A log metric filter and alarm watch unauthorized API calls',
  'CloudWatch.3': 'A log metric filter and alarm watch console sign-in without MFA',
  'CloudWatch.4': 'A log metric filter and alarm watch IAM policy changes',
  'CloudWatch.5': 'A log metric filter and alarm watch CloudTrail configuration changes',
  'CloudWatch.6': 'A log metric filter and alarm watch console authentication failures',
  'CloudWatch.7': 'A log metric filter and alarm watch disabling or deleting customer managed keys',
  'CloudWatch.8': 'A log metric filter and alarm watch S3 bucket policy changes',
  'CloudWatch.9': 'A log metric filter and alarm watch AWS Config changes',
  'CloudWatch.10': 'A log metric filter and alarm watch security group changes',
  'CloudWatch.11': 'A log metric filter and alarm watch network ACL changes',
  'CloudWatch.12': 'A log metric filter and alarm watch network gateway changes',
  'CloudWatch.13': 'A log metric filter and alarm watch route table changes',
  'CloudWatch.14': 'A log metric filter and alarm watch VPC changes',
  'Config.1': 'AWS Config is enabled and records all resources',
  'IAM.7': 'iam-password-policy: strong settings',
  'IAM.8': 'iam-user-unused-credentials-check: 90 days',
  'IAM.10': 'iam-password-policy: the PCI DSS settings',
  'IAM.11': 'iam-password-policy: an uppercase letter',
  'IAM.12': 'iam-password-policy: a lowercase letter',
  'IAM.13': 'iam-password-policy: a symbol',
  'IAM.14': 'iam-password-policy: a number',
  'IAM.15': 'iam-password-policy: 14 characters or more',
  'IAM.16': 'iam-password-policy: no reuse of the last 24 passwords',
  'IAM.17': 'iam-password-policy: expiry within 90 days',
  'IAM.20': 'The root user is not used',
  'IAM.22': 'iam-user-unused-credentials-check: 45 days',
};
// Security Hub control prefixes whose lower-case form is not a service id of the model.
const SERVICE_ALIASES = { es: 'opensearch', waf: 'wafv2', account: 'organizations' };

const quote = (text) => `'${String(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (items) => `[${items.map(quote).join(', ')}]`;
const unique = (items) => [...new Set(items)];
const sortRequirementIds = (ids) => [...ids].sort((a, b) => {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
});

/** The section of `2.1.1` is that of `2.1` when the standard has one, else that of `2`. */
function sectionOf(id, sections) {
  const parts = id.split('.');
  const subsection = parts.slice(0, 2).join('.');
  return parts.length > 2 && sections[subsection] !== undefined ? sections[subsection] : sections[parts[0]];
}

function header(what, rowType) {
  return [
    `// Generated by scripts/generate-frameworks.mjs from ${what}; do not edit.`,
    '// `npm run gen:frameworks` rewrites it; test/meta/frameworks-generated.test.ts keeps it in sync.',
    `import type { ${rowType} } from '../rows.js';`,
    '',
  ];
}

/**
 * The generated framework files, by file name. Pure: `input` holds the shared files' text or parsed JSON and the
 * project's data (`checks` with id, control and duty; `equivalents` by check id; the model's `controls`, `duties`
 * and `services`). Throws on an id that is not in the shared data.
 */
export function generateFrameworkFiles(input) {
  const { checks, equivalents, controls, duties, services } = input;
  const securityHub = parseCsv(input.securityHubCsv);
  const managedRules = new Set(parseCsv(input.managedRulesCsv).map((row) => row.config_rule));
  const catalog = catalogControls(input.catalog);
  const catalogById = new Map(catalog.map((control) => [control.id, control]));
  const securityHubIds = new Set(securityHub.map((row) => row.control_id));
  const serviceIds = new Set(services.map((service) => service.id));
  const checkById = new Map(checks.map((check) => [check.id, check]));
  const dutyById = new Map(duties.map((duty) => [duty.id, duty]));

  for (const [checkId, declared] of Object.entries(equivalents)) {
    if (!checkById.has(checkId)) throw new Error(`equivalents name check ${checkId}, which does not exist`);
    for (const entry of declared.securityHub ?? []) if (!securityHubIds.has(entry.id)) throw new Error(`${checkId}: ${entry.id} is not a Security Hub control`);
    for (const entry of declared.configRule ?? []) if (!managedRules.has(entry.id)) throw new Error(`${checkId}: ${entry.id} is not an AWS Config managed rule`);
  }

  // The checks behind each Security Hub control: exact equivalents first, then partial ones, each in id order.
  const evidence = new Map(securityHub.map((row) => [row.control_id, { exact: [], partial: [] }]));
  for (const checkId of Object.keys(equivalents).sort()) {
    for (const entry of equivalents[checkId].securityHub ?? []) evidence.get(entry.id)[entry.match].push(checkId);
  }
  const checksOf = (controlId) => [...evidence.get(controlId).exact, ...evidence.get(controlId).partial];

  const relations = new Map(securityHub.map((row) => {
    const references = row.related_requirements === '' ? [] : row.related_requirements.split(';');
    const nist = unique(references.map(nistId).filter((id) => id !== undefined));
    for (const id of nist) {
      const control = catalogById.get(id);
      if (!control || control.withdrawn) throw new Error(`${row.control_id}: ${id} is not a current control of the catalog`);
    }
    const pci = references.map((reference) => PCI_REFERENCE.exec(reference)?.[1]).filter((id) => id !== undefined);
    const cis = references.map((reference) => CIS_V14_REFERENCE.exec(reference)?.[1]).filter((id) => id !== undefined);
    return [row.control_id, { nist, pci, cis }];
  }));

  // Duties a control no check evidences yet can be attested through, most specific first: those of the checks behind
  // its siblings on the same Config rule; the most common of those of the checks behind the controls AWS relates to
  // (nearly) the same NIST controls (AWS gives the controls of one kind, such as encryption at rest, one set); else the model's
  // customer-side duties of the NIST families it relates to, for its service; else configuring services securely.
  const dutiesOfChecks = (checkIds) => unique(checkIds.map((id) => checkById.get(id).duty));
  const serviceOf = (controlId) => {
    const prefix = controlId.split('.')[0].toLowerCase();
    const service = SERVICE_ALIASES[prefix] ?? prefix;
    return serviceIds.has(service) ? service : undefined;
  };
  const appliesTo = (dutyId, service) => {
    const duty = dutyById.get(dutyId);
    return duty.services.length === 0 || (service !== undefined && duty.services.includes(service));
  };
  // The duties most of the neighbours share (each neighbour votes once per duty), among those that apply to the service.
  const mostCommon = (dutyLists, service) => {
    const votes = new Map();
    for (const ids of dutyLists) for (const id of ids) if (appliesTo(id, service)) votes.set(id, (votes.get(id) ?? 0) + 1);
    const best = Math.max(0, ...votes.values());
    return [...votes].filter(([, count]) => count === best).map(([id]) => id);
  };
  const familyDuties = (families, service) => {
    const touched = new Set(controls.filter((control) => control.nistFamilies.some((family) => families.includes(family))).map((control) => control.id));
    return duties
      .filter((duty) => duty.owner !== 'provider' && touched.has(duty.control))
      .filter((duty) => appliesTo(duty.id, service))
      .map((duty) => duty.id);
  };
  // The evidenced controls whose NIST relations overlap this one's the most (Jaccard similarity, at least 0.6).
  const evidenced = securityHub.map((row) => row.control_id).filter((id) => checksOf(id).length > 0);
  const nearestEvidenced = (controlId) => {
    const own = new Set(relations.get(controlId).nist);
    if (own.size === 0) return [];
    const scored = evidenced.map((other) => {
      const theirs = relations.get(other).nist;
      const shared = theirs.filter((id) => own.has(id)).length;
      return { other, similarity: shared / (own.size + theirs.length - shared) };
    });
    const best = Math.max(...scored.map((entry) => entry.similarity));
    return best >= 0.6 ? scored.filter((entry) => entry.similarity === best).map((entry) => entry.other) : [];
  };
  const dutiesFor = (row) => {
    const own = checksOf(row.control_id);
    if (own.length > 0) return dutiesOfChecks(own);
    const sameRule = securityHub.filter((other) => row.config_rule !== '' && other.config_rule === row.config_rule);
    const byRule = dutiesOfChecks(sameRule.flatMap((other) => checksOf(other.control_id)));
    if (byRule.length > 0) return byRule;
    const byNeighbours = mostCommon(nearestEvidenced(row.control_id).map((other) => dutiesOfChecks(checksOf(other))), serviceOf(row.control_id));
    if (byNeighbours.length > 0) return byNeighbours;
    const families = unique(relations.get(row.control_id).nist.map((id) => catalogById.get(id).family));
    const byFamily = familyDuties(families, serviceOf(row.control_id));
    return byFamily.length > 0 ? byFamily : ['configure-services-securely'];
  };
  const securityHubDuties = new Map(securityHub.map((row) => [row.control_id, dutiesFor(row)]));
  for (const ids of securityHubDuties.values()) for (const id of ids) if (!dutyById.has(id)) throw new Error(`duty ${id} is not in the model`);

  const files = {};

  const fsbpLines = header('../shared/data/aws-config-mappings/securityhub-controls.csv and src/checks/equivalents.ts', 'SecurityHubRow');
  fsbpLines.push('// [control, severity, title, how demarc matches it, checks (exact ones first), duties to attest without them]');
  fsbpLines.push('export const rows: readonly SecurityHubRow[] = [');
  for (const row of securityHub) {
    const match = evidence.get(row.control_id).exact.length > 0 ? 'exact' : evidence.get(row.control_id).partial.length > 0 ? 'partial' : 'none';
    const title = SECURITY_HUB_TITLES[row.control_id] ?? row.config_rule;
    if (!title) throw new Error(`${row.control_id} has no Config rule and no title in SECURITY_HUB_TITLES`);
    fsbpLines.push(`  [${quote(row.control_id)}, ${quote(row.severity.toLowerCase())}, ${quote(title)}, ${quote(match)}, ${list(checksOf(row.control_id))}, ${list(securityHubDuties.get(row.control_id))}],`);
  }
  fsbpLines.push('];', '');
  files['aws-fsbp.ts'] = fsbpLines.join('\n');

  // NIST SP 800-53 rev. 5 at control level: every current control and enhancement, with the checks behind the
  // Security Hub controls AWS relates to it.
  const nistChecks = new Map();
  for (const row of securityHub) {
    for (const id of relations.get(row.control_id).nist) nistChecks.set(id, [...(nistChecks.get(id) ?? []), ...checksOf(row.control_id)]);
  }
  const current = catalog.filter((control) => !control.withdrawn);
  const nistLines = header('../shared/data/NIST_SP-800-53_rev5_catalog.json, the Security Hub relations and src/checks/equivalents.ts', 'NistControlRow');
  nistLines.push(`export const version = ${quote(input.catalog.catalog.metadata.version)};`, '');
  nistLines.push('// [control, catalog title, checks behind the Security Hub controls AWS relates to it, those checks\' duties]');
  nistLines.push('export const rows: readonly NistControlRow[] = [');
  for (const control of current) {
    const related = unique(nistChecks.get(control.id) ?? []).sort();
    nistLines.push(`  [${quote(control.id)}, ${quote(control.title)}, ${list(related)}, ${list(unique(related.map((id) => checkById.get(id).duty)).sort())}],`);
  }
  nistLines.push('];', '');
  files['nist-800-53-r5.ts'] = nistLines.join('\n');

  // The family roll-up: a family's evidence is its controls' evidence, so that a family is judged only by checks that
  // test one of its controls (IMDSv2 relates to no supply-chain control, so it is no evidence for SR).
  const familyLines = header('the NIST catalog\'s families and the Security Hub relations of their controls', 'NistFamilyRow');
  familyLines.push('// [family, catalog title, checks behind the Security Hub controls AWS relates to the family\'s controls]');
  familyLines.push('export const rows: readonly NistFamilyRow[] = [');
  for (const group of input.catalog.catalog.groups) {
    const family = group.id.toUpperCase();
    const related = unique(current.filter((control) => control.id.split('-')[0].toUpperCase() === family).flatMap((control) => nistChecks.get(control.id) ?? [])).sort();
    familyLines.push(`  [${quote(family)}, ${quote(group.title)}, ${list(related)}],`);
  }
  familyLines.push('];', '');
  files['nist-800-53-families.ts'] = familyLines.join('\n');

  for (const [level, profile] of Object.entries(input.baselines)) {
    const ids = baselineIds(profile);
    for (const id of ids) if (!catalogById.has(id) || catalogById.get(id).withdrawn) throw new Error(`FedRAMP ${level}: ${id} is not a current control of the catalog`);
    const version = /fedramp([\d.]+)/.exec(profile.profile.metadata.version)?.[1] ?? profile.profile.metadata.version;
    const lines = [
      `// Generated by scripts/generate-frameworks.mjs from ../shared/data/fedramp/FedRAMP_rev5_${level.toUpperCase()}-baseline_profile.json; do not edit.`,
      '// `npm run gen:frameworks` rewrites it; test/meta/frameworks-generated.test.ts keeps it in sync.',
      '',
      `export const version = ${quote(version)};`,
      '',
      '// The NIST SP 800-53 rev. 5 controls the baseline selects, in its order.',
      'export const rows: readonly string[] = [',
      ...ids.map((id) => `  ${quote(id)},`),
      '];',
      '',
    ];
    files[`fedramp-${level}.ts`] = lines.join('\n');
  }

  const requirementFile = (name, what, key, titles, sections) => {
    const byRequirement = new Map();
    for (const row of securityHub) {
      for (const id of relations.get(row.control_id)[key]) byRequirement.set(id, [...(byRequirement.get(id) ?? []), row.control_id]);
    }
    const lines = header(`the ${what} ids in ../shared/data/aws-config-mappings/securityhub-controls.csv and src/checks/equivalents.ts`, 'RequirementRow');
    lines.push('// [requirement, title, its section, the Security Hub controls AWS relates to it, their checks, their duties]');
    lines.push('export const rows: readonly RequirementRow[] = [');
    for (const id of sortRequirementIds(byRequirement.keys())) {
      if (!titles[id]) throw new Error(`${what} ${id} has no title in the generator`);
      const related = byRequirement.get(id);
      const itemChecks = unique(related.flatMap((control) => checksOf(control))).sort();
      const itemDuties = unique(related.flatMap((control) => securityHubDuties.get(control)));
      lines.push(`  [${quote(id)}, ${quote(titles[id])}, ${quote(sectionOf(id, sections))}, ${list(related)}, ${list(itemChecks)}, ${list(itemDuties)}],`);
    }
    lines.push('];', '');
    files[name] = lines.join('\n');
  };
  requirementFile('pci-dss-3.2.1.ts', 'PCI DSS v3.2.1', 'pci', PCI_TITLES, PCI_SECTIONS);
  requirementFile('cis-aws-v1.4.ts', 'CIS AWS Foundations Benchmark v1.4.0', 'cis', CIS_V14_TITLES, CIS_V14_SECTIONS);

  return files;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const shared = new URL('../../shared/data/', import.meta.url);
  const read = (path) => readFileSync(new URL(path, shared), 'utf8');
  const [{ allChecks }, { checkEquivalents }, { controls, duties, services }] = await Promise.all([
    import('../dist/checks/index.js'),
    import('../dist/checks/equivalents.js'),
    import('../dist/model/catalogue.js'),
  ]);
  const files = generateFrameworkFiles({
    securityHubCsv: read('aws-config-mappings/securityhub-controls.csv'),
    managedRulesCsv: read('aws-config-mappings/managed-rules.csv'),
    catalog: JSON.parse(read('NIST_SP-800-53_rev5_catalog.json')),
    baselines: Object.fromEntries(['low', 'moderate', 'high'].map((level) => [level, JSON.parse(read(`fedramp/FedRAMP_rev5_${level.toUpperCase()}-baseline_profile.json`))])),
    checks: allChecks,
    equivalents: checkEquivalents,
    controls,
    duties,
    services,
  });
  const target = new URL('../src/model/frameworks/generated/', import.meta.url);
  mkdirSync(target, { recursive: true });
  const stale = readdirSync(target).filter((name) => !(name in files));
  const changed = Object.keys(files).filter((name) => {
    try { return readFileSync(new URL(name, target), 'utf8') !== files[name]; } catch { return true; }
  });
  if (process.argv.includes('--check')) {
    if (changed.length + stale.length > 0) {
      console.error(`src/model/frameworks/generated is out of date (${[...changed, ...stale].join(', ')}): run npm run gen:frameworks`);
      process.exit(1);
    }
  } else {
    for (const name of changed) writeFileSync(new URL(name, target), files[name]);
    for (const name of stale) unlinkSync(new URL(name, target));
    console.log(`src/model/frameworks/generated: ${changed.length} of ${Object.keys(files).length} files written${stale.length > 0 ? `, ${stale.length} removed` : ''}`);
  }
}
