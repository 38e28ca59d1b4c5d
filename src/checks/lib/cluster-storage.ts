import { fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import type { Resource } from '../../inventory/resource.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

/**
 * `StorageEncrypted` of a database cluster created unencrypted unless asked (DocumentDB, Neptune): a cluster restored
 * from a snapshot or another cluster takes that source's encryption, which the input does not show.
 */
export function clusterStorageEncryption(cluster: Resource): Evaluation {
  const encrypted = bool(at(cluster.properties, 'StorageEncrypted'));
  if (isUnknown(encrypted)) return unknown(encrypted, 'StorageEncrypted');
  if (encrypted === true) return pass('storage is encrypted', 'StorageEncrypted');
  for (const source of ['SnapshotIdentifier', 'SourceDBClusterIdentifier']) {
    if (encrypted === undefined && cluster.properties[source] !== undefined) return unknown(`the cluster is restored from ${source}, whose encryption it inherits`, source);
  }
  if (encrypted === false) return fail('StorageEncrypted is false', 'StorageEncrypted');
  return fail('StorageEncrypted is not set, and a cluster created through the API is unencrypted by default');
}
