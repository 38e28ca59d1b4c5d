import { isRecord, isReference, isUnknown, type PropRecord, type PropValue, type Unknown } from '../../inventory/values.js';
import { cannotBeWildcard, policyStatements, type PolicyStatement } from './policy.js';

/**
 * Whether a resource policy (bucket, queue, topic, repository, domain, table, key policy, Lambda permission ...)
 * grants public access, judged the way AWS documents "public" for S3 Block Public Access and IAM Access Analyzer:
 *
 * - A statement grants public access when it Allows a principal of `*` (`"*"`, `{"AWS": "*"}`), or uses
 *   `NotPrincipal` with Allow (everyone but the listed principals), whatever its actions (`NotAction` included).
 * - Unless one of its conditions fixes the caller: a caller-identifying key (`aws:SourceArn`, `aws:SourceAccount`,
 *   `aws:PrincipalOrgID`, `aws:SourceVpce`, `kms:CallerAccount` ...), under an operator that requires a match
 *   (`StringEquals`, `StringLike`, `ArnLike`, `IpAddress` ..., or `ForAnyValue:` of one), with values that are fixed:
 *   no wildcard and no policy variable, except wildcards AWS bounds (an ARN whose account field is fixed, an
 *   organization path below a fixed organization, `AROLEID:*`), and for `aws:SourceIp` a CIDR no wider than /8
 *   (IPv4) or /32 (IPv6).
 * - Negated operators (`StringNotEquals`, `NotIpAddress` ...), `...IfExists` and `ForAllValues:` never fix the caller:
 *   the first match everyone else, the others also match a request where the key is absent.
 * - Deny statements grant nothing. A value that cannot be read is an `Unknown`, never a pass.
 */

/** A statement that lets anyone in. */
export interface PublicGrant {
  statement: PolicyStatement;
  /** Path of the statement within the document (`Statement.2`). */
  path: string;
  /** Who is let in, for messages: `Principal "*"` or `NotPrincipal`. */
  principal: string;
  /** What they may do, for messages: the actions, or "every action except ...". */
  actions: string;
}

/** A statement, or the whole document, that cannot be judged. */
export interface PolicyDoubt {
  statement?: PolicyStatement;
  /** Path of the statement within the document; absent when the document itself cannot be read. */
  path?: string;
  reason: Unknown;
}

export interface ResourcePolicyAnalysis {
  public: PublicGrant[];
  unknown: PolicyDoubt[];
}

export type StatementVerdict =
  | { verdict: 'public'; grant: PublicGrant }
  | { verdict: 'not-public'; why: string }
  | { verdict: 'unknown'; reason: Unknown };

/** Judges every statement of a resource policy document (an object, or JSON text as Terraform and the APIs give it). */
export function analyzeResourcePolicy(document: PropValue | undefined): ResourcePolicyAnalysis {
  const statements = policyStatements(document);
  if (statements === undefined) return { public: [], unknown: [] };
  if (isUnknown(statements)) return { public: [], unknown: [{ reason: statements }] };
  const analysis: ResourcePolicyAnalysis = { public: [], unknown: [] };
  for (const statement of statements) {
    const verdict = analyzeStatement(statement);
    if (verdict.verdict === 'public') analysis.public.push(verdict.grant);
    else if (verdict.verdict === 'unknown') analysis.unknown.push({ statement, path: statement.path, reason: verdict.reason });
  }
  return analysis;
}

/** Judges one statement of a resource policy. */
export function analyzeStatement(statement: PolicyStatement): StatementVerdict {
  if (statement.effect === 'Deny') return { verdict: 'not-public', why: 'a Deny statement grants nothing' };
  const reach = principalReach(statement);
  if (isUnknown(reach)) return { verdict: 'unknown', reason: reach };
  if (reach === undefined) return { verdict: 'not-public', why: 'the principals are named' };
  if (isUnknown(statement.effect)) return { verdict: 'unknown', reason: statement.effect };
  const narrowed = conditionNarrows(statement.condition);
  if (isUnknown(narrowed)) return { verdict: 'unknown', reason: narrowed };
  if (narrowed) return { verdict: 'not-public', why: 'a condition fixes the caller' };
  return { verdict: 'public', grant: { statement, path: statement.path, principal: reach, actions: describeActions(statement) } };
}

