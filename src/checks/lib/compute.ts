import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, bool, list, str } from '../../inventory/readers.js';
import { looksSecret } from '../../inventory/redact.js';
import type { Resource } from '../../inventory/resource.js';
import { isRedacted, isUnknown, Unknown, type PropValue } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';

/** Helpers for checks on EC2 instances, launch templates and launch configurations (not a check: not indexed). */

/**
 * The launch template an instance is launched from (`LaunchTemplate.LaunchTemplateId` or `.LaunchTemplateName`):
 * undefined when it names none, unknown when it names one the inventory does not hold.
 */
/** What `launchTemplateOf` and `instanceSetting` look up: a check using them declares these in `reads`. */
export const LAUNCH_TEMPLATE_READS = ['AWS::EC2::LaunchTemplate'] as const;

export function launchTemplateOf(instance: Resource, inventory: InventoryView): Resource | Unknown | undefined {
  const spec = instance.properties['LaunchTemplate'];
  if (spec === undefined || spec === null) return undefined;
  if (isUnknown(spec)) return spec;
  for (const key of ['LaunchTemplateId', 'LaunchTemplateName']) {
    const value = at(spec, key);
    if (value === undefined) continue;
    const found = inventory.resolve(value);
    if (found && found.type === 'AWS::EC2::LaunchTemplate') return found;
    const name = str(value);
    if (typeof name === 'string') {
      const byName = inventory.ofType('AWS::EC2::LaunchTemplate').find((template) => template.properties['LaunchTemplateName'] === name);
      if (byName) return byName;
      return new Unknown(`launch template ${name} is not in the scanned inventory`);
    }
    return isUnknown(name) ? name : new Unknown(`the launch template's ${key} cannot be read`);
  }
  return new Unknown('LaunchTemplate names neither LaunchTemplateId nor LaunchTemplateName');
}

/** A setting read from an instance, or from its launch template where the instance leaves it out. */
export interface EffectiveSetting {
  value: PropValue | undefined;
  /** Property path on the evaluated resource, when the value is written there. */
  path?: string;
  /** Where the value came from, for messages: `the instance` or `launch template Web`. */
  from: string;
}

/**
 * An instance's setting at `instancePath`, falling back to `LaunchTemplateData.<templatePath>` of its launch
 * template, as EC2 does (parameters given at launch override the template's).
 */
export function instanceSetting(instance: Resource, inventory: InventoryView, instancePath: string[], templatePath: string[] = instancePath): EffectiveSetting | Unknown {
  const own = at(instance.properties, ...instancePath);
  if (own !== undefined) return { value: own, path: instancePath.join('.'), from: 'the instance' };
  const template = launchTemplateOf(instance, inventory);
  if (template === undefined) return { value: undefined, from: 'the instance' };
  if (isUnknown(template)) return template;
  return { value: at(template.properties, 'LaunchTemplateData', ...templatePath), from: `launch template ${template.id}` };
}

/**
 * Whether EBS encryption by default is on for the resource's region, from `Demarc::EC2::EbsEncryptionDefault`
 * (live scans only). Undefined when the inventory does not say.
 */
/** What `encryptionByDefault` looks up. */
export const EBS_DEFAULT_READS = ['Demarc::EC2::EbsEncryptionDefault'] as const;

export function encryptionByDefault(resource: Resource, inventory: InventoryView): boolean | undefined {
  const settings = inventory.ofType('Demarc::EC2::EbsEncryptionDefault');
  const sameRegion = settings.filter((setting) => resource.region === undefined || setting.region === undefined || setting.region === resource.region);
  if (sameRegion.length === 0) return undefined;
  const values = sameRegion.map((setting) => bool(setting.properties['EbsEncryptionByDefault']));
  if (values.every((value) => value === true)) return true;
  if (values.every((value) => value === false)) return false;
  return undefined;
}

/**
 * Judges the EBS volumes of a `BlockDeviceMappings` list (instance, launch template and launch configuration
 * share the shape `[{DeviceName, Ebs: {Encrypted, SnapshotId ...}, VirtualName, NoDevice}]`).
 */
