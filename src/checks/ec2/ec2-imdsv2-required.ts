// Compliant: the instance or launch template requires IMDSv2 session tokens (MetadataOptions.HttpTokens = required), or turns the metadata endpoint off.
import { defineCheck, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';
import { instanceSetting, metadataEvaluation, metadataOptionsEvaluation } from '../lib/compute.js';

function evaluateInstance(instance: Resource, inventory: InventoryView): Evaluation {
  // Options given on the instance override the launch template's, field by field.
  const tokens = instanceSetting(instance, inventory, ['MetadataOptions', 'HttpTokens']);
  if (isUnknown(tokens)) return unknown(tokens);
  const endpoint = instanceSetting(instance, inventory, ['MetadataOptions', 'HttpEndpoint']);
  if (isUnknown(endpoint)) return unknown(endpoint);
  const owner = tokens.from === 'the instance' ? 'the instance' : `the instance (through ${tokens.from})`;
  const optionsPath = instance.properties['MetadataOptions'] === undefined ? undefined : 'MetadataOptions';
  return metadataEvaluation(endpoint.value, tokens.value, owner, tokens.path ?? optionsPath, endpoint.path ?? optionsPath);
}

export default defineCheck({
  id: 'ec2-imdsv2-required',
  title: 'EC2 instances require IMDSv2',
  service: 'ec2',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  layer: 'guest-os',
  control: 'configuration-management',
  duty: 'configure-guest-os',
  severity: 'high',
  rationale:
    'IMDSv1 answers any plain GET request from inside the instance, so a server-side request forgery in an application hands out the instance role\'s credentials. IMDSv2 requires a session token obtained with a PUT, which such attacks cannot send. AWS offers both; choosing to require v2 is part of configuring the guest, which the customer owns on EC2.',
  remediation: {
    console: 'EC2 console > Instances > the instance > Actions > Instance settings > Modify instance metadata options > IMDSv2: Required (and in the launch template: Advanced details > Metadata version: V2 only).',
    cloudformation: 'AWS::EC2::Instance.MetadataOptions.HttpTokens: required, or AWS::EC2::LaunchTemplate.LaunchTemplateData.MetadataOptions.HttpTokens: required',
    terraform: 'aws_instance / aws_launch_template metadata_options { http_tokens = "required" }',
  },
  evaluate(resource, context) {
    if (resource.type === 'AWS::EC2::LaunchTemplate') {
      return metadataOptionsEvaluation(at(resource.properties, 'LaunchTemplateData', 'MetadataOptions'), 'LaunchTemplateData.MetadataOptions', 'the launch template');
    }
    return evaluateInstance(resource, context.inventory);
  },
});
