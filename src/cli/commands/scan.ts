import { InvalidArgumentError, type Command } from 'commander';
import { matchesCheckPattern } from '../../glob.js';
import type { ScanResult } from '../../engine/result.js';
import { failsAt } from '../../engine/summary.js';
import { getOutputFormat, outputFormats, type OutputFormat, type RenderOptions } from '../../report/formats.js';
import { plain } from '../../report/terminal-style.js';
import { asffMissingAccount, isAwsRegion } from '../../report/asff.js';
import { isSeverity, SEVERITIES } from '../../model/vocabulary.js';
import { severityRank, type Severity } from '../../model/vocabulary.js';
import { findConfigFile } from '../../config/load.js';
import { scan, ScanInputError, type AwsTarget, type Problem, type ScanOutcome, type ScanProgress } from '../../scan.js';
import { scanClock } from '../../config/cli.js';
import { gapLine } from '../../inventory/sources/aws/run.js';
import { progressReporter } from '../../inventory/sources/aws/progress.js';
import type { CallStats } from '../../inventory/sources/aws/session.js';
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError } from '../exit-codes.js';
import { checkOutputPath, useColor, writeOutput, writeStdout, type CliIo, type OutputPieces } from '../io.js';
import type { CommandContext } from '../main.js';
import { fileProgress } from '../file-progress.js';
import { collect, parseSeverityThreshold } from '../options.js';
import { planOutputs, type OutputCatalogue, type PlannedOutput } from '../outputs.js';

export interface ScanCommandOptions {
  format: string[];
  output: string[];
  failOn: Severity | 'none';
  check: string[];
  skipCheck: string[];
  exclude: string[];
  service: string[];
  framework: string[];
  color?: boolean;
  config?: string;
  baseline?: string;
  aws?: boolean;
  failOnGaps?: boolean;
  profile?: string;
  region: string[];
  allRegions?: boolean;
  roleArn: string[];
  orgRole?: string;
  quiet?: boolean;
  asffAccount?: string;
  asffRegion?: string;
  compact?: boolean;
  severity?: Severity;
}

/** What `emitResult` needs from a command's options; the ASFF target is optional for commands without it. */
export type EmitOptions = { format?: string[]; output?: string[]; color?: boolean; asffAccount?: string; asffRegion?: string; compact?: boolean; severity?: Severity };

/** Adds the options that say where ASFF findings of template scans are imported. */
export function addAsffOptions(command: Command): Command {
  return command
    .option('--asff-account <id>', 'with --format asff: the 12-digit account to import template findings into', parseAccountId)
    .option('--asff-region <region>', 'with --format asff: the region to import template findings into (such as eu-west-1)', parseRegion);
}

/** Adds the options that say how much of the result the text shows (a display choice: the exit code is --fail-on's). */
export function addViewOptions(command: Command): Command {
  return command
    .option('--compact', 'text: findings grouped by check with resource counts, and a table per layer and severity (automatic above 400 lines of findings)')
    .option('--no-compact', 'text: list every finding, however many')
    .option('--severity <level>', `text: show only findings at or above this severity (${SEVERITIES.join(', ')}); --fail-on still decides the exit code`, parseDisplaySeverity);
}

function parseDisplaySeverity(value: string): Severity {
  if (isSeverity(value)) return value;
  throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')}`);
}

function parseAccountId(value: string): string {
  // Security Hub rejects the all-zero account on import.
  if (/^\d{12}$/.test(value) && value !== '000000000000') return value;
  throw new InvalidArgumentError('expected the 12-digit id of a real AWS account');
}

function parseRegion(value: string): string {
  if (isAwsRegion(value)) return value;
  throw new InvalidArgumentError('expected an AWS region such as us-east-1 or eu-west-2');
}

/**
 * Result formats by file name: each format's own extension (`.json`, `.sarif`, `.html`, `.csv`, `.md`, `.xml` for
 * JUnit, `.txt`); OSCAL and ASFF (JSON) and the CRM (CSV) are written only when asked for with `--format`.
 */
export const RESULT_OUTPUTS: OutputCatalogue = (() => {
  const byExtension: Record<string, string> = {};
  const alsoFits: Record<string, string[]> = {};
  const suffixes: Record<string, string> = {};
  for (const format of outputFormats) {
    const last = `.${format.extension.split('.').pop() ?? format.extension}`;
    if (format.extension.includes('.')) {
      alsoFits[format.id] = [last];
      suffixes[format.id] = `.${format.extension}`;
    } else byExtension[last] = format.id;
  }
  Object.assign(byExtension, { '.htm': 'html', '.markdown': 'markdown' });
  return { ids: outputFormats.map((format) => format.id), byExtension, alsoFits, suffixes, defaultFormat: 'text' };
})();

