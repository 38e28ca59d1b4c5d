import { tags, type MappingTable } from './dsl.js';

export const stacksMappings: MappingTable = {
  aws_cloudformation_stack: {
    cfnType: 'AWS::CloudFormation::Stack',
    name: 'name',
    fields: {
      name: 'StackName',
      template_url: 'TemplateURL',
      parameters: 'Parameters',
      notification_arns: 'NotificationARNs',
      timeout_in_minutes: 'TimeoutInMinutes',
      tags: ['Tags', tags],
    },
  },
};
