import { fail, notApplicable, pass, unknown } from '../define-check.js';
import type { CheckContext, Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { at, bool, list, str } from '../../inventory/readers.js';
import { isReference, isUnknown, Unknown, type PropValue } from '../../inventory/values.js';

/**
 * CloudWatch metric filters and alarms over a CloudTrail trail's log group (the monitoring section of the CIS AWS
 * Foundations Benchmark). A filter "covers" a kind of activity when its pattern matches every sample CloudTrail
 * record of that activity: the pattern is evaluated, not compared as text, so any correct way of writing it counts.
 */

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type CloudTrailRecord = { [key: string]: JsonValue };

const ACCOUNT = '111122223333';

/** A plausible CloudTrail record: an IAM user calling an API from the CLI, with `extra` on top. */
function record(eventSource: string, eventName: string, extra: CloudTrailRecord = {}): CloudTrailRecord {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLEPRINCIPAL', arn: `arn:aws:iam::${ACCOUNT}:user/operator`, accountId: ACCOUNT, userName: 'operator' },
    eventTime: '2026-10-15T09:30:00Z',
    eventSource,
    eventName,
    awsRegion: 'eu-west-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.17.0',
    requestParameters: {},
    responseElements: null,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...extra,
  };
}

const calls = (eventSource: string, names: readonly string[]): CloudTrailRecord[] => names.map((name) => record(eventSource, name));

function consoleLogin(extra: CloudTrailRecord): CloudTrailRecord {
  return record('signin.amazonaws.com', 'ConsoleLogin', { eventType: 'AwsConsoleSignIn', readOnly: false, ...extra });
}

export interface MetricFilterSpec {
  /** Section of the CIS AWS Foundations Benchmark (v1.4 to v3.0 numbering). */
  cis: string;
  /** What the filter must watch for, in a phrase: "changes to IAM policies". */
  watchesFor: string;
  /** Activities the filter must match; names in messages are the records' event names (or `describe`). */
  samples: ReadonlyArray<{ label: string; record: CloudTrailRecord }>;
}

const byName = (records: CloudTrailRecord[]): MetricFilterSpec['samples'] =>
  records.map((entry) => ({ label: String(entry['eventName']), record: entry }));