/** The help text of `--format` and `--output`, shared by the commands that write results. */
export const FORMAT_HELP = `output format, repeatable (${outputFormats.map((format) => format.id).join(', ')}); with --output, goes to the file whose extension fits it`;
export const OUTPUT_HELP = 'write to a file, repeatable; the format comes from the extension (.json, .sarif, .html, .csv, .md, .xml for JUnit, .txt); - is standard output';

/**
 * Where each format goes (see `planOutputs`), with every output path that could never be written (a device, a
 * FIFO, a folder) refused: checked before any scan, so that a mistake costs nothing.
 */
export async function planResultOutputs(options: EmitOptions, io: Pick<CliIo, 'cwd'>): Promise<PlannedOutput[]> {
  const plan = planOutputs(options.format ?? [], options.output ?? [], RESULT_OUTPUTS, io.cwd);
  for (const { path } of plan) if (path !== undefined) await checkOutputPath(path);
  return plan;
}

function pieces(format: OutputFormat, result: ScanResult, options: RenderOptions): OutputPieces {
  return format.chunks ? format.chunks(result, options) : [format.render(result, options)];
}

/** Writes each planned output: files atomically and in pieces, then standard output. */
export async function emitResult(result: ScanResult, options: EmitOptions, io: CliIo, planned?: readonly PlannedOutput[]): Promise<void> {
  const plan = planned ?? (await planResultOutputs(options, io));
  for (const { format: id, path } of plan) {
    const format = getOutputFormat(id);
    if (!format) throw new UsageError(`unknown format ${id} (one of ${RESULT_OUTPUTS.ids.join(', ')})`);
    if (id === 'asff' && asffMissingAccount(result, { account: options.asffAccount })) {
      throw new UsageError('--format asff of a template scan needs --asff-account <12-digit id>: templates name no account, and Security Hub rejects 000000000000 on import');
    }
    const toTerminal = path === undefined;
    const renderOptions: RenderOptions = {
      color: toTerminal && useColor(io, io.stdoutIsTty, options.color),
      width: toTerminal ? Math.max(60, io.columns) : 100,
      account: options.asffAccount,
      region: options.asffRegion,
      compact: options.compact,
      severity: options.severity,
    };
    if (path === undefined) await writeStdout(io, pieces(format, result, renderOptions));
    else {
      await writeOutput(path, pieces(format, result, renderOptions));
      io.stderr(`wrote ${id} to ${path}\n`);
    }
  }
}

export function exitCodeFor(result: ScanResult, failOn: Severity | 'none'): number {
  const readSomething = result.sources.length > 0;
  if (!readSomething && result.coverage.problems.some((problem) => problem.fatal)) return EXIT_ERROR;
  if (failOn !== 'none' && failsAt(result.findings, failOn)) return EXIT_FINDINGS;
  return EXIT_CLEAN;
}

export function reportProblems(result: ScanResult, io: CliIo): void {
  for (const problem of result.coverage.problems) {
    const where = `${plain(problem.file)}${problem.line ? `:${problem.line}` : ''}`;
    io.stderr(`demarc: ${problem.fatal ? 'error' : 'warning'}: ${where}: ${plain(problem.message)}\n`);
  }
}

/** `--check` patterns whose checks all evaluated nothing: a warning each, with the reason the engine gives. */
export function reportIdleChecks(result: ScanResult, patterns: readonly string[], io: CliIo): void {
  const coverage = new Map(result.coverage.checks.map((entry) => [entry.checkId, entry]));
  for (const pattern of patterns) {
    const entries = [...coverage.values()].filter((entry) => matchesCheckPattern(pattern, entry.checkId));
    if (entries.length === 0 || entries.some((entry) => entry.evaluated > 0)) continue;
    const [first] = entries;
    const reason = first?.reason ? `: ${first.reason}` : '';
    const what = entries.length === 1 ? `check ${first?.checkId ?? pattern}` : `--check ${pattern} (${entries.length} checks)`;
    io.stderr(`demarc: warning: ${plain(what)} evaluated nothing${plain(reason)}\n`);
  }
}

/** Options that only mean something with --aws. */
const AWS_ONLY: ReadonlyArray<[keyof ScanCommandOptions, string]> = [
  ['profile', '--profile'], ['region', '--region'], ['allRegions', '--all-regions'], ['roleArn', '--role-arn'], ['orgRole', '--org-role'],
];

function isGiven(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false;
}

