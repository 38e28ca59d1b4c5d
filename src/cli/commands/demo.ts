import type { Command } from 'commander';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allChecks } from '../../checks/index.js';
import { failsAt } from '../../engine/summary.js';
import { scanPaths } from '../../scan.js';
import type { CommandContext } from '../main.js';
import { collect } from '../options.js';
import { emitResult, reportProblems } from './scan.js';

/** The bundled example, found relative to this file both in src/ (tests) and in dist/ (the installed CLI). */
export const DEMO_TEMPLATE = fileURLToPath(new URL('../../../examples/three-tier-app.yaml', import.meta.url));

export function registerDemoCommand(program: Command, context: CommandContext): void {
  program
    .command('demo')
    .description('scan the bundled example (a three-tier application template) and show what demarc reports')
    .option('-f, --format <format>', 'output format (text, json ...)', collect, [])
    .option('-o, --output <file>', 'write the output to a file', collect, [])
    .option('--no-color', 'never colour the output')
    .action(async (options: { format: string[]; output: string[]; color?: boolean }) => {
      const shown = relative(context.io.cwd, DEMO_TEMPLATE);
      const result = await scanPaths([shown.startsWith('..') ? DEMO_TEMPLATE : shown], { checks: allChecks });
      reportProblems(result, context.io);
      await emitResult(result, options, context.io);
      if (options.format.length === 0 && failsAt(result.findings, 'low')) {
        context.io.stderr(`\nThe example is misconfigured on purpose: \`demarc scan ${'examples/three-tier-app.yaml'}\` would exit 1 on these findings.\n`);
      }
    });
}
