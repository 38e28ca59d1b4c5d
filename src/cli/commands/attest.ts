import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { addAttestationToText, attestationProblems, type NewAttestation } from '../../config/attest.js';
import { cliClock } from '../../config/cli.js';
import { isoDay } from '../../config/dates.js';
import { CONFIG_FILE_NAMES, findConfigFile, parseConfig } from '../../config/load.js';
import { MAX_CONFIG_BYTES, readInputFile } from '../../config/read-input.js';
import { formatIssue } from '../../config/types.js';
import { UsageError } from '../exit-codes.js';
import { writeOutput } from '../io.js';
import { plain } from '../../report/terminal-style.js';
import type { CommandContext } from '../main.js';

interface AttestOptions {
  by: string;
  evidence: string;
  expires: string;
  date?: string;
  config?: string;
}

export function registerAttestCommand(program: Command, context: CommandContext): void {
  program
    .command('attest')
    .description('record that a duty no configuration can show is done (training, incident response, client-side encryption ...)')
    .argument('<duty-id>', 'a customer or shared duty (see `demarc explain <id>`), e.g. train-staff, incident-response-plan')
    .requiredOption('--by <name>', 'who attests: a person or a team')
    .requiredOption('--evidence <url-or-file>', 'where the evidence is: a URL, or a file relative to the configuration file')
    .requiredOption('--expires <date>', 'the last day the attestation holds (YYYY-MM-DD)')
    .option('--date <date>', 'when it was attested (YYYY-MM-DD; default: today)')
    .option('--config <file>', `the configuration file to add to (default: ${CONFIG_FILE_NAMES[0]} in the current folder, created if absent)`)
    .addHelpText('after', '\nThe attested duty shows as `attested` in the matrix of later scans until it expires.')
    .action(async (dutyId: string, options: AttestOptions) => {
      const { io } = context;
      const now = cliClock(io);
      const entry: NewAttestation = { duty: dutyId, by: options.by, date: options.date ?? isoDay(now), evidence: options.evidence, expires: options.expires };
      const problems = attestationProblems(entry, now);
      if (problems.length > 0) throw new UsageError(problems[0] ?? '', problems.slice(1));

      const shown = options.config ?? findConfigFile(io.cwd) ?? CONFIG_FILE_NAMES[0];
      const path = isAbsolute(shown) ? shown : resolve(io.cwd, shown);
      let existing: string | undefined;
      try {
        existing = existsSync(path) ? await readInputFile(path, MAX_CONFIG_BYTES) : undefined;
      } catch (error) {
        throw new UsageError(`cannot read ${shown}: ${error instanceof Error ? error.message : String(error)}`);
      }
      let updated: string;
      try {
        updated = addAttestationToText(existing, entry);
      } catch (error) {
        throw new UsageError(`${shown}: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Refuse to write a file that scan would then reject because of this entry.
      const check = parseConfig(updated, shown, { now, baseDir: dirname(path) });
      const mine = (key: string | undefined): boolean => key !== undefined && key.startsWith('attestations[');
      if (!check.config && check.errors.some((issue) => mine(issue.key))) {
        const [first = '', ...rest] = check.errors.map((issue) => formatIssue(issue, 'error'));
        throw new UsageError(first, rest);
      }
      await writeOutput(path, updated);
      for (const issue of check.warnings) io.stderr(`demarc: ${formatIssue(issue, 'warning')}\n`);
      if (!check.config) io.stderr(`demarc: warning: ${shown} has other errors that scan will report\n`);
      io.stdout(`${plain(`${existing === undefined ? 'created' : 'updated'} ${shown}: ${entry.duty} attested by ${entry.by} on ${entry.date}, until ${entry.expires}`)}\n`);
    });
}
