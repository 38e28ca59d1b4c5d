// The library's one entry point: `scan(options)` reads templates or a live account, selects the checks, applies the
// configuration and a baseline, and returns the result with its problems as data. It never prints and never exits:
// the CLI (src/cli) is a thin shell that parses arguments, shows progress and problems, writes outputs and picks
// the exit code from `exitHints`.
import { ScanInputError, configuredChecks, evaluateConfigured, loadScanConfig, type Problem } from './config/cli.js';
import { loadBaseline, withBaseline, type BaselineReport } from './baseline/cli.js';
import { allChecks } from './checks/index.js';
import { typesToCollect } from './checks/reads.js';
import { selectChecks } from './checks/select.js';
import type { Check } from './checks/types.js';
import { didYouMean } from './config/suggest.js';
import type { DemarcConfig } from './config/types.js';
import type { ActiveAttestation } from './engine/matrix.js';
import type { Finding, ScanResult } from './engine/result.js';
import { failsAt } from './engine/summary.js';
import { matchesCheckPattern } from './glob.js';
import { loadPaths, type LoadOptions } from './inventory/load-paths.js';
import type { CollectionGap, Inventory } from './inventory/resource.js';
import { collectableTypes } from './inventory/sources/aws/collectors/index.js';
import { AwsCredentialsError } from './inventory/sources/aws/errors.js';
import { gapLine } from './inventory/sources/aws/run.js';
import { scanAws, type AccountReport, type AwsScanOptions, type ScanEvent } from './inventory/sources/aws/scan.js';
import type { CallStats } from './inventory/sources/aws/session.js';
import { getFramework } from './model/frameworks/index.js';
import { services as modelServices } from './model/services.js';
import type { Framework } from './model/types.js';
import { SEVERITIES, type Severity } from './model/vocabulary.js';

export { ScanInputError, type Problem, type ProblemKind } from './config/cli.js';
export type { BaselineReport } from './baseline/cli.js';

/** A live AWS target: read-only, through the standard credential chain (honours `AWS_ENDPOINT_URL`). */
export interface AwsTarget {
  /** A profile of the shared config files; default: the standard chain. */
  profile?: string;
  /** Regions to scan; default: the configured region. */
  regions?: readonly string[];
  /** Every region enabled for the account (not with `regions`). */
  allRegions?: boolean;
  /** Assume each role and scan its account. */
  roleArns?: readonly string[];
  /** Assume this role in every active account of the organization. */
  orgRole?: string;
}

/** Which checks run. Every list is optional; empty lists narrow nothing. */
export interface CheckSelectionOptions {
  /** Check ids or globs (`s3-*`). */
  ids?: readonly string[];
  /** Service ids (`s3`, `ec2`). */
  services?: readonly string[];
  /** Check ids or globs to leave out. */
  skip?: readonly string[];
  /** The checks to choose from; default: every check demarc has. */
  catalogue?: readonly Check[];
}

/** What `scan` reports as it goes, for a progress display. */
export type ScanProgress =
  | { kind: 'file'; path: string }
  | { kind: 'aws'; event: ScanEvent }
  | { kind: 'aws-collected'; accounts: readonly AccountReport[]; stats: CallStats; resources: number; gaps: readonly CollectionGap[] };

export interface ScanOptions {
  /** Templates, plans, state files and folders. Give either `paths` or `aws`. */
  paths?: readonly string[];
  /** A live account (or several) to collect. */
  aws?: AwsTarget;
  checks?: CheckSelectionOptions;
  /** Frameworks (ids or objects) whose checks alone run and whose items are reported. */
  frameworks?: ReadonlyArray<string | Framework>;
  /**
   * The configuration: a path (resolved against `cwd`, named as given in problems) or a parsed one
   * (`parseConfig`). Absent: none; the library never looks for `demarc.config.yaml` itself (`findConfigFile`
   * finds it).
   */
  config?: string | DemarcConfig;
  /** A saved JSON result (a path, resolved against `cwd`, or the result): only findings new since it are reported. */
  baseline?: string | ScanResult;
  /** Globs over paths relative to each scanned folder (`test/**`): those files and folders are not read. */
  exclude?: readonly string[];
  /** The scan's clock (expiry of suppressions and attestations, the result's date); default: now. */
  now?: Date;
  /** The folder that relative `config` and `baseline` paths start from; default: the process's. */
  cwd?: string;
  /** The environment for AWS (credentials, `AWS_ENDPOINT_URL`); default: the process's. */
  env?: Readonly<Record<string, string | undefined>>;
  onProgress?: (progress: ScanProgress) => void;
  /** Attestations of the caller's own, added to the configuration's. */
  attestations?: readonly ActiveAttestation[];
  /** Applied to each finding after the configuration's suppressions and severity overrides. */
  adjustFinding?: (finding: Finding) => Finding;
  /** Replaces the file sources (tests, extensions). */
  sources?: LoadOptions['sources'];
  /** Options passed to the live collection as they are (tests: credentials, collectors, call settings). */
  awsOptions?: Partial<AwsScanOptions>;
}

