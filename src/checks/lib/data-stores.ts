import { fail, pass, unknown } from '../define-check.js';
import type { CheckContext, Evaluation } from '../types.js';
import { at, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import type { InventoryView } from '../../inventory/view.js';
import { isReference, isUnknown, Unknown, type PropValue } from '../../inventory/values.js';
import { analyzeResourcePolicy, type PublicGrant } from './resource-policy.js';

/**
 * Shared reading of data-store settings: which KMS key a property names, which separate policy resources attach
 * to a store, and whether a resource policy lets anyone in.
 */

/** True for a resource read from a live account (its absent properties mean "not set", not "the default"). */
export const isLive = (resource: Resource): boolean => resource.origin.kind === 'aws';

const KEY_TYPES = new Set(['AWS::KMS::Key', 'AWS::KMS::ReplicaKey']);
// `alias/aws/<service>` names an AWS managed key, whether written as an alias name or inside an alias ARN.
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

export type KeyChoice =
  | { kind: 'customer'; label: string; key?: Resource }
  | { kind: 'aws-managed'; label: string };

/** What `kmsKeyChoice` and `resolveKey` look up: a check using them declares these in `reads`. */
export const KMS_KEY_READS = ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey', 'AWS::KMS::Alias'] as const;

/**
 * The one test of whether a key reference selects an AWS managed key (`aws/<service>`), never a customer managed one:
 * an `alias/aws/...` name or alias ARN (also as the known text of a value built at deploy time), an alias of the
 * inventory with such a name, or a key the inventory reports as managed by AWS. Returns how to name the key, or
 * undefined when the reference does not show an AWS managed key.
 */
export function awsManagedKeyName(value: PropValue | undefined, inventory: InventoryView): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value.template !== undefined && AWS_MANAGED_ALIAS.test(value.template) ? value.template : undefined;
  // A key ARN or id names an AWS managed key as often as an alias does (live services report the key's ARN): look it up.
  if (typeof value === 'string' && AWS_MANAGED_ALIAS.test(value)) return value;
  const resource = inventory.resolve(value);
  if (resource && KEY_TYPES.has(resource.type) && str(resource.properties['KeyManager']) === 'AWS') return `AWS managed key ${resource.name ?? resource.id}`;
  if (resource?.type === 'AWS::KMS::Alias') {
    const aliasName = str(resource.properties['AliasName']);
    if (typeof aliasName === 'string' && AWS_MANAGED_ALIAS.test(aliasName)) return aliasName;
  }
  return undefined;
}

const KEY_ARN_ACCOUNT = /^arn:[^:]+:kms:[^:]*:(\d{12}):key\//;

/**
 * What kind of KMS key a `KmsKeyId`-style property names, or undefined when the property is absent. `judged` is the
 * resource that names the key: on a live account its API names even the AWS managed keys by ARN, so a key of its own
 * account that the scan did not read could be either kind, and is unknown.
 */
export function kmsKeyChoice(value: PropValue | undefined, inventory: InventoryView, judged?: Resource): KeyChoice | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  const managed = awsManagedKeyName(value, inventory);
  if (managed !== undefined) return { kind: 'aws-managed', label: managed };
  if (isUnknown(value)) return value;
  const resource = inventory.resolve(value);
  if (resource && KEY_TYPES.has(resource.type)) {
    // An unread KeyManager (a denied DescribeKey) leaves the kind of key open.
    const manager = resource.properties['KeyManager'];
    if (isUnknown(manager)) return new Unknown(`cannot tell who manages key ${resource.name ?? resource.id}: ${manager.reason}`);
    return { kind: 'customer', label: `key ${resource.name ?? resource.id}`, key: resource };
  }
  if (resource && resource.type === 'AWS::KMS::Alias') {
    const aliasName = str(resource.properties['AliasName']);
    const target = inventory.resolve(resource.properties['TargetKeyId']);
    return { kind: 'customer', label: typeof aliasName === 'string' ? aliasName : `alias ${resource.id}`, key: target };
  }
  if (isReference(value)) return new Unknown(`the key comes from ${value.target}, which is not a KMS key of the inventory`);
  const text = str(value);
  if (typeof text !== 'string') return text ?? new Unknown('the key id is empty');
  if (text.trim() === '') return undefined;
  if (inventory.isAccountScan && !resource) {
    // AWS managed keys serve only their own account: a key of another account is a customer's.
    const account = KEY_ARN_ACCOUNT.exec(text)?.[1];
    if (account === undefined || account === judged?.account) return new Unknown(`cannot tell whether ${text} is a customer managed or an AWS managed key: the scan did not read that key`);
  }
  return { kind: 'customer', label: text };
}

