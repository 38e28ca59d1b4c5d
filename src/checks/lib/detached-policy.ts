import { pass } from '../define-check.js';
import type { CheckContext, Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown } from '../../inventory/values.js';
import { openPolicyProblems } from './data-stores.js';

/**
 * A separate resource policy (`AWS::S3::BucketPolicy`, `AWS::SQS::QueuePolicy`) whose targets are not in the scan:
 * a bucket or queue managed elsewhere. Its content is still the customer's, so it is judged on its own instead of
 * being dropped. A policy that names a target of the scan yields nothing here: it is judged with that target, and so
 * is one whose target is known only at deploy time while targets of that type are in the scan (they may be it).
 */
export function detachedPolicyEvaluations(
  policy: Resource,
  context: CheckContext,
  options: { targetType: string; targetProperty: string; documentProperty: string; noun: string; targetNoun: string },
): Evaluation[] {
  const raw = policy.properties[options.targetProperty];
  const targets = Array.isArray(raw) ? raw : [raw];
  const candidates = context.inventory.ofType(options.targetType).length > 0;
  for (const target of targets) {
    if (context.inventory.resolve(target, [options.targetType])?.type === options.targetType) return [];
    if (isUnknown(target) && candidates) return [];
  }
  const where = `${options.noun} ${policy.name ?? policy.id} (its ${options.targetNoun} is not in this scan)`;
  const problems = openPolicyProblems(policy.properties[options.documentProperty], where, options.documentProperty);
  if (problems.some((problem) => problem.status === 'fail')) return problems.filter((problem) => problem.status === 'fail');
  if (problems.length > 0) return problems;
  return [pass(`${where} admits no anonymous or public principal`, options.documentProperty)];
}
