import type { Inventory, Resource } from './resource.js';
import { isRecord, isRedacted, isUnknown, Redacted, Unknown, type PropRecord, type PropValue } from './values.js';

/**
 * Secrets in resource configuration (environment variables, user data) must never reach an output. Every source's
 * inventory passes through here: the values are replaced by `Redacted`, which keeps only whether they looked secret.
 */

const SECRET_NAME = /(secret|passw(or)?d|passwd|pwd|token|api[_-]?key|private[_-]?key|credential|access[_-]?key|auth)/i;
const SECRET_VALUE = [
  /\bA(KIA|SIA)[0-9A-Z]{16}\b/, // AWS access key id
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/, // GitHub tokens
  /\bxox[abpr]-[A-Za-z0-9-]{10,}/, // Slack tokens
  /\bsk_live_[A-Za-z0-9]{16,}/, // Stripe live keys
  // `password=...` but not an ARN that names a secret (`arn:aws:secretsmanager:...:secret:app/db`).
  /(?<!:)(password|passwd|secret|token)\w*\s*[=:]\s*\S{6,}/i,
];

// A value that only says where a secret is kept is not the secret: an ARN of Secrets Manager, Parameter Store or KMS,
// or any value under a name that says it holds a name, ARN, id or path (`DB_SECRET_NAME`, `SECRET_ARN`).
const SECRET_STORE_ARN = /^arn:[^:]+:(secretsmanager|ssm|kms):/;
const REFERENCE_NAME = /(^|[_-])(name|arn|id|path)$/i;
// An AWS secret access key: 40 characters of base64, recognisable only under a name that says so.
const SECRET_ACCESS_KEY_NAME = /secret[_-]?access[_-]?key/i;
const SECRET_ACCESS_KEY_VALUE = /^[A-Za-z0-9/+]{40}$/;

export function looksSecret(name: string, value: PropValue): boolean {
  if (isRedacted(value)) return value.secretLike;
  if (isUnknown(value)) {
    // Text built around a NoEcho parameter carries a secret by declaration.
    if (value.reason.includes('a redacted value')) return true;
    return value.template !== undefined && looksSecret(name, value.template);
  }
  if (typeof value !== 'string') return false;
  if (value.length === 0) return false;
  if (SECRET_VALUE.some((pattern) => pattern.test(value))) return true;
  if (SECRET_ACCESS_KEY_NAME.test(name) && SECRET_ACCESS_KEY_VALUE.test(value.trim())) return true;
  if (SECRET_STORE_ARN.test(value.trim()) || REFERENCE_NAME.test(name)) return false;
  return SECRET_NAME.test(name);
}

/**
 * A value that may hold a secret becomes `Redacted`, keeping only whether it looked like one. An `Unknown` (a value
 * that could not be read or resolved) shows a secret only where its known text does: otherwise it stays Unknown,
 * with its reason and without that text, so that a check reports it as unknown instead of "nothing secret-like".
 */
const redactValue = (name: string, value: PropValue): PropValue => {
  const secretLike = looksSecret(name, value);
  if (isUnknown(value) && !secretLike) return scrubUnknown(value);
  return new Redacted(secretLike);
};

function redactMapValues(value: PropValue | undefined): PropValue | undefined {
  if (!isRecord(value)) return value === undefined ? undefined : scrubUnknown(value);
  const out: PropRecord = {};
  for (const [name, item] of Object.entries(value)) out[name] = redactValue(name, item);
  return out;
}

/** `[{Name, Value}]` lists (ECS container environment, CodeBuild variables): redact each Value, keep the name. */
function redactNameValueList(value: PropValue | undefined, nameKey = 'Name', valueKey = 'Value'): PropValue | undefined {
  if (!Array.isArray(value)) return value === undefined ? undefined : scrubUnknown(value);
  return value.map((entry) => {
    if (!isRecord(entry) || !(valueKey in entry)) return entry;
    const name = typeof entry[nameKey] === 'string' ? entry[nameKey] : '';
    return { ...entry, [valueKey]: redactValue(name, entry[valueKey] ?? null) };
  });
}

/** An unknown built from text (a `Fn::Sub`) carries that text; drop it where it may hold a secret. */
function scrubUnknown(value: PropValue): PropValue {
  return isUnknown(value) ? new Unknown(value.reason) : value;
}

function redactWhole(name: string, value: PropValue | undefined): PropValue | undefined {
  return value === undefined || value === null ? value : redactValue(name, value);
}

function withProperty(properties: PropRecord, key: string, value: PropValue | undefined): PropRecord {
  if (value === undefined) return properties;
  return { ...properties, [key]: value };
}

type Redactor = (properties: PropRecord) => PropRecord;

const REDACTORS: Record<string, Redactor> = {
  'AWS::Lambda::Function': (p) =>
    isRecord(p['Environment']) ? { ...p, Environment: withProperty(p['Environment'], 'Variables', redactMapValues(p['Environment']['Variables'])) } : p,
  'AWS::EC2::Instance': (p) => withProperty(p, 'UserData', redactWhole('UserData', p['UserData'])),
  'AWS::AutoScaling::LaunchConfiguration': (p) => withProperty(p, 'UserData', redactWhole('UserData', p['UserData'])),
  'AWS::EC2::LaunchTemplate': (p) =>
    isRecord(p['LaunchTemplateData'])
      ? { ...p, LaunchTemplateData: withProperty(p['LaunchTemplateData'], 'UserData', redactWhole('UserData', p['LaunchTemplateData']['UserData'])) }
      : p,
  'AWS::ECS::TaskDefinition': (p) =>
    Array.isArray(p['ContainerDefinitions'])
      ? {
          ...p,
          ContainerDefinitions: p['ContainerDefinitions'].map((container) =>
            isRecord(container) ? withProperty(container, 'Environment', redactNameValueList(container['Environment'])) : container,
          ),
        }
      : p,
  'AWS::CodeBuild::Project': (p) =>
    isRecord(p['Environment'])
      ? { ...p, Environment: withProperty(p['Environment'], 'EnvironmentVariables', redactNameValueList(p['Environment']['EnvironmentVariables'])) }
      : p,
  'AWS::ElasticBeanstalk::Environment': (p) =>
    Array.isArray(p['OptionSettings'])
      ? {
          ...p,
          OptionSettings: p['OptionSettings'].map((setting) =>
            isRecord(setting) && setting['Namespace'] === 'aws:elasticbeanstalk:application:environment'
              ? withProperty(setting, 'Value', redactWhole(typeof setting['OptionName'] === 'string' ? setting['OptionName'] : '', setting['Value']))
              : setting,
          ),
        }
      : p,
};

export function redactResource(resource: Resource): Resource {
  const redactor = REDACTORS[resource.type];
  return redactor ? { ...resource, properties: redactor(resource.properties) } : resource;
}

export function redactInventory(inventory: Inventory): Inventory {
  return { ...inventory, resources: inventory.resources.map(redactResource) };
}
