// Compliant: a bucket policy attached to the bucket denies every S3 request made without TLS (aws:SecureTransport false), on the bucket and on all its objects.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { CheckContext, Evaluation } from '../types.js';
import { at, isUnknown } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isRecord, isReference, type PropValue, type Unknown } from '../../inventory/values.js';
import { attachedResources } from '../lib/data-stores.js';
import { allowsAction, policyStatements, principalValues, wildcardMatches, type PolicyStatement } from '../lib/policy.js';

/** The `aws:SecureTransport` values a statement's `Bool` (or `BoolIfExists`) conditions test. */
function secureTransportValues(statement: PolicyStatement): string[] {
  const condition = statement.condition;
  if (condition === undefined || isUnknown(condition)) return [];
  const found: string[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (!/^bool(ifexists)?$/i.test(operator) || !isRecord(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      const values: PropValue[] = Array.isArray(value) ? value : [value];
      for (const item of values) if (typeof item === 'boolean' || typeof item === 'string') found.push(String(item).toLowerCase());
    }
  }
  return found;
}

/** A Deny, for everyone, of every S3 action, on requests that did not use TLS. */
function deniesPlainHttp(statement: PolicyStatement): boolean {
  return (
    statement.effect === 'Deny' &&
    principalValues(statement.principal).some((principal) => principal === '*') &&
    allowsAction(statement, 's3:*') &&
    secureTransportValues(statement).includes('false')
  );
}

/** How a policy can name this bucket: its name (or a wildcard over it), its ARN, or the deploy-time text of either. */
interface BucketNames {
  /** Names known as text. */
  literal: string[];
  /** `${...}` text standing for the bucket's name: `${Logs}` (CloudFormation Ref), `${aws_s3_bucket.logs.id}`, a shared `Fn::Sub`. */
  nameTokens: string[];
  /** `${...}` text standing for the bucket's ARN. */
  arnTokens: string[];
  /** The deploy-time text of the bucket's name (`Fn::Sub`), where no other bucket of the template reads alike. */
  sharedText?: string;
}

function bucketNames(bucket: Resource, context: CheckContext): BucketNames {
  const literal: string[] = [];
  const declared = bucket.properties['BucketName'];
  if (typeof declared === 'string') literal.push(declared);
  if (bucket.name !== undefined && !literal.includes(bucket.name)) literal.push(bucket.name);
  const nameTokens = [`\${${bucket.id}}`, `\${${bucket.id}.id}`, `\${${bucket.id}.bucket}`];
  const arnTokens = [`\${${bucket.id}.Arn}`, `\${${bucket.id}.arn}`];
  // The same `Fn::Sub` text names the same bucket, where no other bucket of the template reads alike.
  if (isUnknown(declared) && declared.template !== undefined) {
    const template = declared.template;
    const alike = context.inventory.ofType('AWS::S3::Bucket').filter((other) => {
      const name = other.properties['BucketName'];
      return isUnknown(name) && name.template === template;
    });
    if (alike.length === 1) return { literal, nameTokens: [...nameTokens, template], arnTokens, sharedText: template };
  }
  return { literal, nameTokens, arnTokens };
}

interface Coverage {
  bucket: boolean;
  objects: boolean;
}

const NONE: Coverage = { bucket: false, objects: false };

/**
 * What a pattern after the bucket's name covers: nothing after it is the bucket, `/*` every object, `*` both; a longer
 * path (`/logs/*`) only some objects. Objects are probed with keys of several shapes.
 */
function suffixCoverage(suffix: string): Coverage {
  const pattern = `x${suffix}`;
  return {
    bucket: wildcardMatches(pattern, 'x'),
    objects: ['x/a', 'x/deep/path/object-key.txt', 'x/.hidden'].every((key) => wildcardMatches(pattern, key)),
  };
}

const S3_ARN = /^arn:[^:]*:s3:::(.*)$/s;

/** What one entry of a statement's `Resource` covers of this bucket; an Unknown where it may name it but cannot be read. */
function resourceCoverage(value: PropValue, names: BucketNames, bucket: Resource): Coverage | Unknown {
  if (value === '*') return { bucket: true, objects: true };
  if (isReference(value)) return value.target === bucket.id && /^arn$/i.test(value.attribute ?? '') ? { bucket: true, objects: false } : NONE;
  if (typeof value === 'string') {
    const rest = S3_ARN.exec(value)?.[1];
    if (rest === undefined) return NONE;
    const covered = { ...NONE };
    for (const name of names.literal) {
      covered.bucket ||= wildcardMatches(rest, name);
      covered.objects ||= ['a', 'deep/path/object-key.txt', '.hidden'].every((key) => wildcardMatches(rest, `${name}/${key}`));
    }
    return covered;
  }
  if (!isUnknown(value)) return NONE;
  const template = value.template;
  if (template === undefined) return value;
  for (const token of names.arnTokens) if (template.startsWith(token)) return suffixCoverage(template.slice(token.length));
  const rest = S3_ARN.exec(template)?.[1];
  if (rest !== undefined) {
    for (const token of names.nameTokens) if (rest.startsWith(token)) return suffixCoverage(rest.slice(token.length));
    if (!rest.includes('${')) return resourceCoverage(`arn:aws:s3:::${rest}`, names, bucket);
  }
  // Text that starts from another resource of the template (`${Other.Arn}/*`, `arn:aws:s3:::${Other}`) is not this
  // bucket; text from an input (a parameter, a Terraform variable or local) may be.
  const lead = /^(?:arn:[^:]*:s3:::)?\$\{([^}?]+)\}/.exec(template)?.[1];
  if (lead !== undefined && !/^(AWS::|(var|local|module|data|each|count)\.)/.test(lead)) return NONE;
  return value;
}

