import { unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';

/**
 * What AWS accepts for a setting the checks read. A value outside it never deploys (the API call or the template is
 * rejected), so judging it as if it were valid would report a setting that cannot exist: it is reported as invalid.
 */

export interface AcceptedRange {
  /** What AWS calls the setting, for the message: `BackupRetentionPeriod of a DB instance`. */
  setting: string;
  min: number;
  max: number;
  /** Whole numbers only (days, counts). */
  integer: boolean;
}

export interface AcceptedValues {
  setting: string;
  values: readonly string[];
}

// Ranges as the service API references document them.
export const RDS_INSTANCE_BACKUP_RETENTION: AcceptedRange = { setting: 'BackupRetentionPeriod of a DB instance', min: 0, max: 35, integer: true };
export const RDS_CLUSTER_BACKUP_RETENTION: AcceptedRange = { setting: 'BackupRetentionPeriod of a DB cluster', min: 1, max: 35, integer: true };
export const KMS_ROTATION_PERIOD: AcceptedRange = { setting: 'RotationPeriodInDays of a KMS key', min: 90, max: 2560, integer: true };
export const SECRET_ROTATION_DAYS: AcceptedRange = { setting: 'AutomaticallyAfterDays of a rotation schedule', min: 1, max: 1000, integer: true };
// CloudFormation's names for S3's canned ACLs (Terraform's `public-read` ... are mapped onto them).
export const S3_CANNED_ACLS: AcceptedValues = {
  setting: 'AccessControl (a canned ACL) of an S3 bucket',
  values: ['Private', 'PublicRead', 'PublicReadWrite', 'AuthenticatedRead', 'LogDeliveryWrite', 'BucketOwnerRead', 'BucketOwnerFullControl', 'AwsExecRead'],
};
export const S3_SSE_ALGORITHMS: AcceptedValues = { setting: 'SSEAlgorithm of S3 default encryption', values: ['AES256', 'aws:kms', 'aws:kms:dsse'] };

/** Why AWS would refuse `value` for the setting, or undefined when it accepts it. */
export function refusal(value: number | string, accepted: AcceptedRange | AcceptedValues): string | undefined {
  if ('values' in accepted) {
    if (typeof value === 'string' && accepted.values.includes(value)) return undefined;
    return `${accepted.setting} "${value}" is not a value AWS accepts (one of ${accepted.values.join(', ')})`;
  }
  const inRange = typeof value === 'number' && value >= accepted.min && value <= accepted.max && (!accepted.integer || Number.isInteger(value));
  if (inRange) return undefined;
  return `${accepted.setting} ${value} is not a value AWS accepts (${accepted.integer ? 'a whole number ' : ''}from ${accepted.min} to ${accepted.max})`;
}

/** The evaluation for a value AWS does not accept: unknown, since no deployed resource can have it. */
export function notAcceptedByAws(reason: string, path?: string): Evaluation {
  return unknown(`${reason}: AWS rejects it, so the setting cannot be judged as written`, path);
}

/** `notAcceptedByAws` when AWS refuses `value`, else undefined: a guard before a check judges the value. */
export function invalidValue(value: number | string, accepted: AcceptedRange | AcceptedValues, path?: string): Evaluation | undefined {
  const reason = refusal(value, accepted);
  return reason === undefined ? undefined : notAcceptedByAws(reason, path);
}
