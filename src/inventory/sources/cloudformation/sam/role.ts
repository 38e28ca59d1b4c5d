import { intrinsicOf } from '../intrinsics.js';
import type { TemplateValue } from '../parse-yaml.js';
import type { Origin, SamOutput } from './output.js';
import { expandPolicyTemplate, looksLikePolicyTemplate } from './policy-templates.js';
import type { Written } from './properties.js';
import { awsManagedPolicy, isPlainRecord, isTemplateRecord, own, type TemplateRecord } from './template-values.js';

/** AWS managed policies SAM names without their `service-role/` path. */
const SERVICE_ROLE_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaMSKExecutionRole',
  'AWSLambdaRole',
  'AWSLambdaENIManagementAccess',
]);

export const managedPolicyArn = (name: string): TemplateValue => awsManagedPolicy(SERVICE_ROLE_POLICIES.has(name) ? `service-role/${name}` : name);

type Line = number | undefined;

/**
 * The execution role SAM generates for a function or state machine: what its own properties ask for, what its
 * `Policies` grant and what its events need. A policy the expansion cannot read exactly stays in the role's
 * `Policies` as an entry whose document is Unknown, so that no check judges the role on part of its permissions.
 */
export class RoleBuilder {
  private readonly managed: Array<[TemplateValue, Line]> = [];
  private readonly inline: Array<[TemplateValue, Line]> = [];
  private readonly unclear: Array<{ index: number; reason: string }> = [];

  constructor(
    private readonly output: SamOutput,
    readonly roleId: string,
  ) {}

  addManaged(arn: TemplateValue, line: Line): void {
    this.managed.push([arn, line]);
  }

  addInline(name: string, document: TemplateValue, line: Line): void {
    this.inline.push([this.output.record([['PolicyName', name, line], ['PolicyDocument', document, line]], line), line]);
  }

  addUnclear(name: string, reason: string, line: Line): void {
    this.unclear.push({ index: this.inline.length, reason });
    this.addInline(name, null, line);
  }

  /** Reads SAM's `Policies`: managed policy names and ARNs, inline documents, policy templates, or a list of them. */
  readPolicies(policies: Written | undefined): void {
    if (policies === undefined) return;
    const { value } = policies;
    const items: Array<[TemplateValue, Line]> = Array.isArray(value)
      ? value.map((item, index) => [item, this.output.keyLine(value, index) ?? policies.line])
      : [[value, policies.line]];
    items.forEach(([item, line], index) => this.readPolicy(item, `${this.roleId}Policy${index}`, line));
  }

  private readPolicy(item: TemplateValue, name: string, line: Line): void {
    if (typeof item === 'string') {
      this.addManaged(item.startsWith('arn:') ? item : managedPolicyArn(item), line);
      return;
    }
    const intrinsic = intrinsicOf(item);
    if (intrinsic?.name === 'Fn::If') {
      this.readConditional(item, intrinsic.argument, name, line);
      return;
    }
    // Any other function gives the ARN of a managed policy (a `!Ref` to a policy or a parameter, a `!Sub` ARN).
    if (intrinsic !== undefined) {
      this.addManaged(item, line);
      return;
    }
    if (!isPlainRecord(item)) {
      this.addUnclear(name, 'an entry of Policies is neither a policy name, an ARN, a document nor a policy template', line);
      return;
    }
    if (own(item, 'Statement') !== undefined) {
      this.addInline(name, item, line);
      return;
    }
    const template = looksLikePolicyTemplate(item);
    const expansion = template === undefined ? { unknown: 'an entry of Policies is not a policy document' } : expandPolicyTemplate(template, own(item, template));
    if ('document' in expansion) this.addInline(name, expansion.document, line);
    else this.addUnclear(name, expansion.unknown, line);
  }

  /** `!If [condition, a, b]` around a whole entry: kept as a choice when both sides are of one kind. */
  private readConditional(item: TemplateValue, argument: TemplateValue, name: string, line: Line): void {
    const sides = Array.isArray(argument) && argument.length === 3 ? [argument[1], argument[2]] : [];
    const kind = (side: TemplateValue | undefined): string => {
      if (isTemplateRecord(side) && intrinsicOf(side)?.name === 'Ref' && side['Ref'] === 'AWS::NoValue') return 'none';
      if (typeof side === 'string' || (intrinsicOf(side) !== undefined && intrinsicOf(side)?.name !== 'Fn::If')) return 'managed';
      return isPlainRecord(side) && own(side, 'Statement') !== undefined ? 'document' : 'other';
    };
    const kinds = new Set(sides.map(kind));
    kinds.delete('none');
    if (sides.length === 2 && kinds.size === 1 && kinds.has('managed')) this.addManaged(item, line);
    else if (sides.length === 2 && kinds.size === 1 && kinds.has('document')) this.addInline(name, item, line);
    else this.addUnclear(name, 'an entry of Policies chooses with Fn::If between policies of different kinds, or policy templates, which demarc does not expand', line);
  }

  /** Adds the role to the output, with the properties the caller gives (trust policy, boundary, path, tags). */
  build(from: Origin, properties: ReadonlyArray<[string, TemplateValue | undefined, Line]>, line: Line): void {
    const entries: Array<[string, TemplateValue | undefined, Line]> = [...properties];
    entries.push(['ManagedPolicyArns', this.managed.length > 0 ? this.output.list(this.managed, line) : undefined, this.managed[0]?.[1] ?? line]);
    entries.push(['Policies', this.inline.length > 0 ? this.output.list(this.inline, line) : undefined, this.inline[0]?.[1] ?? line]);
    if (!this.output.add(this.roleId, 'AWS::IAM::Role', this.output.record(entries, line), from)) return;
    for (const { index, reason } of this.unclear) this.output.unknown(this.roleId, ['Policies', index, 'PolicyDocument'], reason);
  }
}

/** A trust policy letting one AWS service assume the role. */
export function trustPolicy(service: string): TemplateRecord {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: [service] } }],
  };
}
