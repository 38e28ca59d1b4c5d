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
import { EXIT_CLEAN, EXIT_ERROR, UsageError } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';

export interface CommandContext {
  io: CliIo;
  /** Set by a command's action: the process exit code. */
  setExitCode(code: number): void;
}

export function buildProgram(context: CommandContext): Command {
  const program = new Command('demarc')
    .description('The AWS shared responsibility model as working software: who owns each security duty in your AWS estate, and whether your side is done.')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => context.io.stdout(text), writeErr: (text) => context.io.stderr(text) })
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
    command.exitOverride().configureOutput({ writeOut: (text) => context.io.stdout(text), writeErr: (text) => context.io.stderr(text) });
  }
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
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
      return EXIT_ERROR;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`demarc: internal error: ${message}\n`);
    if (io.env['DEMARC_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_ERROR;
  }
}
