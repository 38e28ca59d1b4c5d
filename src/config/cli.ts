// What a scan takes from its setting: the clock, the configuration file, and the checks the configuration leaves.
// Library code: problems are returned as data, and input that stops a scan is a `ScanInputError`; nothing here
// prints or exits (the CLI decides how to show a problem and which exit code it means).
import { isAbsolute, resolve } from 'node:path';
import type { Check } from '../checks/types.js';
import type { ActiveAttestation } from '../engine/matrix.js';
import type { Finding, ScanResult } from '../engine/result.js';
import { evaluateInventory } from '../engine/scan.js';
import type { Inventory } from '../inventory/resource.js';
import type { Framework } from '../model/types.js';
import { frameworks as knownFrameworks } from '../model/frameworks/index.js';
import { applyConfig, scopeInventory, selectConfiguredChecks } from './apply.js';
import { clockFromEnv } from './dates.js';
import { readConfigFile } from './load.js';
import { emptyConfig, type ConfigIssue, type DemarcConfig } from './types.js';

/** What a problem is about, for callers that treat some kinds differently. */
export type ProblemKind =
  /** The configuration file, as read (schema, unknown ids, expired entries). */
  | 'config'
  /** An entry of the configuration that applied to nothing in this scan. */
  | 'config-unused'
  /** A file or folder that could not be read, or was skipped. */
  | 'source'
  /** The baseline: what it left out (severity info). */
  | 'baseline'
  /** The check selection, the clock or another option. */
  | 'options'
  /** The live AWS collection. */
  | 'aws'
  /** Input was read but no resource was evaluated. */
  | 'nothing-evaluated';

/** One problem of a scan, as data: where it is (when it is in a file), what is wrong, and how bad it is. */
export interface Problem {
  kind: ProblemKind;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file?: string;
  line?: number;
}

/**
 * Input that stops a scan before it runs: a configuration with errors, an unreadable baseline, a selection that
 * names no check, unusable AWS credentials. `problems` lists the details (every error of a configuration, say).
 */
export class ScanInputError extends Error {
  constructor(message: string, readonly problems: readonly Problem[] = []) {
    super(message);
    this.name = 'ScanInputError';
  }
}

/** A configuration issue as a problem; the key, when known, leads the message (`suppressions[0].reason: ...`). */
export function issueProblem(issue: ConfigIssue, severity: Problem['severity'], kind: ProblemKind = 'config'): Problem {
  const problem: Problem = { kind, severity, file: issue.file, message: issue.key ? `${issue.key}: ${issue.message}` : issue.message };
  if (issue.line !== undefined) problem.line = issue.line;
  return problem;
}

/** The scan's clock: `DEMARC_NOW` when set (tests), otherwise the real time. */
export function scanClock(env: Readonly<Record<string, string | undefined>>): Date {
  try {
    return clockFromEnv(env) ?? new Date();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ScanInputError(message, [{ kind: 'options', severity: 'error', message }]);
  }
}

/** `scanClock` for a caller that holds an environment (the CLI's io). */
export function cliClock(io: { env: Readonly<Record<string, string | undefined>> }): Date {
  return scanClock(io.env);
}

export interface LoadedConfig {
  config: DemarcConfig;
  /** Warnings about the file (expired entries, ids that match nothing ...). */
  problems: Problem[];
}

/**
 * Reads a configuration file: `path` is resolved against `cwd` and named as given in problems. A file with errors
 * throws a `ScanInputError` that lists every error (and the warnings) as problems.
 */
export async function loadScanConfig(path: string, options: { cwd?: string; now: Date }): Promise<LoadedConfig> {
  const absolute = isAbsolute(path) ? path : resolve(options.cwd ?? process.cwd(), path);
  const load = await readConfigFile(absolute, { now: options.now });
  // Problems name the file as the caller gave it, not as an absolute path.
  const named = (issues: readonly ConfigIssue[], severity: Problem['severity']): Problem[] => issues.map((issue) => issueProblem({ ...issue, file: path }, severity));
  const warnings = named(load.warnings, 'warning');
  if (!load.config) {
    const count = load.errors.length;
    throw new ScanInputError(`${path}: ${count} error${count === 1 ? '' : 's'} in the configuration; nothing was scanned`, [...warnings, ...named(load.errors, 'error')]);
  }
  return { config: { ...load.config, file: path }, problems: warnings };
}

/** The checks a configuration leaves of `selected`; a configuration that leaves none stops the scan. */
export function configuredChecks(selected: readonly Check[], config: DemarcConfig | undefined): readonly Check[] {
  if (!config) return selected;
  const checks = selectConfiguredChecks(selected, config, knownFrameworks);
  if (selected.length > 0 && checks.length === 0) {
    const message = `${config.file} disables every selected check (its checks, services or frameworks settings)`;
    throw new ScanInputError(message, [{ kind: 'config', severity: 'error', file: config.file, message: 'disables every selected check' }]);
  }
  return checks;
}

export interface ConfiguredEvaluation {
  checks: readonly Check[];
  now: Date;
  config?: DemarcConfig;
  /** Frameworks to report per item; those the configuration enables are added. */
  frameworks?: readonly Framework[];
  /** Attestations and a finding adjustment of the caller's own, applied after the configuration's. */
  attestations?: readonly ActiveAttestation[];
  adjustFinding?: (finding: Finding) => Finding;
}

/** Evaluates an inventory from any source with the configuration applied (scope, suppressions, attestations). */
export function evaluateConfigured(inventory: Inventory, options: ConfiguredEvaluation): { result: ScanResult; problems: Problem[] } {
  const { checks, now } = options;
  // Without a configuration file the suppressions written in the code still apply: an empty one applies only those.
  const config = options.config ?? emptyConfig('');
  const requested = options.frameworks ?? [];
  const own = options.adjustFinding;
  const enabled = knownFrameworks.filter((framework) => config.frameworks.enable.includes(framework.id) && !requested.includes(framework));
  const scoped = scopeInventory(inventory, config.scope);
  const application = applyConfig(config, scoped, now);
  const result = evaluateInventory(application.inventory, {
    checks,
    now,
    adjustFinding: own ? (finding) => own(application.adjustFinding(finding)) : application.adjustFinding,
    attestations: [...application.attestations, ...(options.attestations ?? [])],
    frameworks: [...requested, ...enabled],
  });
  return { result, problems: application.unusedWarnings(result).map((issue) => issueProblem(issue, 'warning', 'config-unused')) };
}
