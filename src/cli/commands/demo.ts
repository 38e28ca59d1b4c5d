import type { Command } from 'commander';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allChecks } from '../../checks/index.js';
import { failsAt } from '../../engine/summary.js';
import { scanPaths } from '../../scan.js';
import type { CommandContext } from '../main.js';
import { collect } from '../options.js';
import { emitResult, FORMAT_HELP, OUTPUT_HELP, planResultOutputs, reportProblems } from './scan.js';

/** The bundled example, found relative to this file both in src/ (tests) and in dist/ (the installed CLI). */
export const DEMO_TEMPLATE = fileURLToPath(new URL('../../../examples/three-tier-app.yaml', import.meta.url));

export function registerDemoCommand(program: Command, context: CommandContext): void {
  program
    .command('demo')
    .description('scan the bundled example (a three-tier application template) and show what demarc reports')
    .option('-f, --format <format>', FORMAT_HELP, collect)
    .option('-o, --output <file>', OUTPUT_HELP, collect)
    .option('--no-color', 'never colour the output')
    .action(async (options: { format?: string[]; output?: string[]; color?: boolean }) => {
      const plan = await planResultOutputs(options, context.io);
      const shown = relative(context.io.cwd, DEMO_TEMPLATE);
      const result = await scanPaths([shown.startsWith('..') ? DEMO_TEMPLATE : shown], { checks: allChecks });
      reportProblems(result, context.io);
      await emitResult(result, options, context.io, plan);
      if (plan.some((entry) => entry.path === undefined && entry.format === 'text') && failsAt(result.findings, 'low')) {
        context.io.stderr(`\nThe example is misconfigured on purpose: \`demarc scan ${'examples/three-tier-app.yaml'}\` would exit 1 on these findings.\n`);
      }
    });
}
