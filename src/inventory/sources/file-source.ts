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
  /** Reads all files the source claimed in one scan (some sources need them together, like a Terraform folder). */
  read(files: readonly LoadedFile[]): Inventory | Promise<Inventory>;
}