export function blockDeviceEvaluations(mappings: PropValue | undefined, path: string, byDefault: boolean | undefined, owner: string): Evaluation[] {
  const entries = list(mappings);
  if (isUnknown(entries)) return [unknown(entries, path)];
  const evaluations: Evaluation[] = [];
  (entries ?? []).forEach((mapping, index) => {
    const ebs = at(mapping, 'Ebs');
    if (ebs === undefined) return; // instance store or NoDevice: no EBS volume
    const device = str(at(mapping, 'DeviceName'));
    const name = typeof device === 'string' ? device : `mapping ${index}`;
    const entryPath = `${path}.${index}.Ebs.Encrypted`;
    const encrypted = bool(at(ebs, 'Encrypted'));
    // The volume's own flag comes first: a volume that says false is unencrypted whatever the region default is now
    // (the default applies only to volumes created after it was turned on). The default matters only where the flag
    // is absent, as in a template that leaves it out.
    if (isUnknown(encrypted)) {
      evaluations.push(unknown(encrypted, entryPath));
    } else if (encrypted === true) {
      evaluations.push(pass(`${owner}: EBS volume ${name} is encrypted`, entryPath));
    } else if (encrypted === false) {
      evaluations.push(fail(`${owner}: EBS volume ${name} has Encrypted set to false`, entryPath));
    } else if (byDefault === true) {
      evaluations.push(pass(`${owner}: EBS volume ${name} is encrypted (EBS encryption by default is on in the region)`, `${path}.${index}.Ebs`));
    } else if (at(ebs, 'SnapshotId') !== undefined) {
      evaluations.push(unknown(`${owner}: EBS volume ${name} is restored from a snapshot without Encrypted set; it is encrypted only if the snapshot is`, `${path}.${index}.Ebs`));
    } else {
      evaluations.push(
        fail(`${owner}: EBS volume ${name} does not set Encrypted, so it is encrypted only if EBS encryption by default happens to be on in the account and region`, `${path}.${index}.Ebs`),
      );
    }
  });
  return evaluations;
}

/**
 * Judges user data: sources redact it, keeping only whether it looked like it held a secret (a key, a password
 * assignment, a token). Never prints the value.
 */
export function userDataEvaluation(value: PropValue | undefined, path: string, owner: string): Evaluation {
  // User data that could not be read (a denied DescribeInstanceAttribute, an unresolved parameter) is unknown, never
  // "nothing secret-like": sources keep it an Unknown through redaction (see redact.ts).
  if (isUnknown(value)) return unknown(value, path);
  if (value === undefined || value === null || value === '') return pass(`${owner} has no user data`);
  if (isRedacted(value)) {
    return value.secretLike
      ? fail(`${owner}: the user data appears to contain a secret (a key, token or password); anyone who can read instance attributes or reach the metadata service can read it`, path)
      : pass(`${owner}: the user data shows nothing that looks like a secret`, path);
  }
  if (typeof value === 'string') {
    return looksSecret('UserData', value)
      ? fail(`${owner}: the user data appears to contain a secret (a key, token or password)`, path)
      : pass(`${owner}: the user data shows nothing that looks like a secret`, path);
  }
  return unknown('the user data is not text', path);
}

/** Judges a `MetadataOptions` object (instances, launch templates and launch configurations share its shape). */
export function metadataOptionsEvaluation(options: PropValue | undefined, path: string, owner: string): Evaluation {
  return metadataEvaluation(at(options, 'HttpEndpoint'), at(options, 'HttpTokens'), owner, `${path}.HttpTokens`, options === undefined ? undefined : path);
}

export function metadataEvaluation(endpointValue: PropValue | undefined, tokensValue: PropValue | undefined, owner: string, tokensPath?: string, optionsPath?: string): Evaluation {
  const endpoint = str(endpointValue);
  if (endpoint === 'disabled') return pass(`${owner} turns the instance metadata endpoint off`, optionsPath);
  const tokens = str(tokensValue);
  if (isUnknown(tokens)) return unknown(tokens, tokensPath);
  if (tokens === 'required') return pass(`${owner} requires IMDSv2 session tokens`, tokensPath);
  if (tokens === 'optional') return fail(`${owner} sets HttpTokens to optional, so IMDSv1 requests without a session token still return credentials`, tokensPath);
  if (tokens !== undefined) return unknown(`${owner} sets HttpTokens to ${tokens}, which this check does not know`, tokensPath);
  return fail(
    `${owner} does not set MetadataOptions.HttpTokens, so IMDSv1 stays available unless the AMI is marked to require IMDSv2 or an account-level default says otherwise`,
    optionsPath,
  );
}
