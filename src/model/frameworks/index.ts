import { allChecks } from '../../checks/index.js';
import type { Framework } from '../types.js';
import { cisAwsV5 } from './cis-aws-v5.js';
import { buildNistFramework } from './nist-800-53.js';

/** Frameworks are data pointing at check ids and duty ids; one file per framework in this folder. */
export const frameworks: readonly Framework[] = [cisAwsV5, buildNistFramework(allChecks)];

export function getFramework(id: string): Framework | undefined {
  return frameworks.find((framework) => framework.id === id);
}
