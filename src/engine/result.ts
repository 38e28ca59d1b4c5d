import type { CollectionGap, InlineSuppressionKind, SourceProblem, SourceSummary } from '../inventory/resource.js';
import type { CellStatus, CheckStatus, LayerId, Owner, ServiceModelId, Severity } from '../model/vocabulary.js';

/** Bump on any incompatible change to the JSON result; `schema/scan-result.schema.json` describes it. */
export const RESULT_SCHEMA_VERSION = '1.0';

export interface ResourceRef {
  id: string;
  type: string;
  /** Where `id` is unique: the template or Terraform root it came from, or `aws://<account>` (see Resource.scope). */
  scope?: string;
  name?: string;
  arn?: string;
  account?: string;
  region?: string;
  service?: string;
  /** The CDK construct path of a resource of a synthesized template, beside its hashed logical id. */
  constructPath?: string;
}

export interface FindingLocation {
  file?: string;
  line?: number;
  column?: number;
  arn?: string;
}

export interface Suppression {
  reason: string;
  expires?: string;
  /** Set when the suppression is written in the code beside the resource: where, and in whose syntax. */
  source?: {
    kind: InlineSuppressionKind;
    file?: string;
    line?: number;
    /** The rule id as written, when it is another tool's (`AwsSolutions-S1`, `W35`, `CKV_AWS_18`). */
    rule?: string;
  };
}

export interface Finding {
  checkId: string;
  title: string;
  resource: ResourceRef;
  status: CheckStatus;
  severity: Severity;
  layer: LayerId;
  owner: Owner;
  control: string;
  duty: string;
  message: string;
  /** The parts of what the check tests that this finding is about (`ipv4`, `ipv6`): see Evaluation.facets. */
  facets?: string[];
  location?: FindingLocation;
  /** Why the finding is attributed to the provider (a resource the customer cannot change). */
  attribution?: string;
  /** Set when a suppression in the configuration applies: the finding stays visible, marked. */
  suppressed?: Suppression;
}

export interface MatrixCell {
  layer: LayerId;
  owner: Owner;
  status: CellStatus;
  /** Short explanation: the failing checks, the attestation, why nothing covers it. */
  note?: string;
}

/** The configuration of its service a resource is (ECS on Fargate ...): `id` is absent when it could not be told. */
export interface MatrixVariant {
  id?: string;
  name: string;
  /** The properties that decided it, or why they could not. */
  because: string;
}

export interface MatrixRow {
  resource: ResourceRef;
  service: string;
  model: ServiceModelId;
  /** Set for resources of a type whose cells depend on their configuration (src/model/variants.ts). */
  variant?: MatrixVariant;
  cells: MatrixCell[];
}

/** The estate as a whole, one row per layer: the picture people recognise from the model. */
export interface LayerSummary {
  layer: LayerId;
  /** The owner for most resources; `shared` when resources disagree. */
  owner: Owner;
  status: CellStatus;
  counts: Partial<Record<CellStatus, number>>;
}

export interface CheckCoverage {
  checkId: string;
  /** Resources the check evaluated. */
  evaluated: number;
  /** Why it evaluated nothing, when it did not. */
  reason?: string;
}

export interface UncoveredResource {
  id: string;
  type: string;
  file?: string;
  line?: number;
}

export interface Coverage {
  checks: CheckCoverage[];
  uncovered: UncoveredResource[];
  gaps: CollectionGap[];
  problems: SourceProblem[];
}

export interface Summary {
  resources: number;
  checks: number;
  byStatus: Record<CheckStatus, number>;
  /** Failures the customer must act on (not suppressed, not attributed to the provider), by severity. */
  customerFailures: Record<Severity, number>;
  /** Failures attributed to the provider (resources the customer cannot change). */
  providerAttributed: number;
  suppressed: number;
  gaps: number;
}

export type { FrameworkResult, FrameworkItemResult, FrameworkItemStatus } from './framework-status.js';
import type { FrameworkResult } from './framework-status.js';

/** A check that ran, described fully, so that a saved result renders in every format on its own. */
export interface CheckDescription {
  id: string;
  title: string;
  service: string;
  resourceTypes: string[];
  layer: LayerId;
  control: string;
  duty: string;
  severity: Severity;
  rationale: string;
  remediation: { console: string; cloudformation: string; terraform: string };
}

export interface ScanResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  tool: { name: 'demarc'; version: string };
  generatedAt: string;
  sources: SourceSummary[];
  checks: CheckDescription[];
  findings: Finding[];
  matrix: MatrixRow[];
  layers: LayerSummary[];
  coverage: Coverage;
  summary: Summary;
  /** Per-item status of the frameworks the scan was asked to report on (`--framework`). */
  frameworks?: FrameworkResult[];
}

/** One resource's identity across a scan: its id within its scope. Findings, matrix rows and baselines key on it. */
export function resourceKey(resource: Pick<ResourceRef, 'id' | 'scope'>): string {
  return `${resource.scope ?? ''}\u0000${resource.id}`;
}
