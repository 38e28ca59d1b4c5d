/**
 * The modules `terraform init` downloaded: `.terraform/modules/modules.json` in the root module's folder maps each
 * module call, by its key (`vpc`, `eks.kms` for a call inside a called module), to the folder it was put in.
 */

import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';

export interface ManifestEntry {
  key: string;
  source: string;
  /** The folder of the module's files, absolute or relative as the root folder is. */
  dir: string;
}

/** Far larger than any manifest (one short entry per module call), small enough to read whole. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export interface Manifest {
  entries: Map<string, ManifestEntry>;
  /** Why the manifest could not be read, when it exists but is not usable. */
  problem?: string;
  file: string;
}

/** Reads the manifest of a root folder; undefined when the folder was never initialised. */
export function readManifest(rootDir: string): Manifest | undefined {
  const file = join(rootDir, '.terraform', 'modules', 'modules.json');
  if (!existsSync(file)) return undefined;
  const entries = new Map<string, ManifestEntry>();
  try {
    if (statSync(file).size > MAX_MANIFEST_BYTES) return { entries, file, problem: `larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB` };
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const modules: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'Modules') : undefined;
    if (!Array.isArray(modules)) return { entries, file, problem: 'it has no Modules list' };
    for (const module of modules) {
      if (typeof module !== 'object' || module === null) continue;
      const key: unknown = Reflect.get(module, 'Key');
      const source: unknown = Reflect.get(module, 'Source');
      const dir: unknown = Reflect.get(module, 'Dir');
      if (typeof key !== 'string' || key === '' || typeof dir !== 'string') continue;
      entries.set(key, { key, source: typeof source === 'string' ? source : '', dir: normalize(isAbsolute(dir) ? dir : join(rootDir, dir)) });
    }
  } catch {
    return { entries, file, problem: 'it is not valid JSON' };
  }
  return { entries, file };
}

/**
 * True when the source recorded at `terraform init` is the one the configuration names now. Registry sources are
 * recorded with their host (`registry.terraform.io/terraform-aws-modules/vpc/aws` for `terraform-aws-modules/vpc/aws`).
 */
export function sameSource(recorded: string, configured: string): boolean {
  if (recorded === '' || recorded === configured) return true;
  const strip = (text: string): string => text.replace(/^registry\.terraform\.io\//, '').replace(/^git::/, '');
  return strip(recorded) === strip(configured);
}
