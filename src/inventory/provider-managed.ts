import type { Inventory, Resource } from './resource.js';

/**
 * Resources the customer cannot change belong to the provider's side of the line: their findings are attributed to
 * AWS and kept out of the customer's failure count. Sources may set `managedBy` themselves; this step recognises the
 * common cases from any source, so a template, a plan and a live account all get the same treatment.
 */

const AWS_MANAGED_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\//;
// Stacks that AWS services create and update in customer accounts (Control Tower, Organizations' StackSets for it).
const AWS_MANAGED_STACK = /^(StackSet-AWSControlTower|AWSControlTower|aws-controltower-)/;

function tagValue(resource: Resource, key: string): string | undefined {
  const tags = resource.properties['Tags'];
  if (!Array.isArray(tags)) return undefined;
  for (const tag of tags) {
    if (typeof tag === 'object' && tag !== null && !Array.isArray(tag) && 'Key' in tag && tag['Key'] === key) {
      const value = tag['Value'];
      return typeof value === 'string' ? value : undefined;
    }
  }
  return undefined;
}

export function providerManagedReason(resource: Resource): string | undefined {
  const path = resource.properties['Path'];
  if (resource.type === 'AWS::IAM::Role' && typeof path === 'string' && path.startsWith('/aws-service-role/')) {
    return 'a service-linked role: AWS defines its permissions and trust policy';
  }
  if (resource.type === 'AWS::IAM::ServiceLinkedRole') return 'a service-linked role: AWS defines its permissions and trust policy';
  if (resource.type === 'AWS::IAM::ManagedPolicy' && resource.arn !== undefined && AWS_MANAGED_POLICY_ARN.test(resource.arn)) {
    return 'an AWS-managed policy: AWS writes and updates it';
  }
  const stack = tagValue(resource, 'aws:cloudformation:stack-name');
  if (stack !== undefined && AWS_MANAGED_STACK.test(stack)) return `created by the AWS-managed stack ${stack}`;
  return undefined;
}

export function markProviderManaged(inventory: Inventory): Inventory {
  let changed = false;
  const resources = inventory.resources.map((resource) => {
    if (resource.managedBy) return resource;
    const reason = providerManagedReason(resource);
    if (reason === undefined) return resource;
    changed = true;
    return { ...resource, managedBy: { owner: 'provider' as const, reason } };
  });
  return changed ? { ...inventory, resources } : inventory;
}
