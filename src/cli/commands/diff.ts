import type { Command } from 'commander';
import { readSavedResult } from '../../baseline/result-file.js';
import { diffResults } from '../../baseline/diff.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../../baseline/render.js';
import { failsAt } from '../../engine/summary.js';
import type { Severity } from '../../model/vocabulary.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../exit-codes.js';
import { useColor, writeFileAtomic } from '../io.js';
import type { CommandContext } from '../main.js';
import { oneOf, parseSeverityThreshold } from '../options.js';

interface DiffOptions {
  format: string;
  output?: string;
  failOn: Severity | 'none';
  color?: boolean;
}

function isDiffFormat(value: string): value is DiffFormat {
  return (DIFF_FORMATS as readonly string[]).includes(value);
}

export function registerDiffCommand(program: Command, context: CommandContext): void {
  program
    .command('diff')
    .description('compare two JSON results: new, fixed and still-open findings, matrix cells that changed, coverage changes')
    .argument('<old>', 'the earlier result (scan --format json)')
    .argument('<new>', 'the later result')
    .option('-f, --format <format>', `output format (${DIFF_FORMATS.join(', ')})`, oneOf([...DIFF_FORMATS]), 'text')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--fail-on <severity>', 'exit 1 when a new customer failure is at or above this severity (default: none)', parseSeverityThreshold, 'none')
    .option('--no-color', 'never colour the output')
    .action(async (oldPath: string, newPath: string, options: DiffOptions) => {
      const { io } = context;
      let before, after;
      try {
        [before, after] = await Promise.all([readSavedResult(oldPath), readSavedResult(newPath)]);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      const diff = diffResults(before, after);
      const format = isDiffFormat(options.format) ? options.format : 'text';
      const toTerminal = options.output === undefined;
      const style = { color: toTerminal && useColor(io, io.stdoutIsTty, options.color), width: toTerminal ? Math.max(60, io.columns) : 100 };
      const content = renderDiff(diff, format, style);
      if (options.output === undefined) io.stdout(content);
      else {
        await writeFileAtomic(options.output, content);
        io.stderr(`wrote ${format} to ${options.output}\n`);
      }
      context.setExitCode(options.failOn !== 'none' && failsAt(diff.findings.new, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN);
    });
}
