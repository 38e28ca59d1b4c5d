import type { Command } from 'commander';
import { frameworkCoverage } from '../../model/frameworks/coverage.js';
import { allFrameworks, getFramework } from '../../model/frameworks/index.js';
import type { Framework } from '../../model/types.js';
import { renderFramework } from '../../report/framework-list.js';
import { pad, painter, type TextStyle } from '../../report/terminal-style.js';
import { UsageError } from '../exit-codes.js';
import { useColor } from '../io.js';
import type { CommandContext } from '../main.js';
import { oneOf } from '../options.js';

/** One row per framework: its size, and how its items are covered (checks, duties to attest only, inherited). */
function renderFrameworkCoverage(frameworks: readonly Framework[], style: TextStyle): string {
  const paint = painter(style);
  const idWidth = Math.max(14, ...frameworks.map((framework) => framework.id.length));
  const columns = (id: string, version: string, items: string, checks: string, duties: string, inherited: string, title: string): string =>
    `${pad(id, idWidth)} ${pad(version, 8)} ${pad(items, 6)} ${pad(checks, 12)} ${pad(duties, 12)} ${pad(inherited, 10)} ${title}`;
  const lines = [paint('bold', columns('ID', 'VERSION', 'ITEMS', 'WITH CHECKS', 'DUTIES ONLY', 'INHERITED', 'TITLE'))];
  for (const framework of frameworks) {
    const coverage = frameworkCoverage(framework);
    lines.push(columns(framework.id, framework.version, String(coverage.items), String(coverage.withChecks), String(coverage.dutiesOnly), String(coverage.inherited), framework.title));
  }
  lines.push(
    '',
    paint('dim', 'WITH CHECKS: items a check evidences. DUTIES ONLY: items no check evidences yet; attest their duties. INHERITED: AWS operates them.'),
    paint('dim', 'Run `demarc frameworks <id>` for the items, `demarc checks --framework <id>` for its checks, or `demarc scan ... --framework <id>` for their status.'),
    '',
  );
  return lines.join('\n');
}

export function registerFrameworksCommand(program: Command, context: CommandContext): void {
  program
    .command('frameworks')
    .description('list the frameworks (CIS AWS Foundations, AWS FSBP, NIST SP 800-53, FedRAMP, PCI DSS) with their coverage, or the items of one')
    .argument('[id]', 'a framework id, e.g. cis-aws-v5')
    .option('-f, --format <format>', 'text or json', oneOf(['text', 'json']), 'text')
    .option('--no-color', 'never colour the output')
    .action((id: string | undefined, options: { format: string; color?: boolean }) => {
      const style = { color: useColor(context.io, context.io.stdoutIsTty, options.color), width: context.io.columns };
      if (id === undefined) {
        if (options.format === 'json') {
          const rows = allFrameworks.map((framework) => {
            const { items, withChecks, dutiesOnly, inherited } = frameworkCoverage(framework);
            return { id: framework.id, title: framework.title, version: framework.version, items, coverage: { withChecks, dutiesOnly, inherited } };
          });
          context.io.stdout(`${JSON.stringify({ frameworks: rows }, null, 2)}\n`);
        } else context.io.stdout(renderFrameworkCoverage(allFrameworks, style));
        return;
      }
      const framework = getFramework(id);
      if (!framework) throw new UsageError(`unknown framework ${id} (one of ${allFrameworks.map((entry) => entry.id).join(', ')})`);
      context.io.stdout(options.format === 'json' ? `${JSON.stringify(framework, null, 2)}\n` : renderFramework(framework, style));
    });
}
