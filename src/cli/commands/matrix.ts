import type { Command } from 'commander';
import { serviceMatrix } from '../../model/service-matrix.js';
import { renderServiceList, renderServiceMatrix } from '../../report/model-text.js';
import { UsageError } from '../exit-codes.js';
import { useColor } from '../io.js';
import type { CommandContext } from '../main.js';
import { collect, oneOf } from '../options.js';

export function registerMatrixCommand(program: Command, context: CommandContext): void {
  program
    .command('matrix')
    .description('print the responsibility model for services, with no scan: each layer, its owner and its duties')
    .option('-s, --service <id>', 'a service id, repeatable (without it: the list of all services)', collect)
    .option('-f, --format <format>', 'text or json', oneOf(['text', 'json']), 'text')
    .option('--no-color', 'never colour the output')
    .action((raw: { service?: string[]; format: string; color?: boolean }) => {
      const options = { ...raw, service: raw.service ?? [] };
      let matrix;
      try {
        matrix = serviceMatrix(options.service);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      if (options.format === 'json') {
        context.io.stdout(`${JSON.stringify(matrix, null, 2)}\n`);
        return;
      }
      const style = { color: useColor(context.io, context.io.stdoutIsTty, options.color), width: context.io.columns };
      context.io.stdout(options.service.length === 0 ? renderServiceList(matrix.services, style) : renderServiceMatrix(matrix.services, style));
    });
}
