import type { Command } from 'commander';
import { allChecks } from '../../checks/index.js';
import { allFrameworks, frameworks } from '../../model/frameworks/index.js';
import { explain, explainableIds, suggestIds } from '../../model/explain.js';
import { renderExplanation } from '../../report/model-text.js';
import { UsageError } from '../exit-codes.js';
import { useColor } from '../io.js';
import type { CommandContext } from '../main.js';
import { oneOf } from '../options.js';

export function registerExplainCommand(program: Command, context: CommandContext): void {
  program
    .command('explain')
    .description('explain a layer, service model, service, control, duty or check: owner, each side\'s part, related checks')
    .argument('<id>', 'e.g. guest-os, ec2, patch-management, rotate-access-keys, s3-bucket-versioning')
    .option('-f, --format <format>', 'text or json', oneOf(['text', 'json']), 'text')
    .option('--no-color', 'never colour the output')
    .action((id: string, options: { format: string; color?: boolean }) => {
      // The default frameworks give a check or duty its related items; every framework can be explained by id.
      const explanation = explain(id, allChecks, frameworks) ?? explain(id, allChecks, allFrameworks);
      if (!explanation) {
        const suggestions = suggestIds(id, explainableIds(allChecks, allFrameworks).map((entry) => entry.id));
        const hint = suggestions.length > 0 ? `did you mean ${suggestions.join(', ')}?` : 'try a layer (guest-os), a service (s3), a control, a duty, a check id (see `demarc checks`) or a framework item (cis-aws-v5:1.4)';
        throw new UsageError(`nothing is called ${id}: ${hint}`);
      }
      if (options.format === 'json') context.io.stdout(`${JSON.stringify(explanation, null, 2)}\n`);
      else context.io.stdout(renderExplanation(explanation, { color: useColor(context.io, context.io.stdoutIsTty, options.color), width: context.io.columns }));
    });
}
