import { unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, record, str, type Maybe } from '../../inventory/readers.js';
import { isReference, isUnknown, Unknown, type PropRecord, type PropValue } from '../../inventory/values.js';
import type { Resource } from '../../inventory/resource.js';
import { inlinePolicyDocuments, policyStatements, type PolicyStatement } from './policy.js';

/** Shared readers for IAM credentials: dates from the credential report, attached AWS-managed policies. */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A date property: `null` when the source says "never" (the credential report's `N/A`), `undefined` when absent,
 * an `Unknown` when it cannot be read or parsed.
 */
export function dateOf(value: PropValue | undefined): Date | null | Unknown | undefined {
  if (value === null) return null;
  const text = str(value);
  if (text === undefined || isUnknown(text)) return text;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? new Unknown(`"${text}" is not a date`) : parsed;
}

/** Whole days from `date` to `now` (negative when `date` is in the future). */
export function daysBetween(date: Date, now: Date): number {
  return Math.floor((now.getTime() - date.getTime()) / DAY_MS);
}

/** The ISO day of a date, for messages. */
export const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The `CredentialReport` a live collector attaches to an `AWS::IAM::User`; undefined for template users. */
export function credentialReportOf(user: Resource): Maybe<PropRecord> {
  return record(at(user.properties, 'CredentialReport'));
}

export interface AccessKeyEntry {
  index: number;
  active: boolean | Unknown;
  lastRotated: Date | null | Unknown | undefined;
  lastUsed: Date | null | Unknown | undefined;
  path: string;
}

/** The access key slots of a credential report. */
export function accessKeysOf(report: PropRecord): AccessKeyEntry[] | Unknown {
  const raw = report['AccessKeys'];
  if (raw === undefined || raw === null) return [];
  if (isUnknown(raw)) return raw;
  if (!Array.isArray(raw)) return new Unknown('AccessKeys is not a list');
  return raw.map((entry, index) => {
    const active = at(entry, 'Active');
    return {
      index,
      active: typeof active === 'boolean' ? active : new Unknown(`whether access key ${index + 1} is active is not known`),
      lastRotated: dateOf(at(entry, 'LastRotated')),
      lastUsed: dateOf(at(entry, 'LastUsedDate')),
      path: `CredentialReport.AccessKeys.${index}`,
    };
  });
}

/**
 * The entries of a `ManagedPolicyArns` list, as ARN text where it can be read. An ARN built with `Fn::Sub` from
 * `${AWS::Partition}` is not resolved, but its text still names the policy, so that text is used. A reference to a
 * policy of the same inventory is returned as that resource's id, prefixed `ref:` (it is never an AWS-managed one).
 */
export function managedPolicyEntries(properties: PropRecord): Array<string | Unknown> {
  const raw = properties['ManagedPolicyArns'];
  if (raw === undefined || raw === null) return [];
  if (isUnknown(raw)) return [raw];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.map((item) => {
    if (isReference(item)) return `ref:${item.target}`;
    if (isUnknown(item) && item.template !== undefined) return item.template;
    const text = str(item);
    return text === undefined ? new Unknown('an empty entry') : text;
  });
}

/** True when `arn` is the AWS-managed policy `name` (`arn:aws:iam::aws:policy/AdministratorAccess`), in any partition. */
export function isAwsManagedPolicy(arn: string, name: string): boolean {
  const match = /^arn:[^:]*:iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/.exec(arn);
  return match !== null && match[1] === name;
}

export interface AttachedPolicyMatch {
  /** `found`: attached; `unknown`: some entry cannot be read; `absent`: not attached. */
  outcome: 'found' | 'unknown' | 'absent';
  path?: string;
  reason?: Unknown;
}

/** Whether the AWS-managed policy `name` is in the principal's `ManagedPolicyArns`. */
export function attachesAwsManagedPolicy(properties: PropRecord, name: string): AttachedPolicyMatch {
  const raw = properties['ManagedPolicyArns'];
  if (isUnknown(raw)) return { outcome: 'unknown', path: 'ManagedPolicyArns', reason: raw };
  const arns = managedPolicyEntries(properties);
  const index = arns.findIndex((arn) => typeof arn === 'string' && isAwsManagedPolicy(arn, name));
  if (index >= 0) return { outcome: 'found', path: `ManagedPolicyArns.${index}` };
  const unresolved = arns.find(isUnknown);
  if (unresolved) return { outcome: 'unknown', path: 'ManagedPolicyArns', reason: unresolved };
  return { outcome: 'absent' };
}

/**
 * The permission policy documents a resource holds: the document of a managed or inline policy resource, or the
 * inline `Policies` of a role, user or group. Trust policies are not included.
 */
export function permissionDocuments(resource: Resource): Array<{ path: string; document: PropValue | undefined }> {
  if (resource.type === 'AWS::IAM::ManagedPolicy' || resource.type === 'AWS::IAM::Policy') {
    return [{ path: 'PolicyDocument', document: resource.properties['PolicyDocument'] }];
  }
  return inlinePolicyDocuments(resource.properties);
}

/** What a judge found in a resource's permission statements, failures and doubts apart, each in document order. */
export interface StatementFindings {
  failures: Evaluation[];
  doubts: Evaluation[];
}

/**
 * Walks every statement of a resource's permission documents and hands it, with its path on the resource, to
 * `judge`; a `fail` it returns is a failure, any other evaluation a doubt. A document that cannot be read is a doubt.
 */
export function judgePermissionStatements(
  resource: Resource,
  judge: (statement: PolicyStatement, path: string) => Evaluation | undefined,
): StatementFindings {
  const failures: Evaluation[] = [];
  const doubts: Evaluation[] = [];
  for (const { path, document } of permissionDocuments(resource)) {
    const statements = policyStatements(document);
    if (isUnknown(statements)) {
      doubts.push(unknown(statements, path));
      continue;
    }
    for (const statement of statements ?? []) {
      const finding = judge(statement, `${path}.${statement.path}`);
      if (finding === undefined) continue;
      (finding.status === 'fail' ? failures : doubts).push(finding);
    }
  }
  return { failures, doubts };
}
