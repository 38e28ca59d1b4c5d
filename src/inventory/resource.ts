import type { PropRecord } from './values.js';

export type SourceKind = 'cloudformation' | 'terraform-plan' | 'terraform-state' | 'terraform-config' | 'aws';

export interface ResourceOrigin {
  kind: SourceKind;
  /** The file the resource was read from (template and Terraform sources). */
  file?: string;
  line?: number;
  column?: number;
  /** Line of each property, keyed by its dotted path (`BucketEncryption.ServerSideEncryptionConfiguration`). */
  propertyLines?: Record<string, number>;
  /** The CDK construct path of a synthesized template's resource (`Metadata.aws:cdk:path`), beside its hashed id. */
  constructPath?: string;
  /** Set on a resource a template transform generated (SAM): which transform, from which resource of the template. */
  generatedBy?: string;
}

/** One resource of the estate, in the CloudFormation shape of its type, whatever the source. */
export interface Resource {
  /** Logical id (CloudFormation), address (Terraform) or ARN (live account): unique within its scope. */
  id: string;
  /**
   * Where the id is unique and references resolve: the template file, the Terraform root folder, the plan or state
   * file, or `aws://<account>` for a live account. Two scopes may hold the same id; they never see each other.
   */
  scope: string;
  /** CloudFormation / AWS Config type name, or demarc's own `Demarc::` type for account-level settings. */
  type: string;
  /** Physical name, where the source knows it. */
  name?: string;
  arn?: string;
  account?: string;
  region?: string;
  properties: PropRecord;
  origin: ResourceOrigin;
  /**
   * Set when the customer cannot change the resource (an AWS-managed policy, a service-linked role, a resource of an
   * AWS-managed stack): its findings belong to the provider and stay out of the customer's failure count.
   */
  managedBy?: { owner: 'provider'; reason: string };
  /**
   * Suppressions written beside the resource (template Metadata, Terraform comments), as the source read them:
   * unchecked, with where they were written. The configuration step validates and applies them (src/config/inline.ts).
   */
  suppressions?: InlineSuppression[];
}

/** Where an inline suppression was written, and in whose syntax. */
export type InlineSuppressionKind = 'demarc-metadata' | 'terraform-comment' | 'cdk-nag' | 'cfn_nag' | 'checkov';

/** One suppression as read from the code: a demarc check id or glob, or another tool's rule id (`kind` says which). */
export interface InlineSuppression {
  kind: InlineSuppressionKind;
  /** A demarc check id or glob (`demarc-metadata`, `terraform-comment`), or the other tool's rule id. */
  rule: string;
  reason?: string;
  /** As written: validated (YYYY-MM-DD) when applied. */
  expires?: string;
  file: string;
  line?: number;
  /** What was wrong with the entry's shape, when the source could not read it as a suppression. */
  problem?: string;
}

/** Something a source could not collect; the checks that needed it report `unknown` with this reason. */
export interface CollectionGap {
  /** Resource types that could not be collected (empty: the whole scope, e.g. a region). */
  resourceTypes: string[];
  reason: string;
  account?: string;
  region?: string;
  service?: string;
  /** The API call that failed, e.g. `s3:GetBucketPolicy`. */
  call?: string;
  /** The SDK operation that failed (`GetRestApis`, `GetApis`): several may share one IAM action. */
  operation?: string;
  /** The HTTP status of the failed answer, when there was one. */
  httpStatus?: number;
  /** The resource whose detail could not be read, when the gap is that narrow. */
  resourceId?: string;
}

/** A problem with an input: a file that could not be read, a construct that could not be understood. */
export interface SourceProblem {
  file: string;
  line?: number;
  message: string;
  /** True when nothing could be read from the file at all. */
  fatal: boolean;
}

export interface SourceSummary {
  file: string;
  kind: SourceKind;
  resources: number;
}

export interface Inventory {
  resources: Resource[];
  gaps: CollectionGap[];
  problems: SourceProblem[];
  sources: SourceSummary[];
}

export function emptyInventory(): Inventory {
  return { resources: [], gaps: [], problems: [], sources: [] };
}

export function mergeInventories(parts: readonly Inventory[]): Inventory {
  return {
    resources: parts.flatMap((part) => part.resources),
    gaps: parts.flatMap((part) => part.gaps),
    problems: parts.flatMap((part) => part.problems),
    sources: parts.flatMap((part) => part.sources),
  };
}
