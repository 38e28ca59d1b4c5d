import { at, str, strings, type Maybe } from '../../inventory/readers.js';
import { fromJson, isRecord, isUnknown, Unknown, type PropRecord, type PropValue } from '../../inventory/values.js';

/** IAM policy documents (identity, resource, trust and key policies), read the same way for every check. */

export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny' | Unknown;
  actions: Array<string | Unknown>;
  notActions: Array<string | Unknown>;
  resources: Array<string | Unknown>;
  /** `Resource` as written: references to other resources kept (`!GetAtt Bucket.Arn`), for matching ARNs to resources. */
  resourceValues: PropValue[];
  /** `NotResource`: the statement applies to every resource but these. */
  notResources: Array<string | Unknown>;
  principal: PropValue | undefined;
  notPrincipal: PropValue | undefined;
  condition: PropRecord | Unknown | undefined;
  /** Line path of the statement within the document, for locations (`Statement.2`). */
  path: string;
}

/**
 * The statements of a policy document. Terraform and the AWS APIs hand documents over as JSON text (the APIs
 * URL-encoded), CloudFormation as an object: all three are accepted.
 */
export function policyStatements(document: PropValue | undefined): Maybe<PolicyStatement[]> {
  let value = document;
  if (typeof value === 'string') {
    const parsed = parseDocumentText(value);
    if (isUnknown(parsed)) return parsed;
    value = parsed;
  }
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  if (!isRecord(value)) return new Unknown('the policy document is not an object');
  const raw = value['Statement'];
  if (raw === undefined) return [];
  if (isUnknown(raw)) return raw;
  const list = Array.isArray(raw) ? raw : [raw];
  const statements: PolicyStatement[] = [];
  list.forEach((entry, index) => {
    // A statement known only at deploy time (`!If` on an unresolved condition) may grant or deny anything.
    if (isUnknown(entry)) {
      statements.push({
        effect: entry,
        actions: [entry],
        notActions: [],
        resources: [entry],
        resourceValues: [entry],
        notResources: [],
        principal: entry,
        notPrincipal: undefined,
        condition: entry,
        path: Array.isArray(raw) ? `Statement.${index}` : 'Statement',
      });
      return;
    }
    if (!isRecord(entry)) return;
    const effect = str(entry['Effect']);
    statements.push({
      sid: typeof entry['Sid'] === 'string' ? entry['Sid'] : undefined,
      effect: effect === 'Allow' || effect === 'Deny' ? effect : new Unknown(`statement ${index} has effect ${String(effect)}`),
      actions: strings(entry['Action']) ?? [],
      notActions: strings(entry['NotAction']) ?? [],
      resources: strings(entry['Resource']) ?? [],
      resourceValues: asList(entry['Resource']),
      notResources: strings(entry['NotResource']) ?? [],
      principal: entry['Principal'],
      notPrincipal: entry['NotPrincipal'],
      condition: conditionOf(entry['Condition']),
      path: Array.isArray(raw) ? `Statement.${index}` : 'Statement',
    });
  });
  return statements;
}

const asList = (value: PropValue | undefined): PropValue[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

function parseDocumentText(text: string): PropValue | Unknown {
  const attempts = [text];
  if (text.includes('%')) {
    try {
      attempts.push(decodeURIComponent(text));
    } catch {
      // Not URL-encoded after all.
    }
  }
  for (const attempt of attempts) {
    try {
      return fromJson(JSON.parse(attempt));
    } catch {
      // Try the next form.
    }
  }
  return new Unknown('the policy document is not valid JSON');
}

function conditionOf(value: PropValue | undefined): PropRecord | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  return isRecord(value) ? value : new Unknown('the condition is not an object');
}

/** IAM wildcard match (`*` and `?`), case-insensitive as IAM matches actions. */
export function wildcardMatches(pattern: string, value: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i').test(value);
}

/** True when the statement's actions cover `action` (e.g. `s3:GetObject` is covered by `s3:*` and `*`). */
export function allowsAction(statement: PolicyStatement, action: string): boolean {
  return statement.actions.some((pattern) => typeof pattern === 'string' && wildcardMatches(pattern, action));
}

export const isWildcard = (value: string | Unknown): boolean => value === '*';

/** An Allow of every action on every resource: administrator access. */
export function grantsFullAccess(statement: PolicyStatement): boolean {
  return (
    statement.effect === 'Allow' &&
    statement.actions.some((action) => action === '*' || action === '*:*') &&
    statement.resources.some(isWildcard)
  );
}

const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/** The principal values of a statement as a list (`"*"`, ARNs, account ids, service names). */
export function principalValues(principal: PropValue | undefined): Array<string | Unknown> {
  if (principal === undefined || principal === null) return [];
  if (typeof principal === 'string' || isUnknown(principal)) return [principal];
  if (!isRecord(principal)) return [new Unknown('the principal is not a string or an object')];
  return PRINCIPAL_KEYS.flatMap((key) => strings(principal[key]) ?? []);
}

/**
 * True when an unresolved value is text built around its unresolved parts (`arn:${AWS::Partition}:iam::${AWS::AccountId}:root`),
 * so that whatever the parts turn out to be, it cannot be a bare `*`.
 */
export function cannotBeWildcard(value: Unknown): boolean {
  if (value.template === undefined) return false;
  return value.template.replace(/\$\{[^}]*\}/g, '').replace(/\*/g, '').length > 0;
}

// Whether a statement is public is judged in one place, for every resource policy: see resource-policy.ts.
export { allowsEveryone } from './resource-policy.js';

/** The document of a CloudFormation-shaped inline policy entry (`Policies: [{PolicyName, PolicyDocument}]`). */
export function inlinePolicyDocuments(properties: PropRecord): Array<{ path: string; document: PropValue | undefined }> {
  const policies = properties['Policies'];
  if (!Array.isArray(policies)) return [];
  return policies.map((policy, index) => ({ path: `Policies.${index}.PolicyDocument`, document: at(policy, 'PolicyDocument') }));
}
