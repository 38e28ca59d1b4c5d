import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';

/** Helpers for checks on the account password policy (not a check: not indexed). */

/**
 * Judges one `Require…` switch of Demarc::IAM::PasswordPolicy. An absent switch is false: IAM's
 * UpdateAccountPasswordPolicy (and so Terraform, which sends only what is written) defaults each to false.
 */
export function evaluateRequiredCharacter(policy: Resource, property: string, characters: string): Evaluation {
  const exists = bool(policy.properties['Exists']);
  if (isUnknown(exists)) return unknown(exists, 'Exists');
  if (exists === false) return fail(`the account has no password policy, so passwords need not contain ${characters}`);
  if (exists === undefined) return unknown('whether the account has a password policy was not collected');
  const required = bool(policy.properties[property]);
  if (isUnknown(required)) return unknown(required, property);
  if (required !== true) return fail(`the password policy does not require ${characters}`, property);
  return pass(`the password policy requires ${characters}`, property);
}