/** Commander leaves a repeatable option undefined when it is not given (so that help shows no `(default: [])`). */
function withLists(options: Partial<ScanCommandOptions> & Pick<ScanCommandOptions, 'failOn'>): ScanCommandOptions {
  return { ...options, format: options.format ?? [], output: options.output ?? [], check: options.check ?? [], skipCheck: options.skipCheck ?? [], exclude: options.exclude ?? [], service: options.service ?? [], framework: options.framework ?? [], region: options.region ?? [], roleArn: options.roleArn ?? [] };
}

/** One problem on standard error: `demarc: warning: file:line: message`; information as `demarc: message`. */
export function printProblem(problem: Problem, io: CliIo): void {
  if (problem.severity === 'info') {
    io.stderr(`demarc: ${plain(problem.message)}\n`);
    return;
  }
  const where = problem.file === undefined ? '' : `${plain(problem.file)}${problem.line !== undefined ? `:${problem.line}` : ''}: `;
  io.stderr(`demarc: ${problem.severity}: ${where}${plain(problem.message)}\n`);
}

/**
 * The live collection's progress on standard error (unless quiet): events as they come, then one line of coverage
 * and the first gaps, whole listings before single resources' details.
 */
function awsProgress(io: CliIo, quiet: boolean | undefined): (progress: ScanProgress) => void {
  if (quiet) return () => undefined;
  let stats: CallStats = { calls: 0, retries: 0, failures: 0 };
  const reporter = progressReporter({ write: (text) => io.stderr(text), tty: io.stderrIsTty, stats: () => stats });
  return (progress) => {
    if (progress.kind === 'aws') reporter.onEvent(progress.event);
    if (progress.kind !== 'aws-collected') return;
    stats = progress.stats;
    reporter.done();
    const gaps = progress.gaps.filter((gap) => gap.resourceId === undefined);
    const narrow = progress.gaps.filter((gap) => gap.resourceId !== undefined);
    io.stderr(
      `demarc: collected ${progress.resources} resources from ${progress.accounts.length} account(s); ${gaps.length} collection gap(s)${narrow.length > 0 ? `, ${narrow.length} resource detail(s) unread` : ''}\n`,
    );
    const lines = [...new Set([...gaps, ...narrow].map(gapLine))];
    for (const line of lines.slice(0, 10)) io.stderr(`demarc: gap: ${line}\n`);
    if (lines.length > 10) io.stderr(`demarc: ... and ${lines.length - 10} more gaps (see the JSON output's coverage.gaps)\n`);
  };
}

