import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCheck, fail, pass } from '../../src/checks/define-check.js';
import type { Check } from '../../src/checks/types.js';
import { applyConfig, scopeInventory } from '../../src/config/apply.js';
import { parseConfig } from '../../src/config/load.js';
import type { DemarcConfig } from '../../src/config/types.js';
import type { ScanResult } from '../../src/engine/result.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import { loadPaths } from '../../src/inventory/load-paths.js';
import type { Inventory } from '../../src/inventory/resource.js';
import { at, list, str } from '../../src/inventory/readers.js';

export const FIXTURES = join('test', 'config', 'fixtures');
export const BUCKETS = join(FIXTURES, 'buckets.yaml');
export const NOW = new Date('2026-11-22T10:00:00Z');

/** Checks of the tests' own, so that the tests do not move when the catalogue grows. */
export const versioning = defineCheck({
  id: 'test-bucket-versioning', title: 'bucket keeps versions', service: 's3', resourceTypes: ['AWS::S3::Bucket'], layer: 'customer-data',
  control: 'business-continuity', duty: 'back-up-data', severity: 'medium', rationale: 'recover overwritten objects',
  remediation: { console: 'enable versioning', cloudformation: 'VersioningConfiguration', terraform: 'aws_s3_bucket_versioning' },
  evaluate: (bucket) => (str(at(bucket.properties, 'VersioningConfiguration', 'Status')) === 'Enabled' ? pass('versioning is enabled') : fail('versioning was never enabled')),
});

export const openSsh = defineCheck({
  id: 'test-sg-open-ssh', title: 'no SSH from anywhere', service: 'vpc', resourceTypes: ['AWS::EC2::SecurityGroup'], layer: 'network-config',
  control: 'zone-security', duty: 'configure-security-groups', severity: 'high', rationale: 'SSH open to the internet invites brute force',
  remediation: { console: 'remove the rule', cloudformation: 'SecurityGroupIngress', terraform: 'aws_security_group' },
  evaluate: (group) => {
    const open = list(at(group.properties, 'SecurityGroupIngress'));
    const wide = Array.isArray(open) && open.some((rule) => str(at(rule, 'CidrIp')) === '0.0.0.0/0');
    return wide ? fail('port 22 is open to 0.0.0.0/0') : pass('no rule opens SSH to everyone');
  },
});

export const TEST_CHECKS: readonly Check[] = [versioning, openSsh];

export function configFrom(text: string, now = NOW): DemarcConfig {
  const load = parseConfig(text, 'demarc.config.yaml', { now, checks: TEST_CHECKS, baseDir: FIXTURES });
  if (!load.config) throw new Error(load.errors.map((issue) => `${issue.line}: ${issue.key}: ${issue.message}`).join('\n'));
  return load.config;
}

export function configFile(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export interface ConfiguredRun {
  result: ScanResult;
  warnings: string[];
  inventory: Inventory;
}

/** What `scan --config` does, with the tests' checks and clock. */
export async function scanWithConfig(paths: readonly string[], text: string, now = NOW, checks: readonly Check[] = TEST_CHECKS): Promise<ConfiguredRun> {
  const config = configFrom(text, now);
  const inventory = scopeInventory(await loadPaths(paths), config.scope);
  return runOn(inventory, config, now, checks);
}

export function runOn(inventory: Inventory, config: DemarcConfig, now = NOW, checks: readonly Check[] = TEST_CHECKS): ConfiguredRun {
  const application = applyConfig(config, inventory, now);
  const result = evaluateInventory(inventory, { checks, now, adjustFinding: application.adjustFinding, attestations: application.attestations });
  return { result, inventory, warnings: application.unusedWarnings(result).map((issue) => `${issue.line ?? '-'} ${issue.key ?? ''}: ${issue.message}`) };
}

export function suppressedIds(result: ScanResult): string[] {
  return result.findings.filter((finding) => finding.suppressed).map((finding) => finding.resource.id).sort();
}
