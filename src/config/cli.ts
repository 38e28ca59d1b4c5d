import { resolve } from 'node:path';
import type { Check } from '../checks/types.js';
import { UsageError } from '../cli/exit-codes.js';
import type { CliIo } from '../cli/io.js';
import type { ScanResult } from '../engine/result.js';
import { evaluateInventory } from '../engine/scan.js';
import { loadPaths } from '../inventory/load-paths.js';
import type { Inventory } from '../inventory/resource.js';
import type { Framework } from '../model/types.js';
import { frameworks } from '../model/frameworks/index.js';
import { applyConfig, scopeInventory, selectConfiguredChecks } from './apply.js';
import { clockFromEnv } from './dates.js';
import { findConfigFile, readConfigFile } from './load.js';
import { formatIssue, type ConfigIssue, type DemarcConfig } from './types.js';

/** The scan's clock: `DEMARC_NOW` when set (tests), otherwise the real time. */
export function cliClock(io: CliIo): Date {
  try {
    return clockFromEnv(io.env) ?? new Date();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function reportConfigIssues(issues: readonly ConfigIssue[], level: 'error' | 'warning', io: CliIo): void {
  for (const issue of issues) io.stderr(`demarc: ${formatIssue(issue, level)}\n`);
}

/**
 * The configuration named by `--config`, or `demarc.config.yaml` in the current folder, or none. Warnings go to
 * standard error; errors end the run with exit code 2 (after every error has been listed).
 */
export async function loadCliConfig(explicitPath: string | undefined, io: CliIo, now: Date): Promise<DemarcConfig | undefined> {
  const path = explicitPath ?? findConfigFile(io.cwd);
  if (path === undefined) return undefined;
  const load = await readConfigFile(resolve(io.cwd, path), { now });
  // Messages name the file as the user gave it (or as it was found), not as an absolute path.
  const named = (issues: readonly ConfigIssue[]): ConfigIssue[] => issues.map((issue) => ({ ...issue, file: path }));
  reportConfigIssues(named(load.warnings), 'warning', io);
  if (!load.config) {
    reportConfigIssues(named(load.errors), 'error', io);
    const count = load.errors.length;
    throw new UsageError(`${path}: ${count} error${count === 1 ? '' : 's'} in the configuration (listed above); nothing was scanned`);
  }
  return { ...load.config, file: path };
}

export interface EvaluateExtras {
  /** Frameworks to report per item (`--framework`); those the configuration enables are added. */
  frameworks?: readonly Framework[];
  /** Called as each file is read, for a progress display. */
  onFile?: (path: string) => void;
}

export interface ConfiguredScan {
  config?: DemarcConfig;
  checks: readonly Check[];
  now: Date;
  /** Evaluates an inventory from any source (templates, a live account) with the configuration applied. */
  evaluate(inventory: Inventory, options?: EvaluateExtras): ScanResult;
  /** Reads templates and folders, then `evaluate`. */
  scanPaths(paths: readonly string[], options?: EvaluateExtras): Promise<ScanResult>;
}

/** Everything `scan` needs from the configuration file: the checks to run, the clock, and how to evaluate. */
export async function configureScan(options: { config?: string }, selected: readonly Check[], io: CliIo): Promise<ConfiguredScan> {
  const now = cliClock(io);
  const config = await loadCliConfig(options.config, io, now);
  const checks = config ? selectConfiguredChecks(selected, config, frameworks) : selected;
  if (config && selected.length > 0 && checks.length === 0) {
    throw new UsageError(`${config.file} disables every selected check (its checks, services or frameworks settings)`);
  }
  const evaluate = (inventory: Inventory, extras: EvaluateExtras = {}): ScanResult => {
    const requested = extras.frameworks ?? [];
    if (!config) return evaluateInventory(inventory, { checks, now, frameworks: requested });
    const enabled = frameworks.filter((framework) => config.frameworks.enable.includes(framework.id) && !requested.includes(framework));
    const scoped = scopeInventory(inventory, config.scope);
    const application = applyConfig(config, scoped, now);
    const result = evaluateInventory(scoped, {
      checks,
      now,
      adjustFinding: application.adjustFinding,
      attestations: application.attestations,
      frameworks: [...requested, ...enabled],
    });
    reportConfigIssues(application.unusedWarnings(result), 'warning', io);
    return result;
  };
  const scan: ConfiguredScan = { checks, now, evaluate, scanPaths: async (paths, extras) => evaluate(await loadPaths(paths, { onFile: extras?.onFile }), extras) };
  if (config) scan.config = config;
  return scan;
}