/** The exit code of a scan: 2 when nothing could be read or evaluated, 1 at `--fail-on` (or on gaps), else 0. */
function scanExitCode(outcome: ScanOutcome, options: Pick<ScanCommandOptions, 'failOn' | 'failOnGaps'>): number {
  const { exitHints } = outcome;
  if (exitHints.nothingRead || exitHints.nothingEvaluated) return EXIT_ERROR;
  if (options.failOn !== 'none' && exitHints.worstFailure !== undefined && severityRank(exitHints.worstFailure) >= severityRank(options.failOn)) return EXIT_FINDINGS;
  return options.failOnGaps && exitHints.hasGaps ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** A scan stopped by its input: its details on standard error, then the reason, exit code 2. */
function usageErrorFrom(error: ScanInputError, io: CliIo): UsageError {
  const baseline = error.problems.find((problem) => problem.kind === 'baseline');
  const message = baseline ? `--baseline ${baseline.message}` : error.message;
  // Details the message does not say already (each error of a configuration file).
  for (const problem of error.problems) if (!message.includes(problem.message)) printProblem(problem, io);
  return new UsageError(message);
}

export function registerScanCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('scan')
    .description('scan CloudFormation templates, Terraform plans, state and .tf folders, or live accounts (--aws): matrix and findings')
    .argument('[paths...]', 'templates or folders to scan (or --aws for live accounts)')
    .option('-f, --format <format>', FORMAT_HELP, collect)
    .option('-o, --output <file>', OUTPUT_HELP, collect)
    .option('--fail-on <severity>', 'exit 1 when a customer-owned failure is at or above this severity (critical, high, medium, low, info, none)', parseSeverityThreshold, 'low')
    .option('-c, --check <id>', 'run only these checks (ids or globs such as s3-*; repeatable)', collect)
    .option('--skip-check <id>', 'leave out these checks (ids or globs such as iam-*; repeatable)', collect)
    .option('-s, --service <id>', 'run only the checks of these services (repeatable)', collect)
    .option('--framework <id>', 'run only the checks of a framework and report each of its items (cis-aws-v5, nist-800-53; repeatable)', collect)
    .option('--exclude <glob>', 'do not read these files or folders below a scanned folder (globs relative to it, such as test/**; repeatable)', collect)
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--config <file>', 'configuration: suppressions, attestations, scope (default: demarc.config.yaml in the current folder, if any)')
    .option('--baseline <result.json>', 'report and fail only on findings that are new since this earlier JSON result')
    .option('--aws', 'scan live AWS accounts (read-only) instead of files')
    .option('--profile <name>', 'AWS profile for --aws (default: the standard credential chain)')
    .option('--region <region>', 'region to scan with --aws (repeatable; default: the configured region)', collect)
    .option('--all-regions', 'with --aws: every region enabled for the account')
    .option('--role-arn <arn>', 'with --aws: assume this role and scan its account (repeatable)', collect)
    .option('--org-role <name>', 'with --aws: assume this role in every active account of the organization')
    .option('--timeout <duration>', 'with --aws: stop collecting after this long (such as 90s, 10m); calls not made become gaps', '30m')
    .option('--fail-on-gaps', 'exit 1 when anything could not be collected (denied, region not enabled, throttled, a Terraform module not downloaded ...)')
    .option('-q, --quiet', 'no progress on standard error');
  addAsffOptions(addViewOptions(command))
    .addHelpText('after', '\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, or nothing could be read or evaluated.')
    .action(async (paths: string[], raw: Partial<ScanCommandOptions> & Pick<ScanCommandOptions, 'failOn'>) => {
      const options = withLists(raw);
      const { io } = context;
      // Every mistake on the command line is reported before anything is read.
      const plan = await planResultOutputs(options, io);
      if (options.aws && paths.length > 0) throw new UsageError('give either templates and folders or --aws, not both');
      if (!options.aws && paths.length === 0) throw new UsageError('give templates or folders to scan, or --aws to scan a live account');
      if (!options.aws) {
        // --timeout has a default, so only one written on the command line counts as given.
        const timeout = command.getOptionValueSource('timeout') === 'cli' ? ['--timeout'] : [];
        const awsOnly = [...AWS_ONLY.filter(([key]) => isGiven(options[key])).map(([, flag]) => flag), ...timeout];
        if (awsOnly.length > 0) throw new UsageError(`${awsOnly.join(', ')} ${awsOnly.length === 1 ? 'goes' : 'go'} with --aws (a live scan); templates and folders are scanned without ${awsOnly.length === 1 ? 'it' : 'them'}`);
      }
      if (options.aws && options.exclude.length > 0) throw new UsageError('--exclude goes with templates and folders; a live scan reads no files');
      if (options.allRegions && options.region.length > 0) throw new UsageError('give either --region or --all-regions, not both');

      const files = fileProgress(io, options.quiet);
      const live = awsProgress(io, options.quiet);
      const aws: AwsTarget | undefined = options.aws
        ? { profile: options.profile, regions: options.region, allRegions: options.allRegions, roleArns: options.roleArn, orgRole: options.orgRole }
        : undefined;
      let outcome: ScanOutcome;
      try {
        outcome = await scan({
          ...(aws ? { aws } : { paths, exclude: options.exclude }),
          ...(aws ? { awsOptions: { timeout: (raw as { timeout?: string }).timeout } } : {}),
          checks: { ids: options.check, services: options.service, skip: options.skipCheck },
          frameworks: options.framework,
          config: options.config ?? findConfigFile(io.cwd),
          baseline: options.baseline,
          now: scanClock(io.env),
          cwd: io.cwd,
          env: io.env,
          onProgress: (progress) => (progress.kind === 'file' ? files.onFile(progress.path) : live(progress)),
        });
      } catch (error) {
        if (error instanceof ScanInputError) throw usageErrorFrom(error, io);
        throw error;
      } finally {
        files.done();
      }
      const { result, problems, exitHints } = outcome;
      if (options.aws && exitHints.nothingRead) {
        // Every call was refused: no output, and the one thing to do about it.
        for (const problem of problems) if (problem.kind === 'config') printProblem(problem, io);
        const reason = problems.find((problem) => problem.kind === 'aws' && problem.severity === 'error');
        throw new UsageError(reason?.message ?? 'nothing could be read');
      }
      for (const problem of problems) if (problem.kind !== 'nothing-evaluated') printProblem(problem, io);
      if (!exitHints.nothingEvaluated) reportIdleChecks(result, options.check, io);
      await emitResult(result, options, io, plan);
      for (const problem of problems) if (problem.kind === 'nothing-evaluated') printProblem(problem, io);
      context.setExitCode(scanExitCode(outcome, options));
    });
}
