import { InvalidArgumentError, type Command } from 'commander';
import { selectChecks } from '../../checks/select.js';
import { allChecks } from '../../checks/index.js';
import type { Check } from '../../checks/types.js';
import { matchesCheckPattern } from '../../glob.js';
import { getFramework } from '../../model/frameworks/index.js';
import { services as modelServices } from '../../model/services.js';
import type { Framework } from '../../model/types.js';
import type { ScanResult } from '../../engine/result.js';
import { failsAt } from '../../engine/summary.js';
import { getOutputFormat, outputFormats, type OutputFormat, type RenderOptions } from '../../report/formats.js';
import { plain } from '../../report/terminal-style.js';
import type { Severity } from '../../model/vocabulary.js';
import { didYouMean } from '../../config/suggest.js';
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError } from '../exit-codes.js';
import { checkOutputPath, useColor, writeOutput, writeStdout, type CliIo, type OutputPieces } from '../io.js';
import type { CommandContext } from '../main.js';
import { fileProgress } from '../file-progress.js';
import { collect, parseSeverityThreshold } from '../options.js';
import { planOutputs, type OutputCatalogue, type PlannedOutput } from '../outputs.js';
import { configureScan } from '../../config/cli.js';
import { prepareBaseline } from '../../baseline/cli.js';
import { AwsCredentialsError } from '../../inventory/sources/aws/errors.js';
import { collectForChecks, type AwsCliOptions } from '../../inventory/sources/aws/run.js';

export interface ScanCommandOptions {
  format: string[];
  output: string[];
  failOn: Severity | 'none';
  check: string[];
  service: string[];
  framework: string[];
  color?: boolean;
  config?: string;
  baseline?: string;
  aws?: boolean;
  failOnGaps?: boolean;
  profile?: AwsCliOptions['profile'];
  region: string[];
  allRegions?: boolean;
  roleArn: string[];
  orgRole?: string;
  quiet?: boolean;
  asffAccount?: string;
  asffRegion?: string;
}

/** What `emitResult` needs from a command's options; the ASFF target is optional for commands without it. */
export type EmitOptions = { format?: string[]; output?: string[]; color?: boolean; asffAccount?: string; asffRegion?: string };

/** Adds the options that say where ASFF findings of template scans are imported. */
export function addAsffOptions(command: Command): Command {
  return command
    .option('--asff-account <id>', 'with --format asff: the 12-digit account to import template findings into', parseAccountId)
    .option('--asff-region <region>', 'with --format asff: the region to import template findings into');
}

