import { notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { writtenSecret } from './written-secret.js';

/**
 * Where a database's master password is kept: written in the template or configuration (see writtenSecret), or
 * generated and kept in Secrets Manager by the service itself (`manageKey: true`, which the APIs refuse together
 * with a password). Neither set: nothing is written (a replica, a restore from a snapshot, a cluster member, or a
 * live account, where the password is never returned).
 */
export function masterPassword(resource: Resource, passwordKey: string, manageKey: string, what: string): Evaluation {
  const written = writtenSecret(resource, at(resource.properties, passwordKey), passwordKey, what);
  if (written) return written;
  const managed = bool(at(resource.properties, manageKey));
  if (isUnknown(managed)) return unknown(managed, manageKey);
  if (managed === true) return pass(`${what} is generated and kept in Secrets Manager by the service (${manageKey})`, manageKey);
  return notApplicable(`${what} is not in the source: none is set (a replica, a restore from a snapshot, a cluster member) or, live, AWS never returns it`);
}
