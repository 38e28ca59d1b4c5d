import type { Resource } from '../inventory/resource.js';
import type { InventoryView } from '../inventory/view.js';
import type { LayerId, Severity } from '../model/vocabulary.js';

export type EvaluationStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable';

/** What a check says about one resource (or one part of it). */
export interface Evaluation {
  status: EvaluationStatus;
  message: string;
  /** Dotted property path the evaluation is about, so the finding can point at its line. */
  path?: string;
  /**
   * Which part of what the check tests the finding is about (`ipv4`, `ipv6`), for framework items that test only that
   * part: CIS 5.3 is about 0.0.0.0/0, 5.4 about ::/0, and one check judges both.
   */
  facets?: readonly string[];
}

export interface CheckContext {
  readonly inventory: InventoryView;
  /** The scan's clock, so that date-based checks are repeatable in tests. */
  readonly now: Date;
}

export interface Remediation {
  /** What to change, in plain words (console steps where they help). */
  console: string;
  /** The CloudFormation property to set, e.g. `AWS::S3::Bucket.BucketEncryption`. */
  cloudformation: string;
  /** The Terraform argument or resource to set, e.g. `aws_s3_bucket_server_side_encryption_configuration`. */
  terraform: string;
  /** The AWS documentation of what the check judges (a URL); the reports fill it from `src/checks/aws-docs.ts`. */
  docs?: string;
}

export interface CheckDefinition {
  /** Kebab-case, prefixed by the service id, equal to the file name: `s3-bucket-encryption`. */
  id: string;
  title: string;
  /** Service id from the model (`src/model/services.ts`). */
  service: string;
  resourceTypes: readonly string[];
  /**
   * Other resource types the check looks up through `context.inventory` (policies attached to its resources, keys,
   * aliases, associations, account-level status). The view a check gets holds only these and `resourceTypes`, and a
   * live scan collects exactly their union, so a check can never judge what the scan did not read.
   */
  reads?: readonly string[];
  layer: LayerId;
  /** Control id from the model (`src/model/controls.ts`). */
  control: string;
  /** Duty id from the model (`src/model/duties.ts`) that this check evidences. */
  duty: string;
  severity: Severity;
  /**
   * The AWS Security Hub controls and AWS Config managed rules that judge the same thing: `exact`, or `partial` with a
   * one-line `difference`. Declared for every check in `src/checks/equivalents.ts`, which consumers read.
   */
  equivalents?: {
    securityHub?: ReadonlyArray<{ id: string; match: 'exact' | 'partial'; difference?: string }>;
    configRule?: ReadonlyArray<{ id: string; match: 'exact' | 'partial'; difference?: string }>;
  };
  rationale: string;
  remediation: Remediation;
  evaluate(resource: Resource, context: CheckContext): Evaluation | readonly Evaluation[];
}

export type Check = Readonly<CheckDefinition>;