/**
 * True when an Allow statement lets anyone at all act: a `*` principal (or `NotPrincipal`) with no condition that
 * fixes the caller. Unknown when the principal or condition cannot be read.
 */
export function allowsEveryone(statement: PolicyStatement): boolean | Unknown {
  const verdict = analyzeStatement(statement);
  if (verdict.verdict === 'unknown') return verdict.reason;
  return verdict.verdict === 'public';
}

function describeActions(statement: PolicyStatement): string {
  const known = (items: Array<string | Unknown>): string[] => items.filter((item): item is string => typeof item === 'string');
  const list = (items: string[]): string => items.slice(0, 3).join(', ') + (items.length > 3 ? ' ...' : '');
  const actions = known(statement.actions);
  if (actions.length > 0) return list(actions);
  const excluded = known(statement.notActions);
  if (excluded.length > 0) return `every action except ${list(excluded)}`;
  return 'its actions';
}

// ---------- Principals ----------

/** The principal values of a statement as written, before any reading turns references into unknowns. */
function rawPrincipalValues(principal: PropValue | undefined): PropValue[] | Unknown {
  if (principal === undefined || principal === null) return [];
  if (isUnknown(principal)) return principal;
  if (!isRecord(principal)) return Array.isArray(principal) ? principal : [principal];
  return Object.values(principal).flatMap((value) => (Array.isArray(value) ? value : [value]));
}

/**
 * Who a statement reaches: a label when it reaches everyone, undefined when only named principals, or an Unknown.
 * A reference to another resource (`!GetAtt Role.Arn`) and text built around unresolved parts
 * (`arn:${AWS::Partition}:iam::${AWS::AccountId}:root`) name principals: neither can be a bare `*`.
 */
function principalReach(statement: PolicyStatement): string | Unknown | undefined {
  if (statement.notPrincipal !== undefined && statement.notPrincipal !== null) return 'NotPrincipal';
  const values = rawPrincipalValues(statement.principal);
  if (isUnknown(values)) return values;
  if (values.some((value) => value === '*')) return 'Principal "*"';
  return values.find((value): value is Unknown => isUnknown(value) && !cannotBeWildcard(value) && deployTimeShape(value) === undefined);
}

// ---------- Conditions ----------

/** How the values of a caller-identifying key are judged fixed. */
type KeyKind = 'account' | 'arn' | 'org' | 'org-path' | 'id' | 'userid' | 'ip';

/**
 * Condition keys that identify the caller (or the network or service it calls through), so that a fixed value names
 * who may call. From the keys S3 Block Public Access and IAM Access Analyzer document as making a policy non-public.
 * `aws:ResourceOrgID`, `kms:ViaService` and `lambda:FunctionUrlAuthType` describe the resource or the path of the
 * call, not the caller: they are not here.
 */
const CALLER_KEYS: Readonly<Record<string, KeyKind>> = {
  'aws:sourcearn': 'arn',
  'aws:sourceaccount': 'account',
  'aws:sourceowner': 'account',
  'aws:sourcevpc': 'id',
  'aws:sourcevpce': 'id',
  'aws:sourceorgid': 'org',
  'aws:sourceorgpaths': 'org-path',
  'aws:sourceip': 'ip',
  'aws:principalaccount': 'account',
  'aws:principalarn': 'arn',
  'aws:principalorgid': 'org',
  'aws:principalorgpaths': 'org-path',
  'aws:userid': 'userid',
  'aws:username': 'id',
  'aws:vpceaccount': 'account',
  'aws:vpceorgid': 'org',
  'aws:vpceorgpaths': 'org-path',
  'kms:calleraccount': 'account',
  's3:dataaccesspointaccount': 'account',
  's3:dataaccesspointarn': 'arn',
  // S3 lists a fixed KMS key as non-public: only callers allowed to use that key can write.
  's3:x-amz-server-side-encryption-aws-kms-key-id': 'arn',
  // Alexa skills call a function with their skill id as the token.
  'lambda:eventsourcetoken': 'id',
};