interface PolicyFindings {
  coverage: Coverage;
  denying: string[];
  doubt?: Unknown;
  allowsOnTls: boolean;
  /** A Deny on aws:SecureTransport "false" that leaves some S3 actions or some principals out. */
  partialDeny: boolean;
}

function judgePolicy(document: PropValue | undefined, names: BucketNames, bucket: Resource): PolicyFindings | Unknown {
  const statements = policyStatements(document);
  if (isUnknown(statements)) return statements;
  const found: PolicyFindings = { coverage: { ...NONE }, denying: [], allowsOnTls: false, partialDeny: false };
  for (const statement of statements ?? []) {
    if (statement.effect === 'Allow' && secureTransportValues(statement).includes('true')) found.allowsOnTls = true;
    if (isUnknown(statement.effect)) found.doubt ??= statement.effect;
    else if (statement.effect === 'Deny' && isUnknown(statement.condition)) found.doubt ??= statement.condition;
    if (!deniesPlainHttp(statement)) {
      if (statement.effect === 'Deny' && secureTransportValues(statement).includes('false')) found.partialDeny = true;
      continue;
    }
    const before = { ...found.coverage };
    for (const value of statement.resourceValues) {
      const covered = resourceCoverage(value, names, bucket);
      if (isUnknown(covered)) {
        found.doubt ??= covered;
        continue;
      }
      found.coverage.bucket ||= covered.bucket;
      found.coverage.objects ||= covered.objects;
    }
    if (found.coverage.bucket !== before.bucket || found.coverage.objects !== before.objects) found.denying.push(statement.sid ?? statement.path);
  }
  return found;
}

