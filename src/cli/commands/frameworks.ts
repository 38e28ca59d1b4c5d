import type { Command } from 'commander';
import { frameworks, getFramework } from '../../model/frameworks/index.js';
import { renderFramework, renderFrameworkList } from '../../report/framework-list.js';
import { UsageError } from '../exit-codes.js';
import { useColor } from '../io.js';
import type { CommandContext } from '../main.js';
import { oneOf } from '../options.js';

export function registerFrameworksCommand(program: Command, context: CommandContext): void {
  program
    .command('frameworks')
    .description('list the frameworks (CIS AWS Foundations v5.0.0, NIST SP 800-53 families), or the items of one')
    .argument('[id]', 'a framework id, e.g. cis-aws-v5')
    .option('-f, --format <format>', 'text or json', oneOf(['text', 'json']), 'text')
    .option('--no-color', 'never colour the output')
    .action((id: string | undefined, options: { format: string; color?: boolean }) => {
      const style = { color: useColor(context.io, context.io.stdoutIsTty, options.color), width: context.io.columns };
      if (id === undefined) {
        if (options.format === 'json') {
          const rows = frameworks.map(({ id: frameworkId, title, version, items }) => ({ id: frameworkId, title, version, items: items.length }));
          context.io.stdout(`${JSON.stringify({ frameworks: rows }, null, 2)}\n`);
        } else context.io.stdout(renderFrameworkList(frameworks, style));
        return;
      }
      const framework = getFramework(id);
      if (!framework) throw new UsageError(`unknown framework ${id} (one of ${frameworks.map((entry) => entry.id).join(', ')})`);
      context.io.stdout(options.format === 'json' ? `${JSON.stringify(framework, null, 2)}\n` : renderFramework(framework, style));
    });
}
