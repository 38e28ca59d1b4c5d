import type { InventoryView } from '../../inventory/view.js';
import type { Resource } from '../../inventory/resource.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import { Unknown, type PropValue } from '../../inventory/values.js';

export const CONFIGURATION_TEMPLATE = 'AWS::ElasticBeanstalk::ConfigurationTemplate';

/** Where an option's value was found, for messages. */
export interface OptionValue {
  value: string | undefined;
  from: string;
}

function findOption(settings: PropValue | undefined, namespace: string, option: string): string | Unknown | undefined | null {
  const entries = list(settings);
  if (isUnknown(entries)) return entries;
  for (const entry of entries ?? []) {
    const entryNamespace = str(at(entry, 'Namespace'));
    const entryOption = str(at(entry, 'OptionName'));
    if (isUnknown(entryNamespace) || isUnknown(entryOption)) return new Unknown('an option setting names its namespace or option through an unresolved value');
    if (entryNamespace === namespace && entryOption === option) {
      const value = str(at(entry, 'Value'));
      return value ?? null;
    }
  }
  return undefined;
}

/**
 * The value of an Elastic Beanstalk option as the environment declares it: its own OptionSettings first, then those of
 * the saved configuration it names (TemplateName). Undefined value: neither sets it, so the platform default applies.
 * An account scan gives the environment's effective settings, which already include both.
 */
export function beanstalkOption(environment: Resource, inventory: InventoryView, namespace: string, option: string): OptionValue | Unknown {
  const own = findOption(environment.properties['OptionSettings'], namespace, option);
  if (isUnknown(own)) return own;
  if (own !== undefined) return { value: own ?? undefined, from: 'the environment\'s option settings' };
  const templateName = environment.properties['TemplateName'];
  if (templateName === undefined || templateName === null) return { value: undefined, from: 'no option setting' };
  const template = inventory.resolve(templateName, [CONFIGURATION_TEMPLATE]);
  if (template === undefined) {
    const name = str(templateName);
    return new Unknown(`the environment takes its settings from configuration template ${typeof name === 'string' ? name : 'of an unresolved name'}, which is not in the scan`);
  }
  const inherited = findOption(template.properties['OptionSettings'], namespace, option);
  if (isUnknown(inherited)) return inherited;
  return { value: inherited ?? undefined, from: inherited === undefined ? 'no option setting' : `configuration template ${template.name ?? template.id}` };
}