/** The activities of each monitoring item; event names are the API calls CloudTrail records for them. */
export const METRIC_FILTERS = {
  'unauthorized-api-calls': {
    cis: '4.1',
    watchesFor: 'API calls refused for lack of permission',
    samples: [
      { label: 'a call refused with *UnauthorizedOperation', record: record('ec2.amazonaws.com', 'RunInstances', { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' }) },
      { label: 'a call refused with AccessDenied', record: record('iam.amazonaws.com', 'ListUsers', { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform iam:ListUsers' }) },
    ],
  },
  'console-signin-without-mfa': {
    cis: '4.2',
    watchesFor: 'console sign-ins without MFA',
    samples: [
      {
        label: 'ConsoleLogin without MFA',
        record: consoleLogin({ responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' } }),
      },
    ],
  },
  'root-usage': {
    cis: '4.3',
    watchesFor: 'use of the root user',
    samples: [
      { label: 'an API call by the root user', record: record('iam.amazonaws.com', 'CreateAccessKey', { userIdentity: { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT } }) },
      {
        label: 'a console sign-in by the root user',
        record: consoleLogin({
          userIdentity: { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT },
          responseElements: { ConsoleLogin: 'Success' },
          additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'Yes' },
        }),
      },
    ],
  },
  'iam-policy-changes': {
    cis: '4.4',
    watchesFor: 'changes to IAM policies',
    samples: byName(
      calls('iam.amazonaws.com', [
        'DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy',
        'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy',
        'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy',
      ]),
    ),
  },
  'cloudtrail-changes': {
    cis: '4.5',
    watchesFor: 'changes to CloudTrail trails',
    samples: byName(calls('cloudtrail.amazonaws.com', ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'])),
  },
  'console-auth-failures': {
    cis: '4.6',
    watchesFor: 'failed console sign-ins',
    samples: [
      {
        label: 'a failed ConsoleLogin',
        record: consoleLogin({
          errorMessage: 'Failed authentication',
          responseElements: { ConsoleLogin: 'Failure' },
          additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
        }),
      },
    ],
  },
  'cmk-disable-or-deletion': {
    cis: '4.7',
    watchesFor: 'customer managed KMS keys being disabled or scheduled for deletion',
    samples: byName(calls('kms.amazonaws.com', ['DisableKey', 'ScheduleKeyDeletion'])),
  },
  's3-bucket-policy-changes': {
    cis: '4.8',
    watchesFor: 'changes to S3 bucket policies, ACLs, CORS, lifecycle and replication',
    samples: byName(
      calls('s3.amazonaws.com', [
        'PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication',
        'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication',
      ]),
    ),
  },
  'config-changes': {
    cis: '4.9',
    watchesFor: 'changes to AWS Config recorders and delivery channels',
    samples: byName(calls('config.amazonaws.com', ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder'])),
  },
  'security-group-changes': {
    cis: '4.10',
    watchesFor: 'changes to security groups',
    samples: byName(
      calls('ec2.amazonaws.com', [
        'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress',
        'CreateSecurityGroup', 'DeleteSecurityGroup',
      ]),
    ),
  },
  'nacl-changes': {
    cis: '4.11',
    watchesFor: 'changes to network ACLs',
    samples: byName(
      calls('ec2.amazonaws.com', ['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation']),
    ),
  },
  'network-gateway-changes': {
    cis: '4.12',
    watchesFor: 'changes to internet and customer gateways',
    samples: byName(
      calls('ec2.amazonaws.com', ['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway']),
    ),
  },
  'route-table-changes': {
    cis: '4.13',
    watchesFor: 'changes to route tables',
    samples: byName(
      calls('ec2.amazonaws.com', ['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable']),
    ),
  },
  'vpc-changes': {
    cis: '4.14',
    watchesFor: 'changes to VPCs and their peering',
    samples: byName(
      calls('ec2.amazonaws.com', [
        'CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection',
        'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc',
        'DisableVpcClassicLink', 'EnableVpcClassicLink',
      ]),
    ),
  },
  'organizations-changes': {
    cis: '4.15',
    watchesFor: 'changes to the AWS Organizations organisation',
    samples: byName(
      calls('organizations.amazonaws.com', [
        'AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeclineHandshake',
        'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType', 'EnablePolicyType',
        'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy',
        'UpdateOrganizationalUnit',
      ]),
    ),
  },
} as const satisfies Record<string, MetricFilterSpec>;

export type MetricFilterKey = keyof typeof METRIC_FILTERS;

// ---------------------------------------------------------------------------------------------------------------
// Filter patterns. CloudWatch Logs has three syntaxes; CloudTrail writes JSON, so JSON patterns (`{ $.a = "b" }`)
// are what matter; plain term patterns are supported too; space-delimited (`[a, b]`) patterns are not.

export type RecordMatcher = (event: CloudTrailRecord) => boolean;

type Token =
  | { kind: 'punct'; text: '{' | '}' | '(' | ')' | '&&' | '||' }
  | { kind: 'op'; text: '=' | '!=' | '<' | '>' | '<=' | '>=' }
  | { kind: 'selector'; path: Array<string | number> }
  | { kind: 'string'; text: string }
  | { kind: 'regex'; text: string }
  | { kind: 'word'; text: string };

class PatternError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
    } else if (text.startsWith('&&', index) || text.startsWith('||', index)) {
      tokens.push({ kind: 'punct', text: text.startsWith('&&', index) ? '&&' : '||' });
      index += 2;
    } else if ('{}()'.includes(char)) {
      tokens.push({ kind: 'punct', text: char as '{' | '}' | '(' | ')' });
      index += 1;
    } else if (['!=', '<=', '>='].some((op) => text.startsWith(op, index))) {
      tokens.push({ kind: 'op', text: text.slice(index, index + 2) as '!=' | '<=' | '>=' });
      index += 2;
    } else if ('=<>'.includes(char)) {
      tokens.push({ kind: 'op', text: char as '=' | '<' | '>' });
      index += 1;
    } else if (char === '"') {
      let end = index + 1;
      let value = '';
      while (end < text.length && text[end] !== '"') {
        if (text[end] === '\\' && end + 1 < text.length) end += 1;
        value += text[end];
        end += 1;
      }
      if (end >= text.length) throw new PatternError('a quoted value is not closed');
      tokens.push({ kind: 'string', text: value });
      index = end + 1;
    } else if (char === '%') {
      const end = text.indexOf('%', index + 1);
      if (end < 0) throw new PatternError('a %regular expression% is not closed');
      tokens.push({ kind: 'regex', text: text.slice(index + 1, end) });
      index = end + 1;
    } else {
      let end = index;
      while (end < text.length && !/[\s(){}"=!<>&|]/.test(text[end] ?? '')) end += 1;
      if (end === index) throw new PatternError(`unexpected "${char}"`);
      const word = text.slice(index, end);
      tokens.push(word.startsWith('$') ? { kind: 'selector', path: selectorPath(word) } : { kind: 'word', text: word });
      index = end;
    }
  }
  return tokens;
}

function selectorPath(word: string): Array<string | number> {
  const path: Array<string | number> = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]/g;
  const rest = word.slice(1);
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(rest)) !== null) {
    if (match.index !== consumed) throw new PatternError(`cannot read the selector ${word}`);
    path.push(match[1] !== undefined ? match[1] : Number(match[2]));
    consumed = pattern.lastIndex;
  }
  if (consumed !== rest.length) throw new PatternError(`cannot read the selector ${word}`);
  return path;
}

function valueAt(event: JsonValue, path: ReadonlyArray<string | number>): JsonValue | undefined {
  let current: JsonValue | undefined = event;
  for (const step of path) {
    if (current === undefined || current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? (typeof step === 'number' ? current[step] : undefined) : typeof step === 'string' ? current[step] : undefined;
  }
  return current;
}

function globMatches(pattern: string, value: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(value);
}

class JsonPatternParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): RecordMatcher {
    this.expect('{');
    const matcher = this.orExpression();
    this.expect('}');
    if (this.position !== this.tokens.length) throw new PatternError('text after the closing brace');
    return matcher;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token !== undefined && token.kind === 'punct' && token.text === text;
  }

  private expect(text: string): void {
    if (!this.isPunct(text)) throw new PatternError(`expected "${text}"`);
    this.position += 1;
  }

  private orExpression(): RecordMatcher {
    const parts = [this.andExpression()];
    while (this.isPunct('||')) {
      this.position += 1;
      parts.push(this.andExpression());
    }
    return parts.length === 1 && parts[0] ? parts[0] : (event) => parts.some((part) => part(event));
  }

  private andExpression(): RecordMatcher {
    const parts = [this.unary()];
    while (this.isPunct('&&')) {
      this.position += 1;
      parts.push(this.unary());
    }
    return parts.length === 1 && parts[0] ? parts[0] : (event) => parts.every((part) => part(event));
  }

  private unary(): RecordMatcher {
    if (this.isPunct('(')) {
      this.position += 1;
      const inner = this.orExpression();
      this.expect(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): RecordMatcher {
    const selector = this.peek();
    if (selector?.kind !== 'selector') throw new PatternError('expected a $. selector');
    this.position += 1;
    const path = selector.path;
    const next = this.peek();
    if (next?.kind === 'word') {
      const keyword = next.text.toUpperCase();
      const following = this.tokens[this.position + 1];
      const second = following?.kind === 'word' ? following.text.toUpperCase() : '';
      if (keyword === 'IS' && ['NULL', 'TRUE', 'FALSE'].includes(second)) {
        this.position += 2;
        if (second === 'NULL') return (event) => valueAt(event, path) === null;
        const wanted = second === 'TRUE';
        return (event) => valueAt(event, path) === wanted;
      }
      if (keyword === 'NOT' && second === 'EXISTS') {
        this.position += 2;
        return (event) => valueAt(event, path) === undefined;
      }
      throw new PatternError(`unexpected "${next.text}"`);
    }
    if (next?.kind !== 'op') throw new PatternError('expected a comparison');
    this.position += 1;
    const operand = this.peek();
    if (operand === undefined || !['string', 'word', 'regex'].includes(operand.kind)) throw new PatternError('expected a value to compare with');
    this.position += 1;
    const text = 'text' in operand ? operand.text : '';
    const op = next.text;
    if (op === '<' || op === '>' || op === '<=' || op === '>=') {
      const limit = Number(text);
      if (!Number.isFinite(limit)) throw new PatternError(`${op} needs a number`);
      return (event) => {
        const value = valueAt(event, path);
        if (typeof value !== 'number') return false;
        return op === '<' ? value < limit : op === '>' ? value > limit : op === '<=' ? value <= limit : value >= limit;
      };
    }
    let regex: RegExp | undefined;
    if (operand.kind === 'regex') {
      try {
        regex = new RegExp(text);
      } catch {
        throw new PatternError(`invalid regular expression %${text}%`);
      }
    }
    const equals = (value: JsonValue | undefined): boolean => {
      if (value === undefined || (typeof value === 'object' && value !== null)) return false;
      const actual = value === null ? 'null' : String(value);
      return regex ? regex.test(actual) : globMatches(text, actual);
    };
    if (op === '=') return (event) => equals(valueAt(event, path));
    return (event) => {
      const value = valueAt(event, path);
      return value !== undefined && !equals(value);
    };
  }
}

/** Plain term patterns: every term must occur in the record's text, `-term` must not, any one `?term` must. */
function termMatcher(text: string): RecordMatcher {
  const terms = text.match(/"[^"]*"|\S+/g) ?? [];
  const required: string[] = [];
  const excluded: string[] = [];
  const optional: string[] = [];
  for (const raw of terms) {
    const term = raw.replace(/^([?-]?)"(.*)"$/, '$1$2');
    if (term.startsWith('?')) optional.push(term.slice(1));
    else if (term.startsWith('-')) excluded.push(term.slice(1));
    else required.push(term);
  }
  return (event) => {
    const body = JSON.stringify(event);
    return (
      required.every((term) => body.includes(term)) &&
      !excluded.some((term) => body.includes(term)) &&
      (optional.length === 0 || optional.some((term) => body.includes(term)))
    );
  };
}

/** A matcher for a CloudWatch Logs filter pattern, or an `Unknown` saying why it cannot be read. */
export function compileFilterPattern(pattern: string): RecordMatcher | Unknown {
  const text = pattern.trim();
  if (text === '') return () => true;
  if (text.startsWith('[')) return new Unknown('space-delimited filter patterns are not evaluated');
  if (!text.startsWith('{')) return termMatcher(text);
  try {
    return new JsonPatternParser(tokenize(text)).parse();
  } catch (error) {
    if (error instanceof PatternError) return new Unknown(`the filter pattern cannot be read: ${error.message}`);
    throw error;
  }
}

/** The labels of the spec's samples that `pattern` does not match (empty: it covers them all). */
export function uncoveredActivities(key: MetricFilterKey, pattern: string): string[] | Unknown {
  const matcher = compileFilterPattern(pattern);
  if (isUnknown(matcher)) return matcher;
  return METRIC_FILTERS[key].samples.filter((sample) => !matcher(sample.record)).map((sample) => sample.label);
}

// ---------------------------------------------------------------------------------------------------------------
// Linking a trail to its log group, the log group to its metric filters, and the filters' metrics to alarms.

interface LogGroupIdentity {
  resource?: Resource;
  names: Set<string>;
}

function namesOf(resource: Resource): string[] {
  const names: string[] = [];
  const property = resource.properties['LogGroupName'];
  if (typeof property === 'string') names.push(property);
  if (resource.name) names.push(resource.name);
  return names;
}

/** The log group a trail delivers to, from its `CloudWatchLogsLogGroupArn` (a reference, an ARN, or a `Fn::Sub`). */
function logGroupOfTrail(value: PropValue, context: CheckContext): LogGroupIdentity | Unknown {
  const { inventory } = context;
  if (isReference(value)) {
    const resource = inventory.resolve(value);
    return resource ? { resource, names: new Set(namesOf(resource)) } : new Unknown(`the log group ${value.target} is not in the inventory`);
  }
  let arn: string;
  if (typeof value === 'string') arn = value;
  else if (isUnknown(value) && value.template !== undefined) {
    // `${<log group>.arn}:*`: the ARN of a log group as CloudTrail wants it, written from a reference to the group.
    const suffixed = /^\$\{([^{}]+?)(?:\.arn)?\}:\*$/i.exec(value.template);
    if (suffixed?.[1] !== undefined) {
      const resource = inventory.resolve(suffixed[1]);
      if (resource) return { resource, names: new Set(namesOf(resource)) };
      if (!suffixed[1].includes(':')) return new Unknown(`the log group ${suffixed[1]} is not in the inventory`);
    }
    arn = value.template;
  }
  else return isUnknown(value) ? value : new Unknown('CloudWatchLogsLogGroupArn is not an ARN');
  const match = /:log-group:(.+?)(?::\*)?$/.exec(arn);
  if (!match?.[1]) return new Unknown(`"${arn}" is not a log group ARN`);
  const segment = match[1];
  const templated = /^\$\{([^}.]+)\}$/.exec(segment);
  if (templated?.[1]) {
    const resource = inventory.resolve(templated[1]);
    return resource ? { resource, names: new Set(namesOf(resource)) } : new Unknown(`the log group ${templated[1]} is not in the inventory`);
  }
  if (segment.includes('${')) return new Unknown(`the log group name in "${arn}" is known only at deploy time`);
  const resource = [arn, arn.replace(/:\*$/, ''), `${arn}:*`].map((key) => inventory.resolve(key)).find((found) => found !== undefined) ??
    inventory.ofType('AWS::Logs::LogGroup').find((group) => namesOf(group).includes(segment));
  const names = new Set([segment, ...(resource ? namesOf(resource) : [])]);
  return resource ? { resource, names } : { names };
}

/** True, false, or unknown: whether a metric filter is attached to the log group. */
function filterIsOnGroup(filter: Resource, group: LogGroupIdentity, context: CheckContext): boolean | Unknown {
  const value = filter.properties['LogGroupName'];
  if (isReference(value)) return group.resource !== undefined && context.inventory.resolve(value) === group.resource;
  const name = str(value);
  if (name === undefined) return false;
  if (isUnknown(name)) return name;
  return group.names.has(name) || (group.resource !== undefined && context.inventory.resolve(name) === group.resource);
}

interface MetricId {
  name: string;
  namespace: string;
}

function metricsOf(filter: Resource): MetricId[] | Unknown {
  const transformations = list(filter.properties['MetricTransformations']);
  if (transformations === undefined) return [];
  if (isUnknown(transformations)) return transformations;
  const metrics: MetricId[] = [];
  for (const entry of transformations) {
    const name = str(at(entry, 'MetricName'));
    const namespace = str(at(entry, 'MetricNamespace'));
    if (isUnknown(name)) return name;
    if (isUnknown(namespace)) return namespace;
    if (name !== undefined && namespace !== undefined) metrics.push({ name, namespace });
  }
  return metrics;
}

/** The metrics an alarm watches: its own `MetricName`/`Namespace`, or those of `Metrics[].MetricStat`. */
function alarmMetrics(alarm: Resource): Array<{ name: string | Unknown | undefined; namespace: string | Unknown | undefined }> {
  const direct = { name: str(alarm.properties['MetricName']), namespace: str(alarm.properties['Namespace']) };
  const queries = list(alarm.properties['Metrics']);
  const fromQueries = Array.isArray(queries)
    ? queries.map((query) => ({ name: str(at(query, 'MetricStat', 'Metric', 'MetricName')), namespace: str(at(query, 'MetricStat', 'Metric', 'Namespace')) }))
    : [];
  return [direct, ...fromQueries];
}

function alarmNotifies(alarm: Resource): boolean | Unknown {
  const enabled = bool(alarm.properties['ActionsEnabled']);
  if (isUnknown(enabled)) return enabled;
  if (enabled === false) return false;
  const actions = list(alarm.properties['AlarmActions']);
  if (isUnknown(actions)) return actions;
  return actions !== undefined && actions.length > 0;
}

const label = (resource: Resource): string => resource.name ?? resource.id;

function summarise(items: readonly string[], limit = 6): string {
  return items.length <= limit ? items.join(', ') : `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}

// ---------------------------------------------------------------------------------------------------------------
// The trails that record one region of a live account, as `Demarc::CloudTrail::RegionStatus` lists them. The CIS
// monitoring checks and the CloudTrail existence checks judge it, so that a region with no trail fails instead of
// giving those checks nothing to evaluate.

export const TRAIL_REGION_STATUS = 'Demarc::CloudTrail::RegionStatus';

/** One trail that records a region: what the status says about it. */
export interface TrailInRegion {
  arn: string;
  name: string;
  homeRegion: string | undefined;
  /** The account that owns the trail (another one for an organization trail seen from a member account). */
  owner: string | undefined;
  multiRegion: boolean | Unknown | undefined;
  organization: boolean;
  logging: boolean | Unknown | undefined;
  logGroupArn: PropValue | undefined;
  logRoleArn: PropValue | undefined;
}

/** "111122223333/eu-west-3": the account and region a live status resource stands for. */
export function accountRegion(resource: Resource): string {
  return [resource.account, resource.region].filter((part) => part !== undefined && part !== '').join('/') || resource.name || resource.id;
}

/** The trails a region status lists, or an `Unknown` when the list could not be read. */
export function trailsInRegion(status: Resource): TrailInRegion[] | Unknown {
  const entries = list(status.properties['Trails']);
  if (isUnknown(entries)) return entries;
  if (entries === undefined) return new Unknown('the trails of the region were not collected');
  const trails: TrailInRegion[] = [];
  for (const entry of entries) {
    const arn = str(at(entry, 'TrailARN'));
    if (isUnknown(arn)) return arn;
    if (arn === undefined) continue;
    const name = str(at(entry, 'Name'));
    const homeRegion = str(at(entry, 'HomeRegion'));
    trails.push({
      arn,
      name: typeof name === 'string' ? name : arn,
      homeRegion: typeof homeRegion === 'string' ? homeRegion : undefined,
      owner: arn.split(':')[4] || undefined,
      multiRegion: bool(at(entry, 'IsMultiRegionTrail')),
      organization: bool(at(entry, 'IsOrganizationTrail')) === true,
      logging: bool(at(entry, 'IsLogging')),
      logGroupArn: at(entry, 'CloudWatchLogsLogGroupArn'),
      logRoleArn: at(entry, 'CloudWatchLogsRoleArn'),
    });
  }
  return trails;
}

/** "trail audit (multi-region, home us-east-1 of 111122223333, organization trail)". */
export function describeTrail(trail: TrailInRegion, status: Resource): string {
  const home = [trail.homeRegion !== undefined && trail.homeRegion !== status.region ? `home ${trail.homeRegion}` : '', trail.owner !== undefined && trail.owner !== status.account ? `of account ${trail.owner}` : '']
    .filter(Boolean)
    .join(' ');
  const notes = [trail.multiRegion === true ? 'multi-region' : 'this region only', home, trail.organization ? 'organization trail' : ''].filter(Boolean);
  return `trail ${trail.name} (${notes.join(', ')})`;
}

/** True when a trail value names a CloudWatch Logs log group (an ARN, a reference, or one known only at deploy time). */
const hasValue = (value: PropValue | undefined): boolean => value !== undefined && value !== null && value !== '';

/**
 * One monitoring item on one region of a live account. Without a multi-region trail there is nothing a metric filter
 * could read: that fails here, naming the account and region. With one, the duty is judged on that trail (its log
 * group, filters and alarms live in its home region), so the region only says where.
 */
function evaluateMetricFilterOnRegion(key: MetricFilterKey, status: Resource, context: CheckContext): Evaluation {
  const spec: MetricFilterSpec = METRIC_FILTERS[key];
  const where = accountRegion(status);
  const trails = trailsInRegion(status);
  if (isUnknown(trails)) return unknown(trails, 'Trails');
  const multi = trails.filter((trail) => trail.multiRegion === true);
  if (multi.length === 0) {
    const doubt = trails.find((trail) => isUnknown(trail.multiRegion));
    if (doubt) return unknown(`whether trail ${doubt.name} records every region is not known`, 'Trails');
    const others = trails.length > 0 ? ` (only ${trails.map((trail) => trail.name).join(', ')}, which record one region each)` : '';
    return fail(`no multi-region trail records ${where}${others}, so no metric filter can watch for ${spec.watchesFor} (CIS ${spec.cis})`, 'Trails');
  }
  const judged = multi.find((trail) => context.inventory.resolve(trail.arn)?.type === 'AWS::CloudTrail::Trail');
  if (judged) return notApplicable(`judged on ${describeTrail(judged, status)}, which records ${where}`);
  if (!multi.some((trail) => hasValue(trail.logGroupArn))) {
    return fail(`no multi-region trail that records ${where} delivers to CloudWatch Logs (${multi.map((trail) => trail.name).join(', ')}), so no metric filter can watch for ${spec.watchesFor} (CIS ${spec.cis})`, 'Trails');
  }
  const elsewhere = multi.find((trail) => hasValue(trail.logGroupArn)) ?? multi[0];
  return unknown(
    `the ${elsewhere ? describeTrail(elsewhere, status) : 'multi-region trail'} records ${where}, but this scan did not read its home region and account: its metric filters and alarms are judged there`,
    'Trails',
  );
}

/**
 * The whole check for one monitoring item on one trail: multi-region trails that deliver to CloudWatch Logs need a
 * metric filter on that log group covering the activity, and an alarm with actions on the filter's metric. On a
 * live account's `Demarc::CloudTrail::RegionStatus`, the region fails when no multi-region trail records it.
 */
/** What `evaluateMetricFilterCheck` looks up besides the trail or region status it judges. */
export const METRIC_FILTER_READS = ['AWS::Logs::LogGroup', 'AWS::Logs::MetricFilter', 'AWS::CloudWatch::Alarm'] as const;

export function evaluateMetricFilterCheck(key: MetricFilterKey, trail: Resource, context: CheckContext): Evaluation {
  if (trail.type === TRAIL_REGION_STATUS) return evaluateMetricFilterOnRegion(key, trail, context);
  const spec: MetricFilterSpec = METRIC_FILTERS[key];
  const multiRegion = bool(trail.properties['IsMultiRegionTrail']);
  if (isUnknown(multiRegion)) return unknown(multiRegion, 'IsMultiRegionTrail');
  if (multiRegion !== true) return notApplicable('the trail records one region only; account monitoring is judged on multi-region trails');

  const groupArn = trail.properties['CloudWatchLogsLogGroupArn'];
  if (groupArn === undefined || groupArn === null) {
    const monitoredElsewhere = context.inventory
      .ofType('AWS::CloudTrail::Trail')
      .some((other) => other !== trail && bool(other.properties['IsMultiRegionTrail']) === true && other.properties['CloudWatchLogsLogGroupArn'] !== undefined);
    if (monitoredElsewhere) return notApplicable('the trail does not deliver to CloudWatch Logs; another multi-region trail does and is judged instead');
    return fail(`the trail does not deliver to CloudWatch Logs, so no metric filter can watch for ${spec.watchesFor}`);
  }
  const group = logGroupOfTrail(groupArn, context);
  if (isUnknown(group)) return unknown(group, 'CloudWatchLogsLogGroupArn');

  const doubts: string[] = [];
  const partial: string[] = [];
  let silentAlarm: string | undefined;
  let missingAlarm: string | undefined;
  for (const filter of context.inventory.ofType('AWS::Logs::MetricFilter')) {
    const onGroup = filterIsOnGroup(filter, group, context);
    if (isUnknown(onGroup)) {
      doubts.push(`the log group of metric filter ${label(filter)} is not known (${onGroup.reason})`);
      continue;
    }
    if (!onGroup) continue;
    const pattern = str(filter.properties['FilterPattern']);
    if (pattern === undefined) continue;
    if (isUnknown(pattern)) {
      doubts.push(`the pattern of metric filter ${label(filter)} is not known (${pattern.reason})`);
      continue;
    }
    const missing = uncoveredActivities(key, pattern);
    if (isUnknown(missing)) {
      doubts.push(`metric filter ${label(filter)}: ${missing.reason}`);
      continue;
    }
    if (missing.length > 0) {
      if (missing.length < spec.samples.length) partial.push(`metric filter ${label(filter)} misses ${summarise(missing)}`);
      continue;
    }
    const metrics = metricsOf(filter);
    if (isUnknown(metrics)) {
      doubts.push(`the metric of filter ${label(filter)} is not known (${metrics.reason})`);
      continue;
    }
    for (const metric of metrics) {
      for (const alarm of context.inventory.ofType('AWS::CloudWatch::Alarm')) {
        const watched = alarmMetrics(alarm);
        const matches = watched.some((entry) => entry.name === metric.name && entry.namespace === metric.namespace);
        if (!matches) {
          if (watched.some((entry) => isUnknown(entry.name) || isUnknown(entry.namespace))) doubts.push(`the metric of alarm ${label(alarm)} is not known`);
          continue;
        }
        const notifies = alarmNotifies(alarm);
        if (notifies === true) {
          return pass(`metric filter ${label(filter)} watches for ${spec.watchesFor} and alarm ${label(alarm)} notifies on ${metric.namespace}/${metric.name}`, 'CloudWatchLogsLogGroupArn');
        }
        if (isUnknown(notifies)) doubts.push(`whether alarm ${label(alarm)} notifies anyone is not known (${notifies.reason})`);
        else silentAlarm = `alarm ${label(alarm)} on ${metric.namespace}/${metric.name} has no enabled actions, so nobody is told`;
      }
      missingAlarm ??= `metric filter ${label(filter)} watches for ${spec.watchesFor}, but no alarm watches its metric ${metric.namespace}/${metric.name}`;
    }
    if (metrics.length === 0) missingAlarm ??= `metric filter ${label(filter)} publishes no metric`;
  }
  if (doubts.length > 0) return unknown(`no metric filter with an alarm is known to watch for ${spec.watchesFor}: ${summarise(doubts, 3)}`, 'CloudWatchLogsLogGroupArn');
  if (silentAlarm) return fail(silentAlarm, 'CloudWatchLogsLogGroupArn');
  if (missingAlarm) return fail(missingAlarm, 'CloudWatchLogsLogGroupArn');
  if (partial.length > 0) return fail(`no metric filter on the trail's log group covers all ${spec.watchesFor}: ${summarise(partial, 3)}`, 'CloudWatchLogsLogGroupArn');
  return fail(`no metric filter on the trail's log group watches for ${spec.watchesFor} (CIS ${spec.cis})`, 'CloudWatchLogsLogGroupArn');
}