/** Facts a caller turns into an exit code; the library picks none. */
export interface ExitHints {
  /** Nothing could be read: every path named failed, or every call to AWS was denied or failed. */
  nothingRead: boolean;
  /** Input was read but no resource was evaluated (a folder with no template, templates without resources). */
  nothingEvaluated: boolean;
  /** The most severe customer-owned, unsuppressed failure reported; absent when there is none. */
  worstFailure?: Severity;
  /** Something could not be collected (see `gaps`). */
  hasGaps: boolean;
}

export interface ScanOutcome {
  result: ScanResult;
  /** Warnings and errors, in the order they arose: configuration, unread files, AWS, nothing evaluated. */
  problems: Problem[];
  /** What could not be collected (denied, region not enabled, throttled ...): also `result.coverage.gaps`. */
  gaps: CollectionGap[];
  exitHints: ExitHints;
  /** What the baseline left out, when one was given. */
  baseline?: BaselineReport;
}

const SERVICE_IDS = [...new Set([...modelServices.map((service) => service.id), ...allChecks.map((check) => check.service)])].sort();

const selectionError = (message: string): ScanInputError => new ScanInputError(message, [{ kind: 'options', severity: 'error', message }]);

/** Service ids must name a service with checks: an unknown one (`s4`, `S3`) stops the scan, with a suggestion. */
function checkServices(names: readonly string[], catalogue: readonly Check[]): void {
  for (const name of names) {
    if (!SERVICE_IDS.includes(name) && !catalogue.some((check) => check.service === name)) {
      const sameLetters = SERVICE_IDS.find((id) => id === name.toLowerCase());
      const hint = sameLetters ? ` (did you mean ${sameLetters}? service ids are lower case)` : didYouMean(name, SERVICE_IDS);
      throw selectionError(`unknown service ${name}${hint}; \`demarc matrix\` lists the services`);
    }
    if (!catalogue.some((check) => check.service === name)) throw selectionError(`no check covers the service ${name} yet (\`demarc checks\` lists the checks by service)`);
  }
}

/** The checks and frameworks a selection names; a name that matches nothing stops the scan. */
export function selectScanChecks(selection: CheckSelectionOptions = {}, frameworkIds: ReadonlyArray<string | Framework> = []): { checks: Check[]; frameworks: Framework[] } {
  const catalogue = selection.catalogue ?? allChecks;
  const ids = selection.ids ?? [];
  const services = selection.services ?? [];
  const skip = selection.skip ?? [];
  const frameworks = frameworkIds.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const framework = getFramework(entry);
    if (!framework) throw selectionError(`unknown framework ${entry} (see \`demarc frameworks\`)`);
    return framework;
  });
  checkServices(services, catalogue);
  let selected: Check[];
  try {
    selected = selectChecks({ ids, services }, catalogue);
  } catch (error) {
    throw selectionError(error instanceof Error ? error.message : String(error));
  }
  if (selected.length === 0 && catalogue.length > 0) throw selectionError(`no check is both among ${ids.join(', ')} and of the services ${services.join(', ')}`);
  const unmatchedSkips = skip.filter((pattern) => !catalogue.some((check) => matchesCheckPattern(pattern, check.id)));
  if (unmatchedSkips.length > 0) throw selectionError(`no check matches ${unmatchedSkips.join(', ')} to skip (see \`demarc checks\`)`);
  const kept = selected.filter((check) => !skip.some((pattern) => matchesCheckPattern(pattern, check.id)));
  if (kept.length === 0 && selected.length > 0) throw selectionError(`every selected check is skipped (${skip.join(', ')})`);
  if (frameworks.length === 0) return { checks: kept, frameworks };
  const inFrameworks = new Set(frameworks.flatMap((framework) => framework.items.flatMap((item) => item.checks)));
  const checks = kept.filter((check) => inFrameworks.has(check.id));
  if (checks.length === 0) throw selectionError(`none of the selected checks belongs to the framework ${frameworks.map((framework) => framework.id).join(', ')}`);
  return { checks, frameworks };
}

