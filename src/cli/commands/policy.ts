import type { Command } from 'commander';
import { scanPolicy } from '../../inventory/sources/aws/policy.js';
import type { CommandContext } from '../main.js';

export function registerPolicyCommand(program: Command, context: CommandContext): void {
  program
    .command('policy')
    .description('print the least-privilege, read-only IAM policy that `demarc scan --aws` needs (derived from the collectors)')
    .action(() => {
      context.io.stdout(`${JSON.stringify(scanPolicy(), null, 2)}\n`);
    });
}
