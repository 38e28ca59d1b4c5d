import { open } from 'node:fs/promises';
import { describeFileKind, READ_FLAGS } from '../inventory/sources/file-source.js';

/** Largest configuration file read: far more suppressions and attestations than any team writes. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;
/** Largest saved result read (`--baseline`, `diff`): V8's longest string, as for Terraform plans. */
export const MAX_RESULT_BYTES = 512 * 1024 * 1024 - 64;

/** A file that could not be read, the reason in words (the caller names the file). */
export class InputReadError extends Error {}

function reasonOf(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'a folder, not a regular file';
  return error instanceof Error ? error.message : String(error);
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads a regular file of at most `maxBytes` as UTF-8. The file is opened without waiting on a FIFO and judged by
 * `fstat` on what was opened, so a FIFO, a device or a folder is refused at once instead of hanging or never ending,
 * and no more than its size at opening plus one byte is read, even from a file that grows.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    throw new InputReadError(reasonOf(error));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputReadError(`${describeFileKind(info)}, not a regular file`);
    if (info.size > maxBytes) throw new InputReadError(`the file is ${megabytes(info.size)}; demarc reads files of this kind up to ${megabytes(maxBytes)}`);
    // One byte more than fstat says: a file that fills it grew after fstat, and is refused rather than read on.
    const buffer = Buffer.allocUnsafe(info.size + 1);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total === buffer.length) throw new InputReadError('the file grew while it was read');
    }
    return buffer.subarray(0, total).toString('utf8');
  } catch (error) {
    if (error instanceof InputReadError) throw error;
    throw new InputReadError(reasonOf(error));
  } finally {
    await handle.close();
  }
}
