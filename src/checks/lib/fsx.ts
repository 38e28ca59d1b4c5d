import { at, isUnknown, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { Unknown, type PropValue } from '../../inventory/values.js';

/** The four kinds of FSx file system, each with its own CloudFormation configuration block. */
const BLOCKS = { LUSTRE: 'LustreConfiguration', WINDOWS: 'WindowsConfiguration', ONTAP: 'OntapConfiguration', OPENZFS: 'OpenZFSConfiguration' } as const;
export type FileSystemKind = keyof typeof BLOCKS;

const LABELS: Record<FileSystemKind, string> = { LUSTRE: 'FSx for Lustre', WINDOWS: 'FSx for Windows File Server', ONTAP: 'FSx for NetApp ONTAP', OPENZFS: 'FSx for OpenZFS' };

export interface FileSystemSettings {
  kind: FileSystemKind;
  label: string;
  /** The configuration block's name, for property paths (`LustreConfiguration`). */
  block: string;
  /** A setting of the block (absent when the block or the setting is). */
  setting(name: string): PropValue | undefined;
}

const isKind = (value: string): value is FileSystemKind => Object.prototype.hasOwnProperty.call(BLOCKS, value);

/** Which kind of file system this is, and its configuration block; an Unknown when the type cannot be read. */
export function fileSystemSettings(fileSystem: Resource): FileSystemSettings | Unknown {
  const type = str(fileSystem.properties['FileSystemType']);
  if (isUnknown(type)) return type;
  if (type === undefined) return new Unknown('FileSystemType is not set');
  const kind = type.toUpperCase();
  if (!isKind(kind)) return new Unknown(`FileSystemType ${type} is not one demarc knows (LUSTRE, WINDOWS, ONTAP, OPENZFS)`);
  const block = BLOCKS[kind];
  return { kind, label: LABELS[kind], block, setting: (name) => at(fileSystem.properties, block, name) };
}

/**
 * For a Lustre file system, whether it is a scratch one (temporary storage: no automatic backups, and always encrypted
 * under the FSx service key). DeploymentType defaults to SCRATCH_1 when it is not set.
 */
export function isScratchLustre(settings: FileSystemSettings): boolean | Unknown {
  if (settings.kind !== 'LUSTRE') return false;
  const deployment = str(settings.setting('DeploymentType'));
  if (isUnknown(deployment)) return deployment;
  return deployment === undefined || deployment.startsWith('SCRATCH');
}