const TEMPLATE_KINDS = 'a CloudFormation template (.yaml, .yml, .json, .template), a Terraform plan or state (.json, .tfstate) or Terraform configuration (.tf, .tf.json)';

/**
 * Why a file scan evaluated nothing, or undefined when it evaluated something. Unreadable paths are problems of
 * their own already; a folder of package.json and workflow files, or templates without resources, are said here.
 */
function nothingEvaluated(result: ScanResult, paths: readonly string[], looked: readonly string[]): string | undefined {
  if (result.sources.length > 0 && result.sources.some((source) => source.resources > 0)) return undefined;
  if (result.sources.length > 0) {
    return `nothing was evaluated: ${result.sources.map((source) => source.file).join(', ')} define${result.sources.length === 1 ? 's' : ''} no resources`;
  }
  if (result.coverage.problems.some((problem) => problem.fatal)) return undefined;
  const shown = looked.slice(0, 5).join(', ');
  const files = looked.length === 0 ? 'no file with a template extension' : `${looked.length} file${looked.length === 1 ? '' : 's'} (${shown}${looked.length > 5 ? ', ...' : ''}), none of them a template`;
  return `nothing was evaluated: ${paths.join(', ')} hold${paths.length === 1 ? 's' : ''} ${files}; demarc reads ${TEMPLATE_KINDS}`;
}

interface Collected {
  inventory: Inventory;
  problems: Problem[];
  nothingRead: boolean;
}

/** Collects what the checks read from live accounts; unusable credentials stop the scan. */
async function collectAws(target: AwsTarget, checks: readonly Check[], options: ScanOptions): Promise<Collected> {
  if (target.allRegions && target.regions && target.regions.length > 0) throw selectionError('give either regions or all regions, not both');
  const collectable = collectableTypes();
  // The closure of what the checks judge and look up: selecting one check collects everything it needs.
  const resourceTypes = typesToCollect(checks).filter((type) => collectable.has(type));
  const scanOptions: AwsScanOptions = {
    resourceTypes,
    env: options.env ?? process.env,
    onEvent: (event) => options.onProgress?.({ kind: 'aws', event }),
    ...options.awsOptions,
  };
  if (target.profile !== undefined) scanOptions.profile = target.profile;
  if (target.regions && target.regions.length > 0) scanOptions.regions = target.regions;
  if (target.allRegions) scanOptions.allRegions = true;
  if (target.roleArns && target.roleArns.length > 0) scanOptions.roleArns = target.roleArns;
  if (target.orgRole !== undefined) scanOptions.orgRole = target.orgRole;
  let outcome;
  try {
    outcome = await scanAws(scanOptions);
  } catch (error) {
    if (error instanceof AwsCredentialsError) throw new ScanInputError(error.message, [{ kind: 'aws', severity: 'error', message: error.message }]);
    throw error;
  }
  const { inventory } = outcome;
  options.onProgress?.({ kind: 'aws-collected', accounts: outcome.accounts, stats: outcome.stats, resources: inventory.resources.length, gaps: inventory.gaps });
  const nothingRead = outcome.accounts.length > 0 && inventory.gaps.length > 0 && outcome.accounts.every((account) => account.answered === 0);
  // An account that could not be scanned at all is a gap of its own (and a progress event), not a problem.
  const problems: Problem[] = [];
  if (nothingRead) {
    const first = inventory.gaps[0];
    problems.push({
      kind: 'aws',
      severity: 'error',
      message: `nothing could be read: every call the scan made was denied or failed (${inventory.gaps.length} gap(s)${first ? `, first: ${gapLine(first)}` : ''}), so no check can be judged. Run \`demarc policy\` for the read-only IAM policy the scan needs, attach it to the principal, and try again.`,
    });
  }
  return { inventory, problems, nothingRead };
}

