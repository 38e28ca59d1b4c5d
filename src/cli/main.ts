import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { registerAttestCommand } from './commands/attest.js';
import { registerChecksCommand } from './commands/checks.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDiffCommand } from './commands/diff.js';
import { registerExplainCommand } from './commands/explain.js';
import { registerFrameworksCommand } from './commands/frameworks.js';
import { registerMatrixCommand } from './commands/matrix.js';
import { registerReportCommand } from './commands/report.js';
import { registerScanCommand } from './commands/scan.js';
import { registerPolicyCommand } from './commands/policy.js';
import { ScanInputError } from '../config/cli.js';
import { EXIT_CLEAN, EXIT_ERROR, UsageError } from './exit-codes.js';
import { guardedIo, processIo, writeLines, type CliIo } from './io.js';

export interface CommandContext {
  io: CliIo;
  /** Set by a command's action: the process exit code. */
  setExitCode(code: number): void;
}

/**
 * Commander's output: help on stdout as it is; on stderr, help line by line and each error as one line (an error
 * quotes the arguments, and commander's "Did you mean" hint follows on a line of its own).
 */
function commanderOutput(io: CliIo) {
  return {
    writeOut: (text: string) => io.stdout(text),
    writeErr: (text: string) => writeLines(io, text),
    outputError: (text: string) => io.stderr(`${text.replace(/\n+(?=[^\n])/g, ' ')}`),
  };
}

export function buildProgram(context: CommandContext): Command {
  const program = new Command('demarc')
    .description('The AWS shared responsibility model as working software: who owns each security duty in your AWS estate, and whether your side is done.')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput(commanderOutput(context.io))
    .exitOverride();
  registerDemoCommand(program, context);
  registerScanCommand(program, context);
  registerMatrixCommand(program, context);
  registerExplainCommand(program, context);
  registerChecksCommand(program, context);
  registerFrameworksCommand(program, context);
  registerReportCommand(program, context);
  registerDiffCommand(program, context);
  registerAttestCommand(program, context);
  registerPolicyCommand(program, context);
  for (const command of program.commands) {
    command.exitOverride().configureOutput(commanderOutput(context.io));
  }
  return program;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const context: CommandContext = { io, setExitCode: (code) => { exitCode = code; } };
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT_CLEAN : EXIT_ERROR;
    }
    if (error instanceof UsageError) {
      io.stderr(`demarc: ${error.message}\n`);
      for (const detail of error.details) io.stderr(`  ${detail}\n`);
      return EXIT_ERROR;
    }
    // The library's input errors (a DEMARC_NOW that is no date ...) are usage errors too.
    if (error instanceof ScanInputError) {
      io.stderr(`demarc: ${error.message}\n`);
      return EXIT_ERROR;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`demarc: internal error: ${message}\n`);
    if (io.env['DEMARC_DEBUG'] && error instanceof Error && error.stack) writeLines(io, `${error.stack}\n`);
    return EXIT_ERROR;
  }
}

const SDK_NODE_VERSION_WARNING = 'NodeVersionSupportWarning';

/**
 * True for the AWS SDK's warning that its future releases will need a newer Node.js. demarc supports Node.js 20.19
 * and newer, and the SDK emits that warning (several lines) on every `--aws` run: the CLI entry drops it, by its name,
 * and lets every other warning through. `typeOrOptions` is `process.emitWarning`'s second argument.
 */
export function isSdkNodeVersionWarning(warning: unknown, typeOrOptions?: unknown): boolean {
  const type = typeof typeOrOptions === 'string' ? typeOrOptions : typeof typeOrOptions === 'object' && typeOrOptions !== null && 'type' in typeOrOptions ? typeOrOptions.type : undefined;
  const text = typeof warning === 'string' ? warning : warning instanceof Error ? `${warning.name}: ${warning.message}` : '';
  return type === SDK_NODE_VERSION_WARNING || (warning instanceof Error && warning.name === SDK_NODE_VERSION_WARNING) || text.startsWith(`${SDK_NODE_VERSION_WARNING}:`);
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: readonly string[], rawIo: CliIo = processIo()): Promise<number> {
  // Every command writes through the guard: no line on stderr can carry a control character from the input.
  const io = guardedIo(rawIo);
  const exitCode = await run(argv, io);
  await io.flush?.();
  const stdoutError = io.stdoutError?.();
  if (stdoutError === undefined) return exitCode;
  // The reader of stdout went away (`demarc scan … | head -1`): it has what it wanted, so the run ends quietly.
  if (stdoutError.code === 'EPIPE') return exitCode === EXIT_ERROR ? EXIT_ERROR : EXIT_CLEAN;
  io.stderr(`demarc: cannot write to standard output: ${stdoutError.message}\n`);
  return EXIT_ERROR;
}
