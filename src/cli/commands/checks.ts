import type { Command } from 'commander';
import { allChecks } from '../../checks/index.js';
import { didYouMean } from '../../config/suggest.js';
import { allFrameworks, getFramework } from '../../model/frameworks/index.js';
import { services } from '../../model/services.js';
import { SEVERITIES } from '../../model/vocabulary.js';
import { renderCheckList } from '../../report/model-text.js';
import { UsageError } from '../exit-codes.js';
import { useColor } from '../io.js';
import type { CommandContext } from '../main.js';
import { collect, oneOf } from '../options.js';

const SERVICE_IDS = [...new Set([...services.map((service) => service.id), ...allChecks.map((check) => check.service)])].sort();

/** As for `scan -s`: an unknown or mis-cased service id would list nothing, silently; it is refused with a hint. */
function checkServiceIds(names: readonly string[]): void {
  for (const name of names) {
    if (!SERVICE_IDS.includes(name)) {
      const sameLetters = SERVICE_IDS.find((id) => id === name.toLowerCase());
      const hint = sameLetters ? ` (did you mean ${sameLetters}? service ids are lower case)` : didYouMean(name, SERVICE_IDS);
      throw new UsageError(`unknown service ${name}${hint}; \`demarc matrix\` lists the services`);
    }
    if (!allChecks.some((check) => check.service === name)) throw new UsageError(`no check covers the service ${name} yet`);
  }
}

export function registerChecksCommand(program: Command, context: CommandContext): void {
  program
    .command('checks')
    .description('list the checks: id, service, layer, severity and title')
    .option('-s, --service <id>', 'only the checks of these services (repeatable)', collect)
    .option('--severity <severity>', `only the checks of these severities (${SEVERITIES.join(', ')}; repeatable)`, (value: string, previous: string[] = []) => collect(oneOf(SEVERITIES)(value), previous))
    .option('--framework <id>', 'only the checks that evidence an item of these frameworks (repeatable; see `demarc frameworks`)', collect)
    .option('-f, --format <format>', 'text or json', oneOf(['text', 'json']), 'text')
    .option('--no-color', 'never colour the output')
    .action((raw: { service?: string[]; severity?: string[]; framework?: string[]; format: string; color?: boolean }) => {
      const options = { ...raw, service: raw.service ?? [] };
      checkServiceIds(options.service);
      const frameworks = (raw.framework ?? []).map((id) => {
        const framework = getFramework(id);
        if (!framework) throw new UsageError(`unknown framework ${id} (one of ${allFrameworks.map((entry) => entry.id).join(', ')})`);
        return framework;
      });
      const inFrameworks = new Set(frameworks.flatMap((framework) => framework.items.flatMap((item) => item.checks)));
      const checks = allChecks.filter((check) => options.service.length === 0 || options.service.includes(check.service))
        .filter((check) => frameworks.length === 0 || inFrameworks.has(check.id))
        .filter((check) => raw.severity === undefined || raw.severity.includes(check.severity));
      if (options.format === 'json') {
        const rows = checks.map(({ id, title, service, layer, control, duty, severity, resourceTypes }) => ({ id, title, service, layer, control, duty, severity, resourceTypes }));
        context.io.stdout(`${JSON.stringify({ checks: rows }, null, 2)}\n`);
        return;
      }
      context.io.stdout(renderCheckList(checks, { color: useColor(context.io, context.io.stdoutIsTty, options.color), width: context.io.columns }));
    });
}
