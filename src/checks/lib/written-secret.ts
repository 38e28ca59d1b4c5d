import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { isRedacted, isReference, isUnknown, type PropValue } from '../../inventory/values.js';

/**
 * Whether a secret property (a directory's admin password, a repository token) is written in the template or
 * configuration itself. What each source leaves of the value:
 * - CloudFormation: a literal string; a dynamic reference (`{{resolve:secretsmanager:...}}`), which is not the
 *   secret; or a `Redacted` for a NoEcho parameter, marked secret-like when the parameter has a default.
 * - a Terraform folder: the mapping turns a literal into a secret-like `Redacted`, and a sensitive variable (which
 *   the configuration reader already redacted), a variable set outside the files or a data source into one that is
 *   not secret-like.
 * - a Terraform plan or state: every sensitive attribute is `Redacted`, written or not; nothing can be told.
 * - a live account: AWS never returns these values; the property is absent.
 * Returns undefined when the property is absent.
 */

// A dynamic reference CloudFormation resolves at deploy time from a secret store: the template holds only its name.
const SECRET_STORE_REFERENCE = /\{\{resolve:(secretsmanager|ssm-secure):/;
// A plain String parameter: the value is stored and shown unencrypted by Parameter Store.
const PLAIN_PARAMETER_REFERENCE = /\{\{resolve:ssm:/;
// The template reader's reason for a parameter without a default; a NoEcho parameter is `Redacted` instead.
const PLAIN_PARAMETER = /^parameter \S+ has no default value$/;

export function writtenSecret(resource: Resource, value: PropValue | undefined, path: string, what: string): Evaluation | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const kind = resource.origin.kind;
  if (typeof value === 'string') {
    if (SECRET_STORE_REFERENCE.test(value)) return pass(`${what} is resolved at deploy time from Secrets Manager or a SecureString parameter`, path);
    if (PLAIN_PARAMETER_REFERENCE.test(value)) return fail(`${what} comes from a plain String SSM parameter, stored unencrypted; use Secrets Manager or a SecureString parameter`, path);
    return fail(`${what} is written in plain text in the ${kind === 'cloudformation' ? 'template' : 'configuration'}`, path);
  }
  if (isRedacted(value)) {
    if (kind === 'cloudformation') {
      return value.secretLike
        ? fail(`${what} comes from a NoEcho parameter whose default value, written in the template, holds it`, path)
        : pass(`${what} comes from a NoEcho parameter without a default value`, path);
    }
    if (kind === 'terraform-config') {
      return value.secretLike ? fail(`${what} is written in plain text in the configuration`, path) : pass(`${what} is not written in the configuration: it comes from a sensitive variable, a variable set outside it or a data source`, path);
    }
    return unknown(`${what} is hidden by the ${kind === 'aws' ? 'API' : 'Terraform plan or state'}, which does not show whether the configuration writes it`, path);
  }
  if (isUnknown(value)) {
    if (value.template !== undefined && SECRET_STORE_REFERENCE.test(value.template)) return pass(`${what} is resolved at deploy time from Secrets Manager or a SecureString parameter`, path);
    if (kind === 'cloudformation' && PLAIN_PARAMETER.test(value.reason)) return fail(`${what} comes from a parameter without NoEcho, whose value CloudFormation shows in the console and DescribeStacks`, path);
    return unknown(value, path);
  }
  if (isReference(value)) return unknown(`${what} is read from another resource (${value.target}), which demarc does not resolve`, path);
  return unknown(`${what} is not text`, path);
}
