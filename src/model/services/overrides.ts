import type { OwnerOverride } from '../types.js';

// AWS pages behind the overrides that more than one service shares.
export const SOURCES = {
  iamInfrastructure: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/infrastructure-security.html',
  lambdaRuntimes: 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html',
  stepFunctionsLanguage: 'https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html',
  elastiCacheVersions: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html',
  elastiCacheUpdates: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Self-Service-Updates.html',
  redshiftTracks: 'https://docs.aws.amazon.com/redshift/latest/APIReference/API_MaintenanceTrack.html',
  openSearchUpdates: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/service-software.html',
  elbHttpsListener: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html',
  cloudFrontViewerTls: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
  workSpacesMaintenance: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspace-maintenance.html',
} as const;

export const noApplicationCode = (what: string): OwnerOverride => ({ layer: 'application', owner: 'none', reason: `${what} runs no customer application code.` });

/** A service with no operating system or runtime of its own to speak of (a volume, a network). */
export const noHostSoftware = (what: string): OwnerOverride[] => [
  { layer: 'guest-os', owner: 'none', reason: `${what} has no operating system of its own.` },
  { layer: 'platform', owner: 'none', reason: `${what} runs no runtime or engine of its own.` },
];

/**
 * A control-plane service: its resources sit in no VPC and hold no customer content, only configuration. It is reached
 * through AWS's public API endpoints only, so there is no network setting of its own to make, and nothing to encrypt
 * on the client side or to classify as the customer's data.
 */
export function controlPlaneOnly(what: string, options: { keepCustomerData?: boolean } = {}): OwnerOverride[] {
  const overrides: OwnerOverride[] = [
    { layer: 'network-config', owner: 'none', reason: `${what} is reached only through AWS's API endpoints and places nothing in a VPC; who may call it is an identity question.`, source: SOURCES.iamInfrastructure },
    { layer: 'client-side-encryption', owner: 'none', reason: `${what} holds configuration, not customer content to encrypt before it reaches AWS.` },
  ];
  if (!options.keepCustomerData) overrides.push({ layer: 'customer-data', owner: 'none', reason: `${what} stores no customer content: its records are configuration and findings about other resources.` });
  return overrides;
}
