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