/** The KMS key resource a property points at (directly or through an alias), when the inventory holds it. */
export function resolveKey(value: PropValue | undefined, inventory: InventoryView): Resource | undefined {
  const choice = kmsKeyChoice(value, inventory);
  return choice && !isUnknown(choice) && choice.kind === 'customer' ? choice.key : undefined;
}

/** Why a key cannot encrypt new data (disabled, pending deletion), or undefined when nothing says so. */
export function unusableKeyReason(key: Resource): string | Unknown | undefined {
  const state = str(key.properties['KeyState']);
  // An unread state (a denied DescribeKey) says nothing about the key: never judge it usable.
  if (isUnknown(state)) return state;
  if (isUnknown(key.properties['Enabled'])) return key.properties['Enabled'] as Unknown;
  if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') return `key ${key.name ?? key.id} is pending deletion`;
  if (state === 'Disabled') return `key ${key.name ?? key.id} is disabled`;
  if (key.properties['Enabled'] === false || key.properties['Enabled'] === 'false') return `key ${key.name ?? key.id} is disabled (Enabled: false)`;
  return undefined;
}

export interface AttachedResources {
  /** Resources of the type whose property points at the target. */
  attached: Resource[];
  /** Resources of the type whose property cannot be resolved: any of them might point at the target. */
  unresolved: Resource[];
}

/** Separate resources (bucket policies, queue policies, rotation schedules ...) whose `property` names `target`. */
export function attachedResources(target: Resource, context: CheckContext, type: string, property: string): AttachedResources {
  const attached = context.inventory.referrers(target, type, property);
  const unresolved = context.inventory.ofType(type).filter((candidate) => {
    if (attached.includes(candidate)) return false;
    const value = candidate.properties[property];
    const items = Array.isArray(value) ? value : [value];
    return items.some((item) => isUnknown(item));
  });
  return { attached, unresolved };
}

function describeGrant(grant: PublicGrant): string {
  const statement = grant.statement;
  const name = statement.sid !== undefined ? `statement ${statement.sid}` : statement.path.replace('Statement.', 'statement ');
  return `${name} allows anyone (${grant.principal}, no narrowing condition) to ${grant.actions}`;
}

/**
 * The problems of a resource policy, judged by `analyzeResourcePolicy` (resource-policy.ts): a `fail` per statement
 * that lets anyone in, an `unknown` when the document or a statement cannot be read. Empty when the policy admits no
 * one from outside. `where` names the document for messages (`the bucket policy BucketPolicy`); `path` is the property
 * path on the evaluated resource, if it holds the document.
 */
export function openPolicyProblems(document: PropValue | undefined, where: string, path?: string): Evaluation[] {
  const analysis = analyzeResourcePolicy(document);
  const located = (statementPath: string | undefined): string | undefined =>
    path === undefined ? undefined : statementPath === undefined ? path : `${path}.${statementPath}`;
  const problems: Evaluation[] = [];
  for (const doubt of analysis.unknown) {
    problems.push(
      doubt.statement === undefined
        ? unknown(`cannot read ${where}: ${doubt.reason.reason}`, located(doubt.path))
        : unknown(`cannot tell who ${where} admits: ${doubt.reason.reason}`, located(doubt.path)),
    );
  }
  for (const grant of analysis.public) problems.push(fail(`${where}: ${describeGrant(grant)}`, located(grant.path)));
  return problems;
}

