import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Inventory } from '../resource.js';

export interface LoadedFile {
  /** The path as the user gave it or as found below a folder they gave. */
  path: string;
  text: string;
}

/** A source that reads files (templates, plans, configuration). Plain objects, one per source folder. */
export interface FileSource {
  id: string;
  /** Largest file the source reads; a larger one is refused with a message, unread. */
  maxBytes: number;
  /** Whether the file is this source's input, from its path and its first bytes. */
  claims(path: string, head: string): boolean;
  /**
   * Files with the same group are read together, in one `read`; a `read` that throws costs only its group's results.
   * Without it, all the files the source claimed are one group (a Terraform folder must be read whole).
   */
  groupOf?(path: string): string;
  /** Reads the files the source claimed in one scan, a group at a time (some sources need them together). */
  read(files: readonly LoadedFile[]): Inventory | Promise<Inventory>;
}

/**
 * Flags to open an untrusted path for reading: a FIFO opens without waiting for a writer (so that it can be refused
 * rather than hang), a regular file reads as usual.
 */
export const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** As `READ_FLAGS`, refusing a final symbolic link (for files found in a folder, whose links are judged apart). */
export const READ_FLAGS_NO_FOLLOW = READ_FLAGS | (constants.O_NOFOLLOW ?? 0);

/** What a file is, in words, when it is not a regular file. */
export function describeFileKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/**
 * Reads a regular file of at most `maxBytes`, synchronously, checking what was opened (not what the path named a
 * moment before): a FIFO, a device such as /dev/zero or a folder is refused, and no more than `maxBytes + 1` bytes
 * are ever read, so a file that grows while it is read cannot grow memory. For sources that read more files than
 * `loadPaths` hands them (Terraform module folders outside the scan).
 */
export function readRegularFileSync(path: string, maxBytes: number): { text: string } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    return { problem: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { problem: `cannot read: ${describeFileKind(info)}, not a regular file` };
    if (info.size > maxBytes) return { problem: `file is ${info.size} bytes; the limit is ${maxBytes}` };
    let buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { problem: `file grew past ${maxBytes} bytes while it was read` };
      if (total === buffer.length) {
        // Grew since fstat: keep reading, up to one byte past the limit.
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
    }
    return { text: buffer.subarray(0, total).toString('utf8') };
  } finally {
    closeSync(fd);
  }
}
