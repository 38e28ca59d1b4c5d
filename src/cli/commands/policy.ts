import type { Command } from 'commander';
import { allChecks } from '../../checks/index.js';
import { typesToCollect } from '../../checks/reads.js';
import { collectorsFor } from '../../inventory/sources/aws/collectors/index.js';
import { scanPolicy } from '../../inventory/sources/aws/policy.js';
import type { CommandContext } from '../main.js';

export function registerPolicyCommand(program: Command, context: CommandContext): void {
  program
    .command('policy')
    .description('print the least-privilege, read-only IAM policy that `demarc scan --aws` needs (derived from what the checks read)')
    .action(() => {
      // The same closure a scan collects: every type the checks judge or look up, and the collectors producing them.
      context.io.stdout(`${JSON.stringify(scanPolicy(collectorsFor(new Set(typesToCollect(allChecks)))), null, 2)}\n`);
    });
}