/** Base operators that require the key to match one of the values (the key must be present). */
const MATCHING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike', 'ipaddress']);

/**
 * True when some condition of the statement fixes the caller to known values (conditions are all required, so one
 * is enough); Unknown when none does but one that might cannot be read; false otherwise.
 */
export function conditionNarrows(condition: PropRecord | Unknown | undefined): boolean | Unknown {
  if (condition === undefined) return false;
  if (isUnknown(condition)) return condition;
  let doubt: Unknown | undefined;
  for (const [operator, block] of Object.entries(condition)) {
    if (operatorKind(operator) === undefined) continue;
    if (isUnknown(block)) {
      doubt ??= block;
      continue;
    }
    if (!isRecord(block)) continue;
    for (const [key, values] of Object.entries(block)) {
      const narrows = entryNarrows(operator, key, values);
      if (narrows === true) return true;
      if (isUnknown(narrows)) doubt ??= narrows;
    }
  }
  return doubt ?? false;
}

/** The base operator when `operator` can fix a key's value, undefined when it never can. */
function operatorKind(operator: string): string | undefined {
  const match = /^(forallvalues:|foranyvalue:)?(.*?)(ifexists)?$/i.exec(operator);
  if (!match) return undefined;
  const [, qualifier, base, ifExists] = match;
  // ForAllValues is true when the key is absent or empty; IfExists is true when the key is absent.
  if (qualifier?.toLowerCase() === 'forallvalues:' || ifExists !== undefined) return undefined;
  const name = (base ?? '').toLowerCase();
  return MATCHING_OPERATORS.has(name) ? name : undefined;
}

/** Whether one `operator: { key: values }` entry fixes the caller. */
function entryNarrows(operator: string, key: string, values: PropValue): boolean | Unknown {
  const base = operatorKind(operator);
  const kind = CALLER_KEYS[key.toLowerCase()];
  if (base === undefined || kind === undefined) return false;
  if ((kind === 'ip') !== (base === 'ipaddress')) return false;
  const items = Array.isArray(values) ? values : [values];
  if (items.length === 0) return false;
  let doubt: Unknown | undefined;
  // The values are alternatives: one value that admits anyone opens the condition.
  for (const item of items) {
    const fixed = valueFixed(kind, item);
    if (fixed === false) return false;
    if (isUnknown(fixed)) doubt ??= fixed;
  }
  return doubt ?? true;
}

/** Stands for a part of a value that is known to be one fixed identifier (an account id, a resource's ARN). */
const FIXED_PART = '\uE000';

function valueFixed(kind: KeyKind, value: PropValue): boolean | Unknown {
  if (typeof value === 'string') return textFixed(kind, value);
  if (typeof value === 'number') return textFixed(kind, String(value));
  // A resource of the inventory: its ARN, id or name, which AWS assigns or validates, has no wildcard.
  if (isReference(value)) return true;
  if (isUnknown(value)) {
    const shape = deployTimeShape(value);
    return shape === undefined ? value : textFixed(kind, shape);
  }
  return false;
}

const WILDCARD = /[*?]/;
const POLICY_VARIABLE = /\$\{[^}]*\}/;

function textFixed(kind: KeyKind, text: string): boolean {
  if (text.trim() === '') return false;
  if (POLICY_VARIABLE.test(text)) return false;
  if (kind === 'ip') return cidrIsNarrow(text);
  if (!WILDCARD.test(text)) return true;
  switch (kind) {
    case 'arn': {
      // `arn:partition:service:region:account:resource`: a wildcard elsewhere still names one account's resources.
      const fields = text.split(':');
      const account = fields[4] ?? '';
      return fields[0] === 'arn' && fields.length >= 6 && (/^\d{12}$/.test(account) || /^\uE000+$/.test(account));
    }
    case 'org-path': {
      // `o-xxxx/r-xxxx/ou-xxxx/*`: a path below a fixed organization.
      const organization = text.split('/')[0] ?? '';
      return organization !== '' && !WILDCARD.test(organization);
    }
    case 'userid': {
      // `AROLEID:*`: any session of one role.
      const colon = text.indexOf(':');
      return colon > 0 && !WILDCARD.test(text.slice(0, colon));
    }
    default:
      return false;
  }
}