/**
 * True when `policy` names `target` by the same text known only at deploy time: a bucket named
 * `!Sub 'logs-${AWS::AccountId}'` and a policy whose `Bucket` is that same `!Sub`. Only where no other resource of
 * the type carries that text, since `${...}` parts that read alike may still differ.
 */
function sameDeployTimeName(target: Resource, policy: Resource, context: CheckContext, targetProperty: string, nameProperty: string): boolean {
  const name = target.properties[nameProperty];
  const named = policy.properties[targetProperty];
  const items = Array.isArray(named) ? named : [named];
  if (!isUnknown(name) || name.template === undefined) return false;
  if (!items.some((item) => isUnknown(item) && item.template === name.template)) return false;
  const alike = context.inventory.ofType(target.type).filter((other) => {
    const otherName = other.properties[nameProperty];
    return isUnknown(otherName) && otherName.template === name.template;
  });
  return alike.length === 1;
}

/**
 * Evaluates the separate policy resources attached to a store (`AWS::SQS::QueuePolicy` ...): a fail per open
 * statement, an unknown when some policy's target cannot be resolved, else a pass with `noneMessage` or `closedMessage`.
 * With `nameProperty`, a policy naming its target by the same deploy-time text as the target's name is attached.
 */
export function attachedPolicyEvaluations(
  target: Resource,
  context: CheckContext,
  options: { type: string; targetProperty: string; documentProperty: string; noun: string; noneMessage: string; nameProperty?: string },
): Evaluation[] {
  const found = attachedResources(target, context, options.type, options.targetProperty);
  const nameProperty = options.nameProperty;
  const byName = nameProperty === undefined ? [] : found.unresolved.filter((policy) => sameDeployTimeName(target, policy, context, options.targetProperty, nameProperty));
  const attached = [...found.attached, ...byName];
  const unresolved = found.unresolved.filter((policy) => !byName.includes(policy));
  const problems = attached.flatMap((policy) =>
    openPolicyProblems(at(policy.properties, options.documentProperty), `${options.noun} ${policy.name ?? policy.id}`),
  );
  if (problems.some((problem) => problem.status === 'fail')) return problems.filter((problem) => problem.status === 'fail');
  if (problems.length > 0) return problems;
  if (unresolved.length > 0) {
    const ids = unresolved.map((policy) => policy.id).join(', ');
    return [unknown(`${options.type} ${ids} names its target with a value known only at deploy time; it may apply here`)];
  }
  if (attached.length === 0) return [pass(options.noneMessage)];
  const names = attached.map((policy) => policy.name ?? policy.id).join(', ');
  return [pass(`${options.noun} ${names} admits no anonymous or public principal`)];
}

export interface TablePart {
  /** The property record holding the per-table settings: the table itself, or one replica of a global table. */
  properties: PropValue;
  /** Path prefix of those settings on the resource (`` or `Replicas.0.`). */
  prefix: string;
  /** How messages name it: `the table`, `replica eu-west-1`. */
  label: string;
}

/**
 * The parts of a DynamoDB resource that carry per-table settings (point-in-time recovery, deletion protection,
 * resource policy, the KMS key): an `AWS::DynamoDB::Table` is one, an `AWS::DynamoDB::GlobalTable` has one per replica.
 */
export function dynamoDbTableParts(resource: Resource): TablePart[] | Unknown {
  if (resource.type !== 'AWS::DynamoDB::GlobalTable') return [{ properties: resource.properties, prefix: '', label: 'the table' }];
  const replicas = resource.properties['Replicas'];
  if (isUnknown(replicas)) return replicas;
  if (!Array.isArray(replicas)) return new Unknown('the global table lists no replicas');
  return replicas.map((replica, index) => {
    const region = str(at(replica, 'Region'));
    return { properties: replica, prefix: `Replicas.${index}.`, label: `replica ${typeof region === 'string' ? region : index}` };
  });
}
