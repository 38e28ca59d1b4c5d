import type { Stats } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { redactInventory } from './redact.js';
import { mergeInventories, type Inventory, type SourceProblem } from './resource.js';
import { describeFileKind, READ_FLAGS, READ_FLAGS_NO_FOLLOW, type FileSource, type LoadedFile } from './sources/file-source.js';
import { fileSources } from './sources/registry.js';

const HEAD_BYTES = 64 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', 'cdk.out', '.aws-sam', 'dist', 'coverage']);
const SCANNED_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template', '.cfn', '.tf', '.tfstate', '.tfvars']);
/** Files opened and read at once: enough to hide the latency of each open, few enough to stay far from fd limits. */
const READ_CONCURRENCY = 16;

export interface LoadOptions {
  sources?: readonly FileSource[];
  /** Called for each file as it is read, for progress displays. */
  onFile?: (path: string) => void;
  /**
   * Globs over paths relative to each scanned folder (`test/**`, `legacy/*.yaml`): matching files, and folders
   * with everything below them, are not read. Files named explicitly are always read.
   */
  exclude?: readonly string[];
}

/** Whether a path found below a folder is excluded; `relativePath` uses `/` whatever the platform. */
type Excluded = (relativePath: string) => boolean;

function excluder(globs: readonly string[] | undefined): Excluded | undefined {
  if (!globs || globs.length === 0) return undefined;
  const matches = picomatch([...globs], { dot: true });
  return (relativePath) => matches(relativePath);
}

interface Candidate {
  /** The path reported (as given, or as found below a folder). */
  path: string;
  /** The path opened, when it is not `path`: the target of a symbolic link found in a folder. */
  target?: string;
  explicit: boolean;
}

const isScannedName = (path: string): boolean => SCANNED_EXTENSIONS.has(extname(path).toLowerCase());

/** Whether `path` is `folder` or below it; both are real paths (no symbolic links). */
function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

/**
 * The files to read below a folder, in name order, depth first. Only real folders are entered and only regular files
 * are taken; symbolic links are judged after the walk: one that leads out of the folder is skipped with a warning,
 * one that leads to a template inside it reads that template once.
 */
async function listFolder(root: string, problems: SourceProblem[], excluded?: Excluded): Promise<Candidate[]> {
  const files: Candidate[] = [];
  const links: string[] = [];
  const isExcluded = (path: string): boolean => excluded !== undefined && excluded(relative(root, path).split(sep).join('/'));
  const visit = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (folder === root) throw error;
      problems.push({ file: folder, message: `cannot read: ${describeError(error)}`, fatal: true });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (isExcluded(path)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await visit(path);
      } else if (entry.isSymbolicLink()) {
        links.push(path);
      } else if (entry.isFile()) {
        if (isScannedName(entry.name)) files.push({ path, explicit: false });
      } else if (isScannedName(entry.name)) {
        const kind = entry.isFIFO() ? 'a named pipe (FIFO)' : entry.isSocket() ? 'a socket' : 'a device';
        problems.push({ file: path, message: `skipped: ${kind}, not a regular file`, fatal: false });
      }
    }
  };
  await visit(root);
  if (links.length === 0) return files;

  // Only real folders were entered, so a file found is at the same place below the folder's real path.
  const rootReal = await realpath(root);
  const read = new Set(files.map((file) => join(rootReal, relative(root, file.path))));
  for (const link of links) {
    let target: string;
    let info: Stats;
    try {
      target = await realpath(link);
      info = await stat(target);
    } catch {
      if (isScannedName(link)) problems.push({ file: link, message: 'skipped broken symlink', fatal: false });
      continue;
    }
    if (!info.isDirectory() && !isScannedName(link)) continue;
    if (!isWithin(target, rootReal)) {
      problems.push({ file: link, message: 'skipped symlink to outside the scanned folder', fatal: false });
    } else if (info.isDirectory()) {
      problems.push({ file: link, message: 'skipped symlink to a folder: symlinked folders are not followed (the folder is scanned where it is)', fatal: false });
    } else if (!info.isFile()) {
      problems.push({ file: link, message: `skipped symlink to ${describeFileKind(info)}, not a regular file`, fatal: false });
    } else if (read.has(target)) {
      problems.push({ file: link, message: `skipped symlink: its target ${relative(rootReal, target)} is read once, where it is`, fatal: false });
    } else {
      read.add(target);
      files.push({ path: link, target, explicit: false });
    }
  }
  return files;
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    if (error.code === 'ENOENT') return 'no such file or folder';
    if (error.code === 'EACCES') return 'permission denied';
    if (error.code === 'EISDIR') return 'is a folder';
    if (error.code === 'ELOOP') return 'is a symbolic link';
  }
  return error instanceof Error ? error.message : String(error);
}

const megabytes = (bytes: number): string => (bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Reads from the start of an open file until its end or `limit` bytes, whichever comes first. */
async function readAtMost(handle: FileHandle, limit: number, sizeHint: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    // The first read asks for one byte past the size fstat gave, so that a file that did not grow takes one buffer.
    const want = Math.min(limit - total, Math.max(sizeHint - total + 1, 64 * 1024));
    const chunk = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(chunk, 0, want, total);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total);
}

