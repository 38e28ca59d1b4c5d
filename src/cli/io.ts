import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { chown, lstat, mkdir, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { plain } from '../report/terminal-style.js';
import { UsageError } from './exit-codes.js';

/** Everything the CLI touches outside itself, so that tests can run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout / stderr are terminals (colours, progress). */
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  columns: number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Resolves once everything written to stdout so far has been taken by the reader, or has failed. */
  flush?(): Promise<void>;
  /** Why stdout could not be written, once it could not: `EPIPE` when its reader went away (`… | head -1`). */
  stdoutError?(): { code?: string; message: string } | undefined;
}

/** A stream as process.stdout is one: what `processIo` needs of it. */
export interface OutputStream {
  write(text: string, callback: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

function errorCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

// The reader of a pipe went away: EPIPE, or the stream already torn down because of it.
const CLOSED_PIPE = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

function failure(error: Error): { code?: string; message: string } {
  const code = errorCode(error);
  return { code: code !== undefined && CLOSED_PIPE.has(code) ? 'EPIPE' : code, message: error.message };
}

export function processIo(streams: { stdout: OutputStream; stderr: OutputStream } = { stdout: process.stdout, stderr: process.stderr }): CliIo {
  let stdoutFailure: { code?: string; message: string } | undefined;
  let stderrClosed = false;
  let lastWrite: Promise<void> = Promise.resolve();
  // A reader that goes away (`demarc scan … | head -1`) is not a crash: writing stops and the run ends quietly.
  streams.stdout.on('error', (error) => {
    stdoutFailure ??= failure(error);
  });
  streams.stderr.on('error', () => {
    stderrClosed = true;
  });
  return {
    stdout: (text) => {
      if (stdoutFailure) return;
      lastWrite = new Promise((resolve) => {
        streams.stdout.write(text, (error) => {
          if (error) stdoutFailure ??= failure(error);
          resolve();
        });
      });
    },
    stderr: (text) => {
      if (!stderrClosed) streams.stderr.write(text, () => undefined);
    },
    stdoutIsTty: streams.stdout.isTTY === true,
    stderrIsTty: streams.stderr.isTTY === true,
    columns: streams.stdout.columns ?? 100,
    env: process.env,
    cwd: process.cwd(),
    flush: () => lastWrite,
    stdoutError: () => stdoutFailure,
  };
}

// The only control sequences demarc itself writes to stderr: `\r\x1b[K` to redraw a progress line, and line breaks
// around a line. Everything between is one line of text, whatever it quotes.
// eslint-disable-next-line no-control-regex
const STDERR_WRITE = /^((?:\r\u001b\[K)?)(\n*)([\s\S]*?)(\n?)$/;

/** One write to stderr made safe: input quoted in it cannot drive the terminal or start a line of its own. */
export function safeStderrText(text: string): string {
  const [, redraw = '', before = '', line = '', after = ''] = STDERR_WRITE.exec(text) ?? [];
  return `${redraw}${before}${plain(line)}${after}`;
}

/**
 * The io every command gets: each write to stderr is at most one line, with control characters in it shown escaped
 * (`\x1b`, `\n`). Problem lines quote file names, logical ids and messages from the input, and a newline in one of
 * them followed by `::error file=…` would otherwise be a GitHub Actions workflow command.
 */
export function guardedIo(io: CliIo): CliIo {
  return { ...io, stderr: (text) => io.stderr(safeStderrText(text)) };
}

/** Text of several lines that demarc wrote itself (help): each line goes through the guard on its own. */
export function writeLines(io: CliIo, text: string): void {
  for (const line of text.split(/(?<=\n)/)) io.stderr(line);
}

/** Colour only on a terminal, never with NO_COLOR or --no-color (commander sets `color: false` for the latter). */
export function useColor(io: CliIo, isTty: boolean, requested: boolean | undefined): boolean {
  if (requested === false) return false;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return isTty;
}

/** A file that cannot be written: `cannot write FILE: reason`, exit code 2. */
export class OutputError extends UsageError {}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EBUSY: 'the file is busy',
  EXDEV: 'the file is on another file system',
};

/** Why a file operation failed, in words, never naming the temporary file. */
function fsReason(error: unknown, temporary?: string, shown?: string): string {
  const code = errorCode(error);
  if (code && FS_REASONS[code]) return FS_REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  return temporary && shown ? message.split(temporary).join(shown) : message;
}

/** The closest existing entry at or above `folder`, when it is not a folder: what stops the folder being made. */
async function blockingFile(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = dirname(current)) {
    try {
      return (await stat(current)).isDirectory() ? undefined : current;
    } catch (error) {
      if (dirname(current) === current || (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR')) return undefined;
    }
  }
}

async function folderError(path: string, folder: string, error: unknown): Promise<OutputError> {
  const blocker = await blockingFile(folder);
  const reason = blocker === undefined ? fsReason(error) : blocker === folder ? 'a file of that name is in the way' : `${blocker} is a file`;
  return new OutputError(`cannot write ${path}: cannot create the folder ${folder}: ${reason}`);
}

const notRegular = (path: string): OutputError => new OutputError(`cannot write ${path}: it is not a regular file`);

const PSEUDO_FILE_SYSTEMS = /^\/(?:proc|dev|sys)(?:\/|$)/;

interface Target {
  /** The file to replace: the path itself, or the regular file a symbolic link points to (the link stays). */
  file: string;
  /** An existing file's mode and owner, which the new file keeps. */
  existing?: { mode: number; uid: number; gid: number };
}

/** Only a regular file or a new path is written; a device, a FIFO, a folder or a link to one of them is refused. */
async function targetOf(path: string): Promise<Target> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { file: path };
    if (errorCode(error) === 'ENOTDIR') throw await folderError(path, dirname(path), error);
    throw new OutputError(`cannot write ${path}: ${fsReason(error)}`);
  }
  let file = path;
  if (info.isSymbolicLink()) {
    // Replacing the link would break it, so its target is replaced, if that is a regular file. A link into /proc,
    // /dev or /sys (/dev/stdout, /proc/self/fd/1) names a stream, not a file, whatever it currently points to.
    try {
      let hop = resolve(path);
      for (let hops = 0; (await lstat(hop)).isSymbolicLink(); hops += 1) {
        if (hops > 40 || PSEUDO_FILE_SYSTEMS.test(hop)) throw notRegular(path);
        hop = resolve(dirname(hop), await readlink(hop));
        if (PSEUDO_FILE_SYSTEMS.test(hop)) throw notRegular(path);
      }
      file = await realpath(hop);
      info = await stat(file);
    } catch {
      throw notRegular(path);
    }
  }
  if (!info.isFile()) throw notRegular(path);
  return { file, existing: { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid } };
}

/** Refuses, before any work, an output that would be refused when written (a device, a FIFO, a folder). */
export async function checkOutputPath(path: string): Promise<void> {
  await targetOf(path);
}

// Temporary files being written, removed if the run is interrupted (the rename has not happened, so the target is
// untouched), or if the process exits while one is open.
const temporaries = new Set<string>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removeTemporaries(): void {
  for (const path of temporaries) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  temporaries.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTemporaries();
  watchSignals(false);
  // Die of the signal as if it had never been caught, so that the shell sees the usual status (130, 143).
  process.kill(process.pid, signal);
}

function watchSignals(on: boolean): void {
  for (const signal of SIGNALS) {
    if (on) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
  if (on) process.on('exit', removeTemporaries);
  else process.off('exit', removeTemporaries);
}

function track(path: string): void {
  if (temporaries.size === 0) watchSignals(true);
  temporaries.add(path);
}

function untrack(path: string): void {
  temporaries.delete(path);
  if (temporaries.size === 0) watchSignals(false);
}

/** Pieces of an output, written one after another: a large report never has to be one string. */
export type OutputPieces = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

// Pieces are gathered to about this many characters before each write.
const WRITE_BATCH = 1 << 20;

/**
 * Writes `content` to `path` through a temporary file in the same folder and a rename, so that an interrupted run
 * never leaves half a report. Only a regular file (whose permissions and owner the new one keeps) or a new path is
 * written, a missing folder is created, and every failure is `cannot write PATH: reason`.
 */
export async function writeOutput(path: string, content: OutputPieces | string | Uint8Array): Promise<void> {
  const target = await targetOf(path);
  const folder = dirname(target.file);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw await folderError(path, folder, error);
  }
  const temporary = join(folder, `.demarc-tmp-${basename(target.file)}-${randomBytes(6).toString('hex')}`);
  track(temporary);
  try {
    const handle = await open(temporary, 'wx', 0o666);
    try {
      const pieces: OutputPieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
      let batch = '';
      const writeAll = async (data: Uint8Array): Promise<void> => {
        for (let offset = 0; offset < data.length;) offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
      };
      for await (const piece of pieces) {
        if (typeof piece === 'string') {
          batch += piece;
          if (batch.length < WRITE_BATCH) continue;
          await writeAll(Buffer.from(batch, 'utf8'));
          batch = '';
        } else {
          if (batch) await writeAll(Buffer.from(batch, 'utf8'));
          batch = '';
          await writeAll(piece);
        }
      }
      if (batch) await writeAll(Buffer.from(batch, 'utf8'));
      if (target.existing) {
        await handle.chmod(target.existing.mode);
        const { uid, gid } = target.existing;
        if (uid !== process.getuid?.() || gid !== process.getgid?.()) await chown(temporary, uid, gid).catch(() => undefined);
      }
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (!temporaries.has(temporary)) throw new OutputError(`cannot write ${path}: interrupted`);
    await rename(temporary, target.file);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof OutputError) throw error;
    throw new OutputError(`cannot write ${path}: ${fsReason(error, temporary, path)}`);
  } finally {
    untrack(temporary);
  }
}

/**
 * Writes pieces to stdout in batches, waiting for the reader between them (a slow pipe is not buffered whole in
 * memory) and stopping once the reader has gone away.
 */
export async function writeStdout(io: CliIo, pieces: OutputPieces): Promise<void> {
  let batch = '';
  for await (const piece of pieces) {
    if (io.stdoutError?.()) return;
    batch += typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8');
    if (batch.length < WRITE_BATCH) continue;
    io.stdout(batch);
    batch = '';
    await io.flush?.();
  }
  if (batch && !io.stdoutError?.()) io.stdout(batch);
}