function parseAccountId(value: string): string {
  if (/^\d{12}$/.test(value)) return value;
  throw new InvalidArgumentError('expected a 12-digit AWS account id');
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
    const toTerminal = path === undefined;
    const renderOptions: RenderOptions = {
      color: toTerminal && useColor(io, io.stdoutIsTty, options.color),
      width: toTerminal ? Math.max(60, io.columns) : 100,
      account: options.asffAccount,
      region: options.asffRegion,
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

const TEMPLATE_KINDS = 'a CloudFormation template (.yaml, .yml, .json, .template), a Terraform plan or state (.json, .tfstate) or Terraform configuration (.tf, .tf.json)';

/**
 * Why a file scan evaluated nothing, or undefined when it evaluated something. Unreadable paths were reported as
 * problems already; a folder of package.json and workflow files, or templates without resources, are said here.
 */
export function nothingEvaluated(result: ScanResult, paths: readonly string[], looked: readonly string[]): string | undefined {
  if (result.sources.length > 0 && result.sources.some((source) => source.resources > 0)) return undefined;
  const named = paths.map(plain).join(', ');
  if (result.sources.length > 0) {
    return `nothing was evaluated: ${result.sources.map((source) => plain(source.file)).join(', ')} define${result.sources.length === 1 ? 's' : ''} no resources`;
  }
  // Each unreadable path has its error line already, and exit code 2 (exitCodeFor).
  if (result.coverage.problems.some((problem) => problem.fatal)) return undefined;
  const shown = looked.slice(0, 5).map(plain).join(', ');
  const files = looked.length === 0 ? 'no file with a template extension' : `${looked.length} file${looked.length === 1 ? '' : 's'} (${shown}${looked.length > 5 ? ', ...' : ''}), none of them a template`;
  return `nothing was evaluated: ${named} hold${paths.length === 1 ? 's' : ''} ${files}; demarc reads ${TEMPLATE_KINDS}`;
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

const SERVICE_IDS = [...new Set([...modelServices.map((service) => service.id), ...allChecks.map((check) => check.service)])].sort();

/** `--service` names a service with checks: an unknown one (`s4`, `S3`) is a usage error with a suggestion. */
function checkServices(names: readonly string[]): void {
  for (const name of names) {
    if (!SERVICE_IDS.includes(name)) {
      const sameLetters = SERVICE_IDS.find((id) => id === name.toLowerCase());
      const hint = sameLetters ? ` (did you mean ${sameLetters}? service ids are lower case)` : didYouMean(name, SERVICE_IDS);
      throw new UsageError(`unknown service ${name}${hint}; \`demarc matrix\` lists the services`);
    }
    if (!allChecks.some((check) => check.service === name)) throw new UsageError(`no check covers the service ${name} yet (\`demarc checks\` lists the checks by service)`);
  }
}

/** The checks and frameworks a scan's options select; a name that matches nothing is a usage error. */
export function selectForScan(options: Pick<ScanCommandOptions, 'check' | 'service' | 'framework'>): { checks: Check[]; frameworks: Framework[] } {
  const frameworks = options.framework.map((id) => {
    const framework = getFramework(id);
    if (!framework) throw new UsageError(`unknown framework ${id} (see \`demarc frameworks\`)`);
    return framework;
  });
  checkServices(options.service);
  let selected: Check[];
  try {
    selected = selectChecks({ ids: options.check, services: options.service });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (selected.length === 0) throw new UsageError(`no check is both in --check ${options.check.join(', ')} and of --service ${options.service.join(', ')}`);
  if (frameworks.length === 0) return { checks: selected, frameworks };
  const inFrameworks = new Set(frameworks.flatMap((framework) => framework.items.flatMap((item) => item.checks)));
  const checks = selected.filter((check) => inFrameworks.has(check.id));
  if (checks.length === 0) throw new UsageError(`none of the selected checks belongs to --framework ${options.framework.join(', ')}`);
  return { checks, frameworks };
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
  return { ...options, format: options.format ?? [], output: options.output ?? [], check: options.check ?? [], service: options.service ?? [], framework: options.framework ?? [], region: options.region ?? [], roleArn: options.roleArn ?? [] };
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
    .option('-s, --service <id>', 'run only the checks of these services (repeatable)', collect)
    .option('--framework <id>', 'run only the checks of a framework and report each of its items (cis-aws-v5, nist-800-53; repeatable)', collect)
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--config <file>', 'configuration: suppressions, attestations, scope (default: demarc.config.yaml in the current folder, if any)')
    .option('--baseline <result.json>', 'report and fail only on findings that are new since this earlier JSON result')
    .option('--aws', 'scan live AWS accounts (read-only) instead of files')
    .option('--profile <name>', 'AWS profile for --aws (default: the standard credential chain)')
    .option('--region <region>', 'region to scan with --aws (repeatable; default: the configured region)', collect)
    .option('--all-regions', 'with --aws: every region enabled for the account')
    .option('--role-arn <arn>', 'with --aws: assume this role and scan its account (repeatable)', collect)
    .option('--org-role <name>', 'with --aws: assume this role in every active account of the organization')
    .option('--fail-on-gaps', 'exit 1 when anything could not be collected (denied, region not enabled, throttled ...)')
    .option('-q, --quiet', 'no progress on standard error');
  addAsffOptions(command)
    .addHelpText('after', '\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, or nothing could be read or evaluated.')
    .action(async (paths: string[], raw: Partial<ScanCommandOptions> & Pick<ScanCommandOptions, 'failOn'>) => {
      const options = withLists(raw);
      // Every mistake on the command line is reported before anything is read.
      const plan = await planResultOutputs(options, context.io);
      if (options.aws && paths.length > 0) throw new UsageError('give either templates and folders or --aws, not both');
      if (!options.aws && paths.length === 0) throw new UsageError('give templates or folders to scan, or --aws to scan a live account');
      if (!options.aws) {
        const awsOnly = AWS_ONLY.filter(([key]) => isGiven(options[key])).map(([, flag]) => flag);
        if (awsOnly.length > 0) throw new UsageError(`${awsOnly.join(', ')} ${awsOnly.length === 1 ? 'goes' : 'go'} with --aws (a live scan); templates and folders are scanned without ${awsOnly.length === 1 ? 'it' : 'them'}`);
      }
      const { checks, frameworks } = selectForScan(options);
      const configured = await configureScan(options, checks, context.io);
      const withBaseline = await prepareBaseline(options.baseline, context.io);
      let result;
      const looked: string[] = [];
      const progress = fileProgress(context.io, options.quiet);
      const onFile = (path: string): void => {
        looked.push(path);
        progress.onFile(path);
      };
      try {
        result = withBaseline(
          options.aws
            ? configured.evaluate(await collectForChecks(configured.checks, options, context.io), { frameworks })
            : await configured.scanPaths(paths, { frameworks, onFile }),
        );
      } catch (error) {
        if (error instanceof AwsCredentialsError) throw new UsageError(error.message);
        throw error;
      } finally {
        progress.done();
      }
      reportProblems(result, context.io);
      const idle = options.aws ? undefined : nothingEvaluated(result, paths, looked);
      if (idle === undefined) reportIdleChecks(result, options.check, context.io);
      await emitResult(result, options, context.io, plan);
      if (idle !== undefined) {
        context.io.stderr(`demarc: error: ${idle}\n`);
        context.setExitCode(EXIT_ERROR);
        return;
      }
      const exitCode = exitCodeFor(result, options.failOn);
      context.setExitCode(options.failOnGaps && exitCode === EXIT_CLEAN && result.coverage.gaps.length > 0 ? EXIT_FINDINGS : exitCode);
    });
}
