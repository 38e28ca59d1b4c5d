import type { Command } from 'commander';
import { readSavedResult } from '../../baseline/result-file.js';
import { diffResults } from '../../baseline/diff.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../../baseline/render.js';
import { failsAt } from '../../engine/summary.js';
import { terminalSafeJson } from '../../report/json-stream.js';
import type { Severity } from '../../model/vocabulary.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../exit-codes.js';
import { checkOutputPath, useColor, writeOutput } from '../io.js';
import type { CommandContext } from '../main.js';
import { oneOf, parseSeverityThreshold } from '../options.js';
import { planOutputs, type OutputCatalogue } from '../outputs.js';

interface DiffOptions {
  format?: string;
  output?: string;
  failOn: Severity | 'none';
  color?: boolean;
}

function isDiffFormat(value: string): value is DiffFormat {
  return (DIFF_FORMATS as readonly string[]).includes(value);
}

/** As for results: the format of `--output` comes from its extension, and `--format` must fit it. */
const DIFF_OUTPUTS: OutputCatalogue = { ids: DIFF_FORMATS, byExtension: { '.txt': 'text', '.json': 'json', '.md': 'markdown', '.markdown': 'markdown' }, defaultFormat: 'text' };

export function registerDiffCommand(program: Command, context: CommandContext): void {
  program
    .command('diff')
    .description('compare two JSON results: new, fixed and still-open findings, matrix cells that changed, coverage changes')
    .argument('<old>', 'the earlier result (scan --format json)')
    .argument('<new>', 'the later result')
    .option('-f, --format <format>', `output format (${DIFF_FORMATS.join(', ')}; default: text, or what the --output extension names)`, oneOf([...DIFF_FORMATS]))
    .option('-o, --output <file>', 'write to a file (.txt, .json, .md: the extension names the format); - is standard output')
    .option('--fail-on <severity>', 'exit 1 when a new customer failure is at or above this severity (default: none)', parseSeverityThreshold, 'none')
    .option('--no-color', 'never colour the output')
    .action(async (oldPath: string, newPath: string, options: DiffOptions) => {
      const { io } = context;
      const [planned] = planOutputs(options.format === undefined ? [] : [options.format], options.output === undefined ? [] : [options.output], DIFF_OUTPUTS, io.cwd);
      if (planned?.path !== undefined) await checkOutputPath(planned.path);
      let before, after;
      try {
        [before, after] = await Promise.all([readSavedResult(oldPath), readSavedResult(newPath)]);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      const diff = diffResults(before, after);
      const format = planned && isDiffFormat(planned.format) ? planned.format : 'text';
      const path = planned?.path;
      const toTerminal = path === undefined;
      const style = { color: toTerminal && useColor(io, io.stdoutIsTty, options.color), width: toTerminal ? Math.max(60, io.columns) : 100 };
      // Text and Markdown escape what they quote; JSON gets the characters JSON.stringify leaves raw escaped too.
      const rendered = renderDiff(diff, format, style);
      const content = format === 'json' ? terminalSafeJson(rendered) : rendered;
      if (path === undefined) io.stdout(content);
      else {
        await writeOutput(path, content);
        io.stderr(`wrote ${format} to ${path}\n`);
      }
      context.setExitCode(options.failOn !== 'none' && failsAt(diff.findings.new, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN);
    });
}
