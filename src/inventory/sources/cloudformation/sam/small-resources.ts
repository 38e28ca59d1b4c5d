import type { SamContext, SamResource } from './context.js';
import type { Entry } from './output.js';
import { own, s3Location, type TemplateRecord } from './template-values.js';

/** `AWS::Serverless::LayerVersion`: the layer version, named after its id unless `LayerName` is given. */
export function expandLayerVersion(resource: SamResource, context: SamContext): void {
  const { id, props, origin, line } = resource;
  const { output } = context;
  const field = (name: string, as = name): Entry => [as, props.value(name), props.line(name)];
  const content = props.get('ContentUri');
  const location = s3Location(content?.value, { bucket: 'S3Bucket', key: 'S3Key', version: 'S3ObjectVersion' });
  const layerName = props.get('LayerName');
  output.add(id, 'AWS::Lambda::LayerVersion', output.record([
    ['LayerName', layerName?.value ?? id, layerName?.line ?? line],
    ['Content', location ?? null, content?.line ?? line],
    field('Description'), field('CompatibleRuntimes'), field('CompatibleArchitectures'), field('LicenseInfo'),
  ], line), origin);
  if (location === undefined) output.unknown(id, ['Content'], 'ContentUri is not an S3 location the template states (a local path is uploaded when the template is packaged)');
}

/**
 * `AWS::Serverless::Application`: a nested stack. Its template (from the Serverless Application Repository or a
 * URL) is not read, so what it deploys is not scanned.
 */
export function expandApplication(resource: SamResource, context: SamContext): void {
  const { id, props, origin, line } = resource;
  const { output } = context;
  const location = props.get('Location');
  const templateUrl = typeof location?.value === 'string' ? location.value : undefined;
  const extra: TemplateRecord = {};
  output.add(id, 'AWS::CloudFormation::Stack', output.record([
    ['TemplateURL', templateUrl, location?.line],
    ['Parameters', props.value('Parameters'), props.line('Parameters')],
    ['NotificationARNs', props.value('NotificationARNs'), props.line('NotificationARNs')],
    ['TimeoutInMinutes', props.value('TimeoutInMinutes'), props.line('TimeoutInMinutes')],
  ], line), origin, extra);
  if (templateUrl === undefined && own(resource.definition, 'Properties') !== undefined) {
    output.unknown(id, ['TemplateURL'], 'the nested stack\'s template comes from the Serverless Application Repository, resolved at deploy time');
  }
}
