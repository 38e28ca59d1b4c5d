import type { Resource } from '../../resource.js';
import { isReference, type PropRecord } from '../../values.js';

/**
 * `AWS::IAM::RolePolicy`, `UserPolicy` and `GroupPolicy` each embed one inline policy in one role, user or group: the
 * same policy the principal could list in its own `Policies`, which is where a live account shows it and where the
 * checks judge a principal's permissions.
 */
interface InlinePolicyType {
  /** The property naming the principal (`RoleName`). */
  principal: string;
  /** The principal's type, and the property holding its name. */
  holderType: string;
  holderName: string;
  /** The list that names the principal on an `AWS::IAM::Policy`, which embeds a policy the same way. */
  policyList: string;
}

const INLINE_POLICY_TYPES: Readonly<Record<string, InlinePolicyType>> = {
  'AWS::IAM::RolePolicy': { principal: 'RoleName', holderType: 'AWS::IAM::Role', holderName: 'RoleName', policyList: 'Roles' },
  'AWS::IAM::UserPolicy': { principal: 'UserName', holderType: 'AWS::IAM::User', holderName: 'UserName', policyList: 'Users' },
  'AWS::IAM::GroupPolicy': { principal: 'GroupName', holderType: 'AWS::IAM::Group', holderName: 'GroupName', policyList: 'Groups' },
};

/** The role, user or group of the template the policy names (by `Ref`, which gives its name, or by its literal name). */
function holderOf(policy: Resource, spec: InlinePolicyType, byId: ReadonlyMap<string, Resource>, byName: ReadonlyMap<string, Resource>): Resource | undefined {
  const value = policy.properties[spec.principal];
  const holder = isReference(value) && value.attribute === undefined ? byId.get(value.target) : typeof value === 'string' ? byName.get(`${spec.holderType}\u0000${value}`) : undefined;
  return holder?.type === spec.holderType ? holder : undefined;
}

/** Appends the policy to the holder's `Policies`, with its lines; false when that list cannot be read (an Unknown). */
function appendTo(holder: Resource, policy: Resource): boolean {
  const existing = holder.properties['Policies'];
  if (existing !== undefined && !Array.isArray(existing)) return false;
  const index = existing?.length ?? 0;
  const entry: PropRecord = {};
  for (const key of ['PolicyName', 'PolicyDocument']) {
    const value = policy.properties[key];
    if (value !== undefined) entry[key] = value;
  }
  holder.properties = { ...holder.properties, Policies: [...(existing ?? []), entry] };
  // A finding on the folded policy points at the policy resource in the template, where it is written.
  const lines = (holder.origin.propertyLines ??= {});
  const line = policy.origin.line;
  if (line !== undefined) {
    lines['Policies'] ??= line;
    lines[`Policies.${index}`] = line;
  }
  for (const [path, pathLine] of Object.entries(policy.origin.propertyLines ?? {})) {
    if (path.startsWith('PolicyName') || path.startsWith('PolicyDocument')) lines[`Policies.${index}.${path}`] = pathLine;
  }
  return true;
}

/** A policy whose principal is not in the template, in the shape of the `AWS::IAM::Policy` that embeds it the same way. */
function asPolicy(policy: Resource, spec: InlinePolicyType): Resource {
  const properties: PropRecord = {};
  for (const [key, value] of Object.entries(policy.properties)) {
    if (key === spec.principal) properties[spec.policyList] = [value];
    else if (key !== '__proto__') properties[key] = value;
  }
  const lines = { ...policy.origin.propertyLines };
  const principalLine = lines[spec.principal];
  if (principalLine !== undefined) {
    lines[spec.policyList] = principalLine;
    lines[`${spec.policyList}.0`] = principalLine;
  }
  const converted: Resource = { ...policy, type: 'AWS::IAM::Policy', properties, origin: { ...policy.origin, propertyLines: lines } };
  const name = properties['PolicyName'];
  if (typeof name === 'string') converted.name = name;
  return converted;
}

/**
 * Folds each role, user and group policy into the `Policies` of its principal when the principal is in the same
 * template, so that the principal's checks judge every policy it holds (an inline admin policy written as a separate
 * resource made the role pass). A policy whose principal is elsewhere (another stack, a parameter) is kept as a
 * resource of its own, as the `AWS::IAM::Policy` it is equivalent to, so that the policy checks still judge it; the
 * Terraform source does the same with `aws_iam_role_policy`. Changes `resources` in place.
 */
export function foldInlinePolicies(resources: Resource[]): void {
  if (!resources.some((resource) => resource.type in INLINE_POLICY_TYPES)) return;
  const byId = new Map<string, Resource>();
  const byName = new Map<string, Resource>();
  for (const resource of resources) {
    byId.set(resource.id, resource);
    for (const spec of Object.values(INLINE_POLICY_TYPES)) {
      const name = resource.type === spec.holderType ? resource.properties[spec.holderName] : undefined;
      if (typeof name === 'string' && !byName.has(`${resource.type}\u0000${name}`)) byName.set(`${resource.type}\u0000${name}`, resource);
    }
  }
  const kept: Resource[] = [];
  for (const resource of resources) {
    const spec = Object.hasOwn(INLINE_POLICY_TYPES, resource.type) ? INLINE_POLICY_TYPES[resource.type] : undefined;
    if (spec === undefined) {
      kept.push(resource);
      continue;
    }
    const holder = holderOf(resource, spec, byId, byName);
    if (holder !== undefined && appendTo(holder, resource)) continue;
    kept.push(asPolicy(resource, spec));
  }
  resources.length = 0;
  for (const resource of kept) resources.push(resource);
}