export default defineCheck({
  id: 's3-bucket-ssl-requests-only',
  title: 'S3 bucket policy denies requests that do not use TLS',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  reads: ['AWS::S3::BucketPolicy'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'S3 still answers plain HTTP requests unless the bucket policy refuses them. A Deny of every S3 action for Principal "*" on aws:SecureTransport "false", covering both the bucket ARN (bucket operations such as listing) and "bucket/*" (every object), makes every client use TLS, so data and credentials are not readable on the wire; a Deny on one prefix leaves the rest open, and an Allow on aws:SecureTransport "true" refuses nothing that another statement allows. AWS offers the TLS endpoint; requiring it is the customer\'s choice.',
  remediation: {
    console:
      'S3 console > bucket > Permissions > Bucket policy > add a statement: Effect Deny, Principal "*", Action "s3:*", Resource the bucket and "bucket/*", Condition {"Bool": {"aws:SecureTransport": "false"}}.',
    cloudformation:
      'AWS::S3::BucketPolicy (Bucket: !Ref TheBucket) with a Deny statement on s3:* for Principal "*", Resource [!GetAtt TheBucket.Arn, !Sub "${TheBucket.Arn}/*"] and Condition Bool aws:SecureTransport "false"',
    terraform:
      'aws_s3_bucket_policy with a Deny statement (principals "*", actions ["s3:*"], resources [bucket ARN, "${bucket ARN}/*"], condition Bool aws:SecureTransport = "false")',
  },
  evaluate(bucket, context) {
    const names = bucketNames(bucket, context);
    const found = attachedResources(bucket, context, 'AWS::S3::BucketPolicy', 'Bucket');
    // A policy naming its bucket by the same deploy-time text as the bucket's own name is this bucket's.
    const byName = found.unresolved.filter((policy) => {
      const target = policy.properties['Bucket'];
      return isUnknown(target) && names.sharedText !== undefined && target.template === names.sharedText;
    });
    const attached = [...found.attached, ...byName];
    const unresolved = found.unresolved.filter((policy) => !byName.includes(policy));

    const coverage = { ...NONE };
    const denying: string[] = [];
    const denyingPolicies: string[] = [];
    const doubts: Evaluation[] = [];
    let allowsOnTls = false;
    let partialDeny = false;
    for (const policy of attached) {
      const judged = judgePolicy(at(policy.properties, 'PolicyDocument'), names, bucket);
      if (isUnknown(judged)) {
        doubts.push(unknown(`cannot read the bucket policy ${policy.id}: ${judged.reason}`));
        continue;
      }
      coverage.bucket ||= judged.coverage.bucket;
      coverage.objects ||= judged.coverage.objects;
      denying.push(...judged.denying);
      if (judged.denying.length > 0) denyingPolicies.push(policy.id);
      allowsOnTls ||= judged.allowsOnTls;
      partialDeny ||= judged.partialDeny;
      if (judged.doubt) doubts.push(unknown(`cannot tell what a statement of the bucket policy ${policy.id} covers: ${judged.doubt.reason}`));
    }
    if (coverage.bucket && coverage.objects) return pass(`the bucket policy ${denyingPolicies.join(', ')} denies requests without TLS (${denying.join(', ')})`);
    if (doubts.length > 0) return doubts;
    if (unresolved.length > 0) {
      return unknown(`bucket policy ${unresolved.map((policy) => policy.id).join(', ')} names its bucket with a value known only at deploy time`);
    }
    if (attached.length === 0) return fail('no bucket policy is attached, so requests over plain HTTP are accepted');
    const ids = attached.map((policy) => policy.id).join(', ');
    if (coverage.bucket) return fail(`the bucket policy ${ids} denies requests without TLS on the bucket, but not on all its objects ("bucket/*")`);
    if (coverage.objects) return fail(`the bucket policy ${ids} denies requests without TLS on the objects, but not on the bucket itself (its ARN)`);
    if (denying.length > 0) return fail(`the bucket policy ${ids} denies requests without TLS on only part of the bucket (${denying.join(', ')}): the bucket ARN and "bucket/*" must both be covered`);
    if (partialDeny) return fail(`the bucket policy ${ids} denies requests without TLS only for some S3 actions or some principals: the Deny must cover "s3:*" for Principal "*"`);
    if (allowsOnTls) {
      return fail(`the bucket policy ${ids} allows requests on aws:SecureTransport "true" but has no Deny on "false": an Allow refuses nothing that another policy allows`);
    }
    return fail(`the bucket policy ${ids} has no Deny on aws:SecureTransport "false"`);
  },
});