/**
 * Scans templates and folders (`paths`) or live accounts (`aws`): selects the checks, reads the configuration and
 * the baseline first (so that a mistake costs no scan), collects, evaluates, and returns the result with its
 * problems and the facts an exit code depends on. Throws `ScanInputError` when the input stops the scan (a
 * configuration with errors, an unreadable baseline, a selection of no check, unusable AWS credentials).
 */
export async function scan(options: ScanOptions): Promise<ScanOutcome> {
  const paths = options.paths ?? [];
  if (options.aws && paths.length > 0) throw selectionError('give either paths or an AWS target, not both');
  if (!options.aws && paths.length === 0) throw selectionError('give paths to scan, or an AWS target');
  if (options.aws && options.exclude && options.exclude.length > 0) throw selectionError('exclude globs apply to scanned folders, not to an AWS target');
  const now = options.now ?? new Date();
  const cwd = options.cwd ?? process.cwd();
  const { checks: selected, frameworks } = selectScanChecks(options.checks, options.frameworks);

  const problems: Problem[] = [];
  let config: DemarcConfig | undefined;
  if (typeof options.config === 'string') {
    const loaded = await loadScanConfig(options.config, { cwd, now });
    config = loaded.config;
    problems.push(...loaded.problems);
  } else config = options.config;
  const checks = configuredChecks(selected, config);
  const baseline = options.baseline === undefined ? undefined : await loadBaseline(options.baseline, cwd);

  let inventory: Inventory;
  let awsProblems: Problem[] = [];
  let awsNothingRead = false;
  const looked: string[] = [];
  if (options.aws) {
    const collected = await collectAws(options.aws, checks, options);
    inventory = collected.inventory;
    awsProblems = collected.problems;
    awsNothingRead = collected.nothingRead;
  } else {
    const onFile = (path: string): void => {
      looked.push(path);
      options.onProgress?.({ kind: 'file', path });
    };
    inventory = await loadPaths(paths, { onFile, exclude: options.exclude, sources: options.sources });
  }

  const evaluated = evaluateConfigured(inventory, { checks, now, config, frameworks, attestations: options.attestations, adjustFinding: options.adjustFinding });
  problems.push(...evaluated.problems);
  let result = evaluated.result;
  let report: BaselineReport | undefined;
  if (baseline) {
    ({ result, report } = withBaseline(result, baseline));
    problems.push({ kind: 'baseline', severity: 'info', file: report.file, message: report.description });
  }
  for (const problem of result.coverage.problems) {
    const entry: Problem = { kind: 'source', severity: problem.fatal ? 'error' : 'warning', file: problem.file, message: problem.message };
    if (problem.line !== undefined) entry.line = problem.line;
    problems.push(entry);
  }
  problems.push(...awsProblems);
  const idle = options.aws ? undefined : nothingEvaluated(result, paths, looked);
  if (idle !== undefined) problems.push({ kind: 'nothing-evaluated', severity: 'error', message: idle });

  const nothingRead = awsNothingRead || (result.sources.length === 0 && result.coverage.problems.some((problem) => problem.fatal));
  const exitHints: ExitHints = { nothingRead, nothingEvaluated: idle !== undefined, hasGaps: result.coverage.gaps.length > 0 };
  const worst = SEVERITIES.find((severity) => failsAt(result.findings, severity));
  if (worst !== undefined) exitHints.worstFailure = worst;
  const outcome: ScanOutcome = { result, problems, gaps: result.coverage.gaps, exitHints };
  if (report) outcome.baseline = report;
  return outcome;
}

export interface ScanPathsOptions extends LoadOptions {
  checks?: readonly Check[];
  now?: Date;
  attestations?: readonly ActiveAttestation[];
  adjustFinding?: (finding: Finding) => Finding;
  frameworks?: readonly Framework[];
  /** A configuration file (path) or a parsed configuration to apply. */
  config?: string | DemarcConfig;
}

/** Scans templates, plans, state files and folders, and returns the result alone (see `scan` for the rest). */
export async function scanPaths(paths: readonly string[], options: ScanPathsOptions = {}): Promise<ScanResult> {
  const { checks, onFile, ...rest } = options;
  const outcome = await scan({
    ...rest,
    paths,
    checks: { catalogue: checks ?? allChecks },
    onProgress: onFile ? (progress) => { if (progress.kind === 'file') onFile(progress.path); } : undefined,
  });
  return outcome.result;
}
