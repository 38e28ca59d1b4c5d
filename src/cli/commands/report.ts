import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MAX_RESULT_BYTES, readInputFile } from '../../config/read-input.js';
import { createResultValidator } from '../../report/result-schema.js';
import type { Severity } from '../../model/vocabulary.js';
import { UsageError } from '../exit-codes.js';
import type { CommandContext } from '../main.js';
import { collect, parseSeverityThreshold } from '../options.js';
import { addAsffOptions, addViewOptions, emitResult, exitCodeFor, FORMAT_HELP, OUTPUT_HELP, planResultOutputs } from './scan.js';

/** The published schema, found relative to this file both in src/ (tests) and in dist/ (the installed CLI). */
export const RESULT_SCHEMA_PATH = fileURLToPath(new URL('../../../schema/scan-result.schema.json', import.meta.url));

interface ReportOptions {
  format?: string[];
  output?: string[];
  failOn: Severity | 'none';
  color?: boolean;
  asffAccount?: string;
  asffRegion?: string;
  compact?: boolean;
  severity?: Severity;
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') return 'no such file';
  return error instanceof Error ? error.message : String(error);
}

/** Reads and checks a saved JSON result: a clear message naming the file when it is not one. */
export async function readSavedResult(path: string) {
  let text: string;
  try {
    text = await readInputFile(path, MAX_RESULT_BYTES);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${reason(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON (${reason(error)}); expected a result saved with \`demarc scan --format json\``);
  }
  const schema: unknown = JSON.parse(await readFile(RESULT_SCHEMA_PATH, 'utf8'));
  if (typeof schema !== 'object' || schema === null) throw new Error(`${RESULT_SCHEMA_PATH} is not a JSON schema`);
  const checked = createResultValidator(schema)(value);
  if (!checked.ok) {
    const version = typeof value === 'object' && value !== null && 'schemaVersion' in value ? ` (schemaVersion ${String(value.schemaVersion)})` : '';
    throw new UsageError(`${path} is not a demarc scan result${version}: ${checked.errors.join('; ')}`);
  }
  return checked.result;
}

export function registerReportCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('report')
    .description('re-render a saved JSON result (from `demarc scan --format json`) in other formats')
    .argument('<result>', 'a JSON result file')
    .option('-f, --format <format>', FORMAT_HELP, collect)
    .option('-o, --output <file>', OUTPUT_HELP, collect)
    .option('--fail-on <severity>', 'exit 1 when a customer-owned failure is at or above this severity (critical, high, medium, low, info, none)', parseSeverityThreshold, 'none')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)');
  addAsffOptions(addViewOptions(command))
    .addHelpText('after', '\nExit codes: 0 done, 1 findings at or above --fail-on, 2 the file is not a demarc result or a usage error.')
    .action(async (path: string, options: ReportOptions) => {
      const plan = await planResultOutputs(options, context.io);
      const result = await readSavedResult(path);
      await emitResult(result, options, context.io, plan);
      context.setExitCode(exitCodeFor(result, options.failOn));
    });
}
