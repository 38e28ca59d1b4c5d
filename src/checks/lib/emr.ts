import { at, isUnknown, record, str, type Maybe } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import type { InventoryView } from '../../inventory/view.js';
import { fromJson, Unknown, type PropRecord } from '../../inventory/values.js';

export type EncryptionConfiguration = { configuration: Resource; encryption: PropRecord | undefined };

/**
 * The `EncryptionConfiguration` of the security configuration an EMR cluster names: `undefined` when it names none,
 * an `Unknown` when the configuration cannot be found or read.
 */
/** What `emrEncryptionConfiguration` looks up. */
export const EMR_SECURITY_CONFIGURATION_READS = ['AWS::EMR::SecurityConfiguration'] as const;

export function emrEncryptionConfiguration(cluster: Resource, inventory: InventoryView): Maybe<EncryptionConfiguration> {
  const value = cluster.properties['SecurityConfiguration'];
  if (value === undefined || value === null) return undefined;
  const name = str(value);
  const configuration =
    inventory.resolve(value) ??
    inventory.ofType('AWS::EMR::SecurityConfiguration').find((candidate) => typeof name === 'string' && str(candidate.properties['Name']) === name);
  if (configuration?.type !== 'AWS::EMR::SecurityConfiguration') {
    return new Unknown(`the security configuration ${typeof name === 'string' ? name : 'it names'} is not in the scanned input`);
  }
  let document = configuration.properties['SecurityConfiguration'];
  if (typeof document === 'string') {
    try {
      document = fromJson(JSON.parse(document));
    } catch {
      return new Unknown(`the security configuration ${configuration.id} is not valid JSON`);
    }
  }
  const encryption = record(at(document, 'EncryptionConfiguration'));
  if (isUnknown(encryption)) return encryption;
  return { configuration, encryption };
}
