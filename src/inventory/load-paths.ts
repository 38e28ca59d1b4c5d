import { open, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { redactInventory } from './redact.js';
import { mergeInventories, type Inventory, type SourceProblem } from './resource.js';
import type { FileSource, LoadedFile } from './sources/file-source.js';
import { fileSources } from './sources/registry.js';

const HEAD_BYTES = 64 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', 'cdk.out', '.aws-sam', 'dist', 'coverage']);
const SCANNED_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template', '.cfn', '.tf', '.tfstate', '.tfvars']);

export interface LoadOptions {
  sources?: readonly FileSource[];
  /** Called for each file as it is read, for progress displays. */
  onFile?: (path: string) => void;
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function listFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) files.push(...(await listFolder(path)));
    } else if (entry.isFile() && SCANNED_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      files.push(path);
    }
  }
  return files;
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    if (error.code === 'ENOENT') return 'no such file or folder';
    if (error.code === 'EACCES') return 'permission denied';
    if (error.code === 'EISDIR') return 'is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads files and folders into one inventory. Each file goes to the first source that claims it; a file named
 * explicitly that no source claims is a problem, a file found in a folder that no source claims is skipped.
 * A file that cannot be read is a fatal problem for that file only: the other files are still read.
 */
export async function loadPaths(paths: readonly string[], options: LoadOptions = {}): Promise<Inventory> {
  const sources = options.sources ?? fileSources;
  const problems: SourceProblem[] = [];
  const claimed = new Map<FileSource, LoadedFile[]>();

  const candidates: Array<{ path: string; explicit: boolean }> = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const found = await listFolder(path);
        if (found.length === 0) problems.push({ file: path, message: 'the folder holds no template, plan, state or .tf file', fatal: true });
        candidates.push(...found.map((file) => ({ path: file, explicit: false })));
      } else {
        candidates.push({ path, explicit: true });
      }
    } catch (error) {
      problems.push({ file: path, message: `cannot read: ${describeError(error)}`, fatal: true });
    }
  }

  for (const candidate of candidates) {
    options.onFile?.(candidate.path);
    try {
      const head = await readHead(candidate.path);
      const source = sources.find((entry) => entry.claims(candidate.path, head));
      if (!source) {
        if (candidate.explicit) {
          problems.push({ file: candidate.path, message: 'not a CloudFormation template, Terraform plan, state or configuration file', fatal: true });
        }
        continue;
      }
      const { size } = await stat(candidate.path);
      if (size > source.maxBytes) {
        problems.push({
          file: candidate.path,
          message: `file is ${megabytes(size)}; the ${source.id} source reads files up to ${megabytes(source.maxBytes)}`,
          fatal: true,
        });
        continue;
      }
      const text = await readFile(candidate.path, 'utf8');
      const list = claimed.get(source) ?? [];
      list.push({ path: candidate.path, text });
      claimed.set(source, list);
    } catch (error) {
      problems.push({ file: candidate.path, message: `cannot read: ${describeError(error)}`, fatal: true });
    }
  }

  const parts: Inventory[] = [{ resources: [], gaps: [], problems, sources: [] }];
  for (const [source, files] of claimed) {
    try {
      parts.push(await source.read(files));
    } catch (error) {
      // A source bug must not cost the user the other files' results.
      for (const file of files) {
        problems.push({ file: file.path, message: `the ${source.id} source failed: ${describeError(error)}`, fatal: true });
      }
    }
  }
  return redactInventory(mergeInventories(parts));
}
