import type { Command } from 'commander';
import { allChecks } from '../../checks/index.js';
import { renderCheckList } from '../../report/model-text.js';
import { useColor } from '../io.js';
import type { CommandContext } from '../main.js';
import { collect, oneOf } from '../options.js';

export function registerChecksCommand(program: Command, context: CommandContext): void {
  program
    .command('checks')
    .description('list the checks: id, service, layer, severity and title')
    .option('-s, --service <id>', 'only the checks of these services (repeatable)', collect)
    .option('-f, --format <format>', 'text or json', oneOf(['text', 'json']), 'text')
    .option('--no-color', 'never colour the output')
    .action((raw: { service?: string[]; format: string; color?: boolean }) => {
      const options = { ...raw, service: raw.service ?? [] };
      const checks = allChecks.filter((check) => options.service.length === 0 || options.service.includes(check.service));
      if (options.format === 'json') {
        const rows = checks.map(({ id, title, service, layer, control, duty, severity, resourceTypes }) => ({ id, title, service, layer, control, duty, severity, resourceTypes }));
        context.io.stdout(`${JSON.stringify({ checks: rows }, null, 2)}\n`);
        return;
      }
      context.io.stdout(renderCheckList(checks, { color: useColor(context.io, context.io.stdoutIsTty, options.color), width: context.io.columns }));
    });
}
