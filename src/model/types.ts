import type { ControlType, CustomerSideLayerId, LayerId, Owner, ServiceModelId } from './vocabulary.js';

export interface Layer {
  id: LayerId;
  title: string;
  /** What the layer holds, in one or two sentences. */
  description: string;
}

export interface ServiceModel {
  id: ServiceModelId;
  title: string;
  description: string;
  examples: string[];
  /** Default owner of each customer-side layer; the provider layers are always `provider`. */
  owners: Record<CustomerSideLayerId, Owner>;
}

export interface OwnerOverride {
  layer: CustomerSideLayerId;
  owner: Owner;
  /** One line: why this service departs from its service model here. */
  reason: string;
  /** The AWS documentation page that says so, for an auditor to check. */
  source?: string;
}

export interface Service {
  /** Lower-case service id, as in `demarc matrix --service ec2`. */
  id: string;
  name: string;
  model: ServiceModelId;
  description: string;
  overrides: OwnerOverride[];
  /** CloudFormation / AWS Config resource types (and demarc's own `Demarc::` account-level types). */
  resourceTypes: string[];
  /** Variants whose split differs enough to need a note (ECS on EC2 vs on Fargate ...). */
  notes?: string[];
}

export interface Control {
  id: string;
  title: string;
  type: ControlType;
  providerPart: string;
  customerPart: string;
  layers: LayerId[];
  /** NIST SP 800-53 rev. 5 family ids, upper case (e.g. `PE`, `AC`). */
  nistFamilies: string[];
}

export type DutyOrigin = 'summary' | 'customer-example' | 'provider-example' | 'model';

export interface Duty {
  id: string;
  statement: string;
  owner: Exclude<Owner, 'none'>;
  control: string;
  layers: LayerId[];
  /** Where the duty comes from: the thirteen-row summary, the model's worked examples, or the model's layers. */
  origin: DutyOrigin;
  /** The seed articles (ids of `seedArticles` in duties.ts) the duty's statement comes from. */
  seeds?: readonly string[];
  /** Service ids the duty is specific to; empty means every service. */
  services: string[];
  /** True when no configuration can show the duty is done, so only an attestation can. */
  needsAttestation: boolean;
}

export interface FrameworkItem {
  id: string;
  title: string;
  section?: string;
  level?: number;
  automated: boolean;
  /** Check ids that evidence this item. */
  checks: string[];
  /** Duty ids an attestation can cover (manual items), or that the item restates. */
  duties: string[];
  /**
   * The part of its checks' subject the item tests (`ipv4`, `ipv6`): a failure about other parts only is no failure
   * of this item (CIS 5.3 and 5.4 share the administration-port checks, one per address family).
   */
  facet?: string;
  /** Who owns the item when the model decides it (e.g. NIST PE: provider). */
  owner?: Exclude<Owner, 'none'>;
}

export interface Framework {
  id: string;
  title: string;
  version: string;
  description: string;
  items: FrameworkItem[];
}

/** An override of a variant: always backed by the AWS page that says so. */
export interface VariantOverride extends OwnerOverride {
  source: string;
}

/**
 * A configuration of a service whose split differs from the service's own cells (ECS on Fargate, Lambda container
 * images, RDS Custom ...). A resource takes the variant its properties select; a variant without overrides keeps the
 * service's cells and only names what the resource is.
 */
export interface ServiceVariant {
  /** Unique across variants, prefixed with the service id (`ecs-fargate`). */
  id: string;
  service: string;
  name: string;
  description: string;
  /** Resource types that are this variant by their type alone (serverless editions, EKS Fargate profiles). */
  resourceTypes?: string[];
  overrides: VariantOverride[];
  /** The AWS documentation page that describes the variant. */
  source: string;
}
