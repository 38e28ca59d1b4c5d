// The ids in this file are a contract (shared/DESIGN.md): code, data, tests and outputs all use them verbatim.

export const OWNERS = ['provider', 'customer', 'shared', 'none'] as const;
export type Owner = (typeof OWNERS)[number];

export const LAYER_IDS = [
  'facilities',
  'hardware',
  'virtualization',
  'foundation-services',
  'guest-os',
  'platform',
  'application',
  'network-config',
  'identity-access',
  'encryption-at-rest',
  'client-side-encryption',
  'traffic-protection',
  'customer-data',
  'logging-monitoring',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** The four layers that are always the provider's: security *of* the cloud. */
export const PROVIDER_LAYER_IDS = ['facilities', 'hardware', 'virtualization', 'foundation-services'] as const satisfies readonly LayerId[];
export type ProviderLayerId = (typeof PROVIDER_LAYER_IDS)[number];
export type CustomerSideLayerId = Exclude<LayerId, ProviderLayerId>;

export const SERVICE_MODEL_IDS = ['infrastructure', 'container', 'abstracted', 'serverless'] as const;
export type ServiceModelId = (typeof SERVICE_MODEL_IDS)[number];

export const CONTROL_TYPES = ['inherited', 'shared', 'customer-specific'] as const;
export type ControlType = (typeof CONTROL_TYPES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Status of one check on one resource. */
export const CHECK_STATUSES = ['pass', 'fail', 'unknown', 'not-applicable', 'error'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** Status of a matrix cell: a check status, or one of the states only a cell can have. */
export const CELL_STATUSES = [...CHECK_STATUSES, 'inherited', 'attested', 'not-assessed'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export function isLayerId(value: string): value is LayerId {
  return (LAYER_IDS as readonly string[]).includes(value);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Higher number = more severe; used for --fail-on and sorting. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isCustomerSideLayer(layer: LayerId): layer is CustomerSideLayerId {
  return !(PROVIDER_LAYER_IDS as readonly string[]).includes(layer);
}
