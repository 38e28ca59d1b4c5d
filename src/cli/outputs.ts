import { extname, resolve } from 'node:path';
import { UsageError } from './exit-codes.js';

/**
 * Which format goes where. The format of an `--output` comes from its extension; a `--format` goes to the output
 * whose extension fits it, or else to standard output. Formats that share an extension with another (OSCAL and ASFF
 * are JSON, the CRM is CSV) are only written when asked for with `--format`.
 */
export interface OutputCatalogue {
  /** Every format id, in the order the help lists them. */
  ids: readonly string[];
  /** The format an extension (lower case, with its dot) stands for. */
  byExtension: Readonly<Record<string, string>>;
  /** Formats that are written to another format's extension when asked for by name. */
  alsoFits?: Readonly<Record<string, readonly string[]>>;
  /** A name ending that marks an output as one format's among those of the same extension (`.oscal.json`). */
  suffixes?: Readonly<Record<string, string>>;
  /** What standard output gets when no format is named. */
  defaultFormat: string;
}

export interface PlannedOutput {
  format: string;
  /** A file, or undefined for standard output. */
  path?: string;
}

/** `-o -` is standard output. */
export const STDOUT_PATH = '-';

function fits(catalogue: OutputCatalogue, format: string, extension: string): boolean {
  return catalogue.byExtension[extension] === format || (catalogue.alsoFits?.[format] ?? []).includes(extension);
}

function formatsFor(catalogue: OutputCatalogue, extension: string): string[] {
  return catalogue.ids.filter((format) => fits(catalogue, format, extension));
}

function extensionsOf(catalogue: OutputCatalogue, format: string): string[] {
  return Object.keys(catalogue.byExtension).filter((extension) => catalogue.byExtension[extension] === format);
}

function quoted(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

interface Slot {
  path: string;
  stdout: boolean;
  /** The lower-case extension, when the catalogue knows it. */
  extension?: string;
  format?: string;
}

/** Checks the formats and outputs asked for and pairs them; every mistake is a usage error, before any work. */
export function planOutputs(formats: readonly string[], outputs: readonly string[], catalogue: OutputCatalogue, cwd: string): PlannedOutput[] {
  for (const format of formats) {
    if (!catalogue.ids.includes(format)) throw new UsageError(`unknown format ${format} (one of ${catalogue.ids.join(', ')})`);
  }
  const seen = new Set<string>();
  for (const path of outputs) {
    // `-o --fail-on none` takes `--fail-on` as the file name: almost surely a forgotten name.
    if (path.startsWith('-') && path !== STDOUT_PATH) throw new UsageError(`--output ${path} looks like an option, not a file name (for a file of that name, write ./${path})`);
    const key = path === STDOUT_PATH ? STDOUT_PATH : resolve(cwd, path);
    if (seen.has(key)) throw new UsageError(path === STDOUT_PATH ? '--output - (standard output) is given twice' : `--output ${path} is given twice: each output needs a path of its own`);
    seen.add(key);
  }
  if (formats.length === 0 && outputs.length === 0) return [{ format: catalogue.defaultFormat }];

  const slots: Slot[] = outputs.map((path) => {
    if (path === STDOUT_PATH) return { path, stdout: true };
    const extension = extname(path).toLowerCase();
    return formatsFor(catalogue, extension).length > 0 ? { path, stdout: false, extension } : { path, stdout: false };
  });
  const pending: string[] = [];
  // Each named format takes the first free output whose extension fits it, preferring one whose name ends with the
  // format's own suffix (`-f oscal -f json -o result.json -o ssp.oscal.json` pairs oscal with ssp.oscal.json).
  const suffixes = Object.entries(catalogue.suffixes ?? {});
  const suffixOf = (path: string): string | undefined => suffixes.find(([, suffix]) => path.toLowerCase().endsWith(suffix))?.[0];
  for (const format of formats) {
    const free = slots.filter((entry) => entry.format === undefined && entry.extension !== undefined && fits(catalogue, format, entry.extension));
    const slot = free.find((entry) => suffixOf(entry.path) === format) ?? free.find((entry) => suffixOf(entry.path) === undefined) ?? free[0];
    if (slot) slot.format = format;
    else pending.push(format);
  }
  // Outputs whose name says nothing (no or an unknown extension, or `-`) take the named formats left, in order.
  for (const slot of slots) {
    if (slot.format !== undefined || slot.extension !== undefined) continue;
    const next = pending.shift();
    if (next !== undefined) slot.format = next;
    else if (slot.stdout) slot.format = catalogue.defaultFormat;
    else {
      const known = catalogue.ids.flatMap((format) => extensionsOf(catalogue, format));
      throw new UsageError(`cannot tell the format of ${slot.path} from its name: end it with ${quoted(known)}, or give --format (${catalogue.ids.join(', ')})`);
    }
  }
  // Outputs with a known extension that no named format took are written in their extension's format, unless a
  // named format found no place: then the command line says two things at once. The terminal's own format is the
  // exception: `-f text -o results.sarif` prints the text and writes SARIF.
  const unclaimed = slots.filter((entry) => entry.format === undefined);
  const conflict = pending.find((format) => format !== catalogue.defaultFormat);
  const [other] = unclaimed;
  if (conflict !== undefined && other?.extension !== undefined) {
    const extensions = extensionsOf(catalogue, conflict);
    throw new UsageError(
      `--format ${conflict} does not match ${other.path}: a ${other.extension} file is written as ${quoted(formatsFor(catalogue, other.extension))}` +
        `${extensions.length > 0 ? `; name the file with ${quoted(extensions)} for ${conflict}` : ''}, or leave out --format ${conflict}`,
    );
  }
  for (const slot of unclaimed) slot.format = slot.extension === undefined ? catalogue.defaultFormat : catalogue.byExtension[slot.extension] ?? catalogue.defaultFormat;
  const toStdout = [...slots.filter((slot) => slot.stdout).map((slot) => slot.format ?? catalogue.defaultFormat), ...pending];
  if (toStdout.length > 1) {
    throw new UsageError(`more than one format goes to standard output (${toStdout.join(', ')}): give each but one an --output whose extension names it (e.g. -o results.${extensionsOf(catalogue, toStdout[1] ?? '')[0]?.slice(1) ?? 'out'})`);
  }
  const files: PlannedOutput[] = slots.filter((slot) => !slot.stdout).map((slot) => ({ format: slot.format ?? catalogue.defaultFormat, path: slot.path }));
  // Files first: if the reader of standard output goes away early, the files are written all the same.
  return [...files, ...toStdout.map((format) => ({ format }))];
}
