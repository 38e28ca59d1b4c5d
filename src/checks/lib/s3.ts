import { unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import type { PropValue } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';
import { isRecord } from '../../inventory/values.js';
import { invalidValue, notAcceptedByAws, S3_SSE_ALGORITHMS } from './aws-accepts.js';

/** Helpers for checks on S3 buckets (not a check: not indexed). */

/** One rule of a bucket's default encryption, with its algorithm read. */
export interface DefaultEncryptionRule {
  /** Path of the rule's ServerSideEncryptionByDefault on the bucket. */
  path: string;
  /** SSEAlgorithm, one S3 accepts; undefined where the rule has no ServerSideEncryptionByDefault. */
  algorithm: string | undefined;
  /** KMSMasterKeyID as written, for `kmsKeyChoice`. */
  keyId: PropValue | undefined;
}

/**
 * Runs `perRule` over each rule of `BucketEncryption.ServerSideEncryptionConfiguration`, one evaluation a rule.
 * `withoutRules` stands where the list is absent or empty; an unreadable list or algorithm is unknown, and so is a rule
 * S3 would reject (a ServerSideEncryptionByDefault without SSEAlgorithm, an algorithm S3 does not know).
 */
export function evaluateDefaultEncryptionRules(
  bucket: Resource,
  withoutRules: Evaluation,
  perRule: (rule: DefaultEncryptionRule) => Evaluation,
): Evaluation | Evaluation[] {
  const rulesPath = 'BucketEncryption.ServerSideEncryptionConfiguration';
  const rules = list(at(bucket.properties, 'BucketEncryption', 'ServerSideEncryptionConfiguration'));
  if (isUnknown(rules)) return unknown(rules, rulesPath);
  if (rules === undefined || rules.length === 0) return withoutRules;
  return rules.map((rule, index): Evaluation => {
    const path = `${rulesPath}.${index}.ServerSideEncryptionByDefault`;
    const algorithm = str(at(rule, 'ServerSideEncryptionByDefault', 'SSEAlgorithm'));
    if (isUnknown(algorithm)) return unknown(algorithm, `${path}.SSEAlgorithm`);
    if (algorithm === undefined && isRecord(at(rule, 'ServerSideEncryptionByDefault'))) {
      return notAcceptedByAws('the rule\'s ServerSideEncryptionByDefault names no SSEAlgorithm, which S3 requires', `${path}.SSEAlgorithm`);
    }
    const invalid = algorithm === undefined ? undefined : invalidValue(algorithm, S3_SSE_ALGORITHMS, `${path}.SSEAlgorithm`);
    if (invalid) return invalid;
    return perRule({ path, algorithm, keyId: at(rule, 'ServerSideEncryptionByDefault', 'KMSMasterKeyID') });
  });
}

/**
 * The bucket a CloudTrail trail delivers to (`S3BucketName`), or the unknown to return where it cannot be resolved;
 * `judged` names what of the bucket the check judges, for the message (`its logging`).
 */
/** What `trailBucket` looks up. */
export const TRAIL_BUCKET_READS = ['AWS::S3::Bucket'] as const;

export function trailBucket(trail: Resource, inventory: InventoryView, judged: string): { bucket: Resource } | { unresolved: Evaluation } {
  const name = trail.properties['S3BucketName'];
  if (isUnknown(name)) return { unresolved: unknown(name, 'S3BucketName') };
  const bucket = inventory.resolve(name);
  if (!bucket || bucket.type !== 'AWS::S3::Bucket') {
    const label = typeof name === 'string' ? name : '';
    return { unresolved: unknown(`the trail's bucket ${label} is not in the scanned inventory, so ${judged} cannot be judged`, 'S3BucketName') };
  }
  return { bucket };
}
