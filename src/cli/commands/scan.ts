import { InvalidArgumentError, type Command } from 'commander';
import { selectChecks } from '../../checks/select.js';
import type { Check } from '../../checks/types.js';
import { getFramework } from '../../model/frameworks/index.js';
import type { Framework } from '../../model/types.js';
import type { ScanResult } from '../../engine/result.js';
import { failsAt } from '../../engine/summary.js';
import { getOutputFormat, outputFormats } from '../../report/formats.js';
import type { Severity } from '../../model/vocabulary.js';
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError } from '../exit-codes.js';
import { useColor, writeFileAtomic, type CliIo } from '../io.js';
import type { CommandContext } from '../main.js';
import { fileProgress } from '../file-progress.js';
import { collect, parseSeverityThreshold } from '../options.js';
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

/** Writes each requested format: the i-th --output takes the i-th --format; one format may go to stdout. */
/** What `emitResult` needs from a command's options; the ASFF target is optional for commands without it. */
export type EmitOptions = Pick<ScanCommandOptions, 'format' | 'output' | 'color'> & { asffAccount?: string; asffRegion?: string };

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

export async function emitResult(result: ScanResult, options: EmitOptions, io: CliIo): Promise<void> {
  const formats = options.format.length > 0 ? options.format : ['text'];
  if (formats.length - options.output.length > 1) {
    throw new UsageError('more than one --format goes to standard output: give an --output for each but one');
  }
  for (const [index, id] of formats.entries()) {
    const format = getOutputFormat(id);
    if (!format) throw new UsageError(`unknown format ${id} (one of ${outputFormats.map((entry) => entry.id).join(', ')})`);
    const path = options.output[index];
    const toTerminal = path === undefined;
    const content = format.render(result, {
      color: toTerminal && useColor(io, io.stdoutIsTty, options.color),
      width: toTerminal ? Math.max(60, io.columns) : 100,
      account: options.asffAccount,
      region: options.asffRegion,
    });
    if (path === undefined) io.stdout(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
    else {
      await writeFileAtomic(path, content);
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
    const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
    io.stderr(`demarc: ${problem.fatal ? 'error' : 'warning'}: ${where}: ${problem.message}\n`);
  }
}

/** The checks and frameworks a scan's options select; a name that matches nothing is a usage error. */
export function selectForScan(options: Pick<ScanCommandOptions, 'check' | 'service' | 'framework'>): { checks: Check[]; frameworks: Framework[] } {
  const frameworks = options.framework.map((id) => {
    const framework = getFramework(id);
    if (!framework) throw new UsageError(`unknown framework ${id} (see \`demarc frameworks\`)`);
    return framework;
  });
  try {
    const selected = selectChecks({ ids: options.check, services: options.service });
    if (frameworks.length === 0) return { checks: selected, frameworks };
    const inFrameworks = new Set(frameworks.flatMap((framework) => framework.items.flatMap((item) => item.checks)));
    return { checks: selected.filter((check) => inFrameworks.has(check.id)), frameworks };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function registerScanCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('scan')
    .description('scan CloudFormation templates, Terraform plans, state and .tf folders, or live accounts (--aws): matrix and findings')
    .argument('[paths...]', 'templates or folders to scan (or --aws for live accounts)')
    .option('-f, --format <format>', `output format, repeatable (${outputFormats.map((format) => format.id).join(', ')})`, collect, [])
    .option('-o, --output <file>', 'write the matching --format to a file instead of standard output (repeatable)', collect, [])
    .option('--fail-on <severity>', 'exit 1 when a customer-owned failure is at or above this severity (critical, high, medium, low, info, none)', parseSeverityThreshold, 'low')
    .option('-c, --check <id>', 'run only these checks (ids or globs such as s3-*; repeatable)', collect, [])
    .option('-s, --service <id>', 'run only the checks of these services (repeatable)', collect, [])
    .option('--framework <id>', 'run only the checks of a framework and report each of its items (cis-aws-v5, nist-800-53; repeatable)', collect, [])
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--config <file>', 'configuration: suppressions, attestations, scope (default: demarc.config.yaml in the current folder, if any)')
    .option('--baseline <result.json>', 'report and fail only on findings that are new since this earlier JSON result')
    .option('--aws', 'scan live AWS accounts (read-only) instead of files')
    .option('--profile <name>', 'AWS profile for --aws (default: the standard credential chain)')
    .option('--region <region>', 'region to scan with --aws (repeatable; default: the configured region)', collect, [])
    .option('--all-regions', 'with --aws: every region enabled for the account')
    .option('--role-arn <arn>', 'with --aws: assume this role and scan its account (repeatable)', collect, [])
    .option('--org-role <name>', 'with --aws: assume this role in every active account of the organization')
    .option('--fail-on-gaps', 'exit 1 when anything could not be collected (denied, region not enabled, throttled ...)')
    .option('-q, --quiet', 'no progress on standard error');
  addAsffOptions(command)
    .addHelpText('after', '\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or nothing could be read.')
    .action(async (paths: string[], options: ScanCommandOptions) => {
      const { checks, frameworks } = selectForScan(options);
      const configured = await configureScan(options, checks, context.io);
      const withBaseline = await prepareBaseline(options.baseline, context.io);
      if (options.aws && paths.length > 0) throw new UsageError('give either templates and folders or --aws, not both');
      if (!options.aws && paths.length === 0) throw new UsageError('give templates or folders to scan, or --aws to scan a live account');
      let result;
      const progress = fileProgress(context.io, options.quiet);
      try {
        result = withBaseline(
          options.aws
            ? configured.evaluate(await collectForChecks(configured.checks, options, context.io), { frameworks })
            : await configured.scanPaths(paths, { frameworks, onFile: progress.onFile }),
        );
      } catch (error) {
        if (error instanceof AwsCredentialsError) throw new UsageError(error.message);
        throw error;
      } finally {
        progress.done();
      }
      reportProblems(result, context.io);
      await emitResult(result, options, context.io);
      const exitCode = exitCodeFor(result, options.failOn);
      context.setExitCode(options.failOnGaps && exitCode === EXIT_CLEAN && result.coverage.gaps.length > 0 ? EXIT_FINDINGS : exitCode);
    });
}