type ReadOutcome = { source: FileSource; file: LoadedFile } | { problem: SourceProblem } | undefined;

/**
 * Opens a file once and judges what was opened, not what the path named a moment before: only a regular file is read,
 * only if its source reads files that large, and never more than one byte past that limit (a device such as
 * /dev/zero, a FIFO or a file that grows meanwhile cannot hang the scan or fill its memory).
 */
async function readCandidate(candidate: Candidate, sources: readonly FileSource[]): Promise<ReadOutcome> {
  const problem = (message: string, fatal = true): ReadOutcome => ({ problem: { file: candidate.path, message, fatal } });
  let handle: FileHandle;
  try {
    // A path the user named may be a symbolic link; one found in a folder was judged already (and its target is opened).
    handle = await open(candidate.target ?? candidate.path, candidate.explicit ? READ_FLAGS : READ_FLAGS_NO_FOLLOW);
  } catch (error) {
    return problem(`cannot read: ${describeError(error)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return problem(`cannot read: ${describeFileKind(info)}, not a regular file`, candidate.explicit);
    const headBytes = await readAtMost(handle, HEAD_BYTES, info.size);
    const head = headBytes.toString('utf8');
    const source = sources.find((entry) => entry.claims(candidate.path, head));
    if (!source) {
      return candidate.explicit ? problem('not a CloudFormation template, Terraform plan, state or configuration file') : undefined;
    }
    const tooLarge = (size: number): ReadOutcome =>
      problem(`file is ${megabytes(size)}; the ${source.id} source reads files up to ${megabytes(source.maxBytes)}`);
    if (info.size > source.maxBytes) return tooLarge(info.size);
    // A head shorter than asked for is the whole file.
    const bytes = headBytes.length < HEAD_BYTES ? headBytes : await readAtMost(handle, source.maxBytes + 1, info.size);
    if (bytes.length > source.maxBytes) return tooLarge(bytes.length);
    return { source, file: { path: candidate.path, text: bytes === headBytes ? head : bytes.toString('utf8') } };
  } catch (error) {
    return problem(`cannot read: ${describeError(error)}`);
  } finally {
    await handle.close();
  }
}

/**
 * Reads files and folders into one inventory. Each file goes to the first source that claims it; a file named
 * explicitly that no source claims is a problem, a file found in a folder that no source claims is skipped.
 * A file that cannot be read is a fatal problem for that file only: the other files are still read.
 */
export async function loadPaths(paths: readonly string[], options: LoadOptions = {}): Promise<Inventory> {
  const sources = options.sources ?? fileSources;
  const exclude = excluder(options.exclude);
  const problems: SourceProblem[] = [];

  const candidates: Candidate[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const found = await listFolder(path, problems, exclude);
        if (found.length === 0) problems.push({ file: path, message: 'the folder holds no template, plan, state or .tf file', fatal: true });
        // One by one: spreading 130,000 paths into push() overflows the stack.
        for (const candidate of found) candidates.push(candidate);
      } else if (info.isFile()) {
        candidates.push({ path, explicit: true });
      } else {
        // Opening a FIFO waits for a writer, and a device may never end: refused before they are opened.
        problems.push({ file: path, message: `cannot read: ${describeFileKind(info)}, not a regular file`, fatal: true });
      }
    } catch (error) {
      problems.push({ file: path, message: `cannot read: ${describeError(error)}`, fatal: true });
    }
  }

  // Read a few at a time; the outcomes are taken in the candidates' order, so the result does not depend on timing.
  const outcomes: ReadOutcome[] = new Array<ReadOutcome>(candidates.length);
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    for (let index = nextIndex++; index < candidates.length; index = nextIndex++) {
      const candidate = candidates[index];
      if (!candidate) continue;
      options.onFile?.(candidate.path);
      outcomes[index] = await readCandidate(candidate, sources);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, candidates.length) }, worker));

  const claimed = new Map<FileSource, Map<string, LoadedFile[]>>();
  for (const outcome of outcomes) {
    if (outcome === undefined) continue;
    if ('problem' in outcome) {
      problems.push(outcome.problem);
      continue;
    }
    const groups = claimed.get(outcome.source) ?? new Map<string, LoadedFile[]>();
    claimed.set(outcome.source, groups);
    const group = outcome.source.groupOf?.(outcome.file.path) ?? '';
    const files = groups.get(group) ?? [];
    groups.set(group, files);
    files.push(outcome.file);
  }

  const parts: Inventory[] = [{ resources: [], gaps: [], problems, sources: [] }];
  for (const [source, groups] of claimed) {
    for (const files of groups.values()) {
      try {
        parts.push(await source.read(files));
      } catch (error) {
        // A source bug (or a stack overflow on a hostile file) must not cost the user the other groups' results.
        for (const file of files) {
          problems.push({ file: file.path, message: `the ${source.id} source failed: ${describeError(error)}`, fatal: true });
        }
      }
    }
  }
  return redactInventory(mergeInventories(parts));
}
