import { fail, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { isUnknown } from '../../inventory/readers.js';
import { onEveryResource } from './every-resource.js';
import { wildcardMatches, type PolicyStatement } from './policy.js';

/** The statement judge of Security Hub KMS.1 and KMS.2 (not a check: not indexed). */

const BLOCKED = ['kms:Decrypt', 'kms:ReEncryptFrom'] as const;

/**
 * The blocked actions a statement allows (named or wildcarded in Action, or left out of a NotAction); `certain` is
 * false when an unreadable action may change that, `possible` when it may add one.
 */
function blockedActions(statement: PolicyStatement): { allowed: string[]; certain: boolean; possible: boolean } {
  const excluded = statement.notActions.length > 0;
  const patterns = excluded ? statement.notActions : statement.actions;
  const readable = patterns.filter((pattern): pattern is string => typeof pattern === 'string');
  const doubtful = readable.length < patterns.length;
  const allowed = BLOCKED.filter((action) => readable.some((pattern) => wildcardMatches(pattern, action)) !== excluded);
  return { allowed, certain: allowed.length > 0 && !(excluded && doubtful), possible: allowed.length > 0 || doubtful };
}

/**
 * Judges one permission statement: a fail when it allows kms:Decrypt or kms:ReEncryptFrom on every KMS key (Resource
 * `*`, a key ARN pattern open in region and account such as `arn:aws:kms:*:*:key/*`, or a NotResource), whatever its
 * Condition, which the AWS Config rule behind KMS.1 and KMS.2 does not evaluate either.
 */
export function judgeDecryptOnAllKeys(statement: PolicyStatement, path: string): Evaluation | undefined {
  if (statement.effect === 'Deny') return undefined;
  const { allowed, certain, possible } = blockedActions(statement);
  if (!possible) return undefined;
  const everywhere = onEveryResource(statement);
  if (everywhere === false) return undefined;
  if (isUnknown(everywhere)) return unknown(`cannot tell whether a statement that may allow kms:Decrypt covers every KMS key: ${everywhere.reason}`, path);
  if (!certain) return unknown('a statement on every resource has an action that cannot be read: it may allow kms:Decrypt or kms:ReEncryptFrom', path);
  if (isUnknown(statement.effect)) return unknown(statement.effect, path);
  return fail(`a statement allows ${allowed.join(' and ')} on every KMS key`, path);
}
