import { computeServices } from './services/compute.js';
import { dataServices } from './services/data.js';
import { databaseServices } from './services/databases.js';
import { governanceServices } from './services/governance.js';
import { networkServices } from './services/network.js';
import { serverlessServices } from './services/serverless.js';
import type { Service } from './types.js';

// One file per group of services under ./services; overrides shared by several services live in services/overrides.ts.
export const services: readonly Service[] = [
  ...computeServices,
  ...databaseServices,
  ...dataServices,
  ...networkServices,
  ...serverlessServices,
  ...governanceServices,
];
