import { isUnknown, type Unknown } from '../../inventory/values.js';
import type { PolicyStatement } from './policy.js';

/** Whether a policy statement's resources cover every resource of a service (not a check: not indexed). */

const FIXED = '\uE000';

/**
 * True when a `Resource` entry names every resource (of a service, in any region and account): `*`, or an ARN whose
 * region and account are empty or `*` and whose resource part is only wildcards after its type (`arn:aws:s3:::*`,
 * `arn:aws:s3:::*\/*`, `arn:aws:dynamodb:*:*:table/*`).
 */
export function namesEveryResource(resource: string): boolean {
  if (resource === '*') return true;
  const fields = resource.split(':');
  if (fields[0] !== 'arn' || fields.length < 6) return false;
  const [, , service = '', region = '', account = '', ...rest] = fields;
  if (!['', '*'].includes(region) || !['', '*'].includes(account)) return false;
  // An S3 ARN starts with the bucket name, which is not a resource type: `arn:aws:s3:::reports/*` is one bucket.
  const typed = service.toLowerCase() === 's3' ? /^[*/]*\*$/ : /^([A-Za-z0-9-]+[/:])?[*/]*\*$/;
  return typed.test(rest.join(':'));
}

/** Whether the statement applies to every resource; an Unknown when a resource cannot be read and may be `*`. */
export function onEveryResource(statement: PolicyStatement): boolean | Unknown {
  if (statement.notResources.length > 0) return true;
  let doubt: Unknown | undefined;
  for (const resource of statement.resourceValues) {
    if (typeof resource === 'string') {
      if (namesEveryResource(resource)) return true;
      continue;
    }
    // Another resource's ARN (`!GetAtt Role.Arn`) names that resource only.
    if (!isUnknown(resource)) continue;
    const template = resource.template?.replace(/\$\{[^}]*\}/g, FIXED);
    if (template === undefined || template === FIXED) doubt ??= resource;
    else if (namesEveryResource(template)) return true;
  }
  return doubt ?? false;
}
