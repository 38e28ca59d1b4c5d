import { fail, pass, unknown } from '../define-check.js';
import type { CheckContext, Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';
import { kmsKeyChoice } from './data-stores.js';


/**
 * Judges a property that names the KMS key a resource encrypts with: a customer managed key passes; no key (the
 * service's own or AWS managed default) and an AWS managed key (`alias/aws/...`) fail.
 * `whenAbsent` says what the service does without a key, for the message.
 */
export function judgeCustomerKey(resource: Resource, context: CheckContext, path: string, whenAbsent: string): Evaluation {
  const value: PropValue | undefined = resource.properties[path];
  const choice = kmsKeyChoice(value, context.inventory, resource);
  if (isUnknown(choice)) return unknown(choice, path);
  if (choice === undefined) return fail(whenAbsent, path);
  if (choice.kind === 'aws-managed') return fail(`encrypted under the AWS managed key ${choice.label}, which the customer cannot control`, path);
  return pass(`encrypted under the customer managed ${choice.label}`, path);
}
