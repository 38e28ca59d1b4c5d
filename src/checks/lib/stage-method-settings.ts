import { at, list, str } from '../../inventory/readers.js';
import { isUnknown, type PropRecord, type PropValue, type Unknown } from '../../inventory/values.js';

/** One entry of a REST API stage's MethodSettings, with the label findings use for it. */
export interface MethodSetting {
  entry: PropValue;
  /** True for the stage-wide entry (ResourcePath `/*`, HttpMethod `*`), the default of every method. */
  stageWide: boolean;
  label: string;
  path: string;
}

/** The method settings of an `AWS::ApiGateway::Stage`, or the Unknown that stands for them. */
export function methodSettings(properties: PropRecord): MethodSetting[] | Unknown {
  const entries = list(properties['MethodSettings']);
  if (isUnknown(entries)) return entries;
  return (entries ?? []).map((entry, index) => {
    const resource = str(at(entry, 'ResourcePath'));
    const method = str(at(entry, 'HttpMethod'));
    const stageWide = resource === '/*' && method === '*';
    const label = stageWide ? 'the stage-wide method settings' : `the settings of ${typeof method === 'string' ? method : '(method)'} ${typeof resource === 'string' ? resource : '(path)'}`;
    return { entry, stageWide, label, path: `MethodSettings.${index}` };
  });
}