/** S3 Block Public Access treats a source IP range wider than /8 (IPv4) or /32 (IPv6) as public. */
function cidrIsNarrow(text: string): boolean {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return false;
  const ipv6 = address.includes(':');
  const fixedAddress = /^\uE000+$/.test(address);
  if (!fixedAddress && !(ipv6 ? /^[0-9a-f:.]+$/i.test(address) : /^\d{1,3}(\.\d{1,3}){3}$/.test(address))) return false;
  if (prefixText === undefined) return true;
  if (!/^\d{1,3}$/.test(prefixText)) return false;
  const prefix = Number(prefixText);
  if (fixedAddress) return prefix >= 8;
  return ipv6 ? prefix >= 32 && prefix <= 128 : prefix >= 8 && prefix <= 32;
}

const PSEUDO_PARAMETER = /^AWS::(AccountId|Partition|Region|URLSuffix|StackName|StackId) is known only at deploy time$/;
const CFN_REFERENCE = /^the value of [A-Za-z0-9]+(\.[A-Za-z0-9.]+)?$/;
const CFN_JOINED = /^Fn::(Sub|Join) uses /;
// Terraform data sources whose value is one identifier of the account the configuration is applied to.
const TERRAFORM_DATA_READ = /^(\S+) is read from the provider when Terraform runs$/;
const TERRAFORM_FIXED_DATA = /^data\.aws_(caller_identity\.[\w-]+\.(account_id|arn)|partition\.[\w-]+\.partition|region\.[\w-]+\.(name|region)|organizations_organization\.[\w-]+\.id)$/;

/**
 * The text of a value known only at deploy time, with each unresolved part that is sure to be one fixed identifier
 * written as FIXED_PART: a reference to a resource (`${Topic}`, `${Bucket.Arn}`, `${aws_sns_topic.alerts.arn}`), a
 * CloudFormation pseudo parameter (`${AWS::AccountId}`), the caller identity of a Terraform run. Undefined when some
 * part could be anything (a parameter or variable without a default): then the value is unknown.
 */
export function deployTimeShape(value: Unknown): string | undefined {
  if (value.template === undefined) {
    const terraformData = TERRAFORM_DATA_READ.exec(value.reason);
    const fixed = PSEUDO_PARAMETER.test(value.reason) || (terraformData !== null && TERRAFORM_FIXED_DATA.test(terraformData[1] ?? ''));
    return fixed ? FIXED_PART : undefined;
  }
  // CloudFormation writes every unresolved part that is not a reference as `${?}`; its reason lists what they were.
  const cfnPartsFixed = (): boolean => {
    if (!CFN_JOINED.test(value.reason)) return false;
    const pieces = value.reason.replace(/Fn::(Sub|Join) uses /g, '').split(', ');
    return pieces.every((piece) => PSEUDO_PARAMETER.test(piece) || CFN_REFERENCE.test(piece));
  };
  let sure = true;
  const shape = value.template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name === '?') {
      if (!cfnPartsFixed()) sure = false;
      return FIXED_PART;
    }
    // `${aws:username}`: an IAM policy variable, kept as written (it makes the value not fixed).
    if (/^[a-z0-9-]+:[a-z]/i.test(name)) return whole;
    if (/^AWS::/.test(name)) return FIXED_PART;
    if (/^(var|local|module|each|count|path|terraform|self)\./.test(name)) sure = false;
    else if (name.startsWith('data.') && !TERRAFORM_FIXED_DATA.test(name)) sure = false;
    return FIXED_PART;
  });
  return sure ? shape : undefined;
}
