import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';

/** Helpers for the S3 lifecycle checks (not a check: not indexed). */

/**
 * Passes when at least one rule of `LifecycleConfiguration.Rules` has Status Enabled; fails when there is no rule or
 * every rule is Disabled; unknown when no rule is known to be enabled and some rule's Status cannot be read.
 */
export function evaluateLifecycleRules(bucket: Resource): Evaluation {
  const configuration = bucket.properties['LifecycleConfiguration'];
  if (isUnknown(configuration)) return unknown(configuration, 'LifecycleConfiguration');
  const rules = list(at(configuration, 'Rules'));
  if (isUnknown(rules)) return unknown(rules, 'LifecycleConfiguration.Rules');
  if (rules === undefined || rules.length === 0) return fail('the bucket has no lifecycle rule', 'LifecycleConfiguration');
  let doubt: Evaluation | undefined;
  for (const [index, rule] of rules.entries()) {
    const status = str(at(rule, 'Status'));
    if (isUnknown(status)) doubt ??= unknown(status, `LifecycleConfiguration.Rules.${index}.Status`);
    else if (status === 'Enabled') return pass(`lifecycle rule ${index + 1} is enabled`, `LifecycleConfiguration.Rules.${index}.Status`);
  }
  return doubt ?? fail(`${rules.length === 1 ? 'the lifecycle rule is' : `all ${rules.length} lifecycle rules are`} disabled`, 'LifecycleConfiguration.Rules');
}
