// Compliant: the user data of the instance or launch template holds nothing that looks like a secret (keys, tokens, password assignments).
import { defineCheck } from '../define-check.js';
import { at } from '../../inventory/readers.js';
import { userDataEvaluation } from '../lib/compute.js';

export default defineCheck({
  id: 'ec2-user-data-no-secrets',
  title: 'EC2 user data holds no secrets',
  service: 'ec2',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  layer: 'guest-os',
  control: 'configuration-management',
  duty: 'configure-guest-os',
  severity: 'high',
  rationale:
    'User data is not a secret store: it is readable by anyone allowed to describe the instance attribute, by every process on the instance through the metadata service, and it stays in templates, launch template versions and logs. Secrets belong in Secrets Manager or Parameter Store, fetched at boot with the instance role. What goes into user data is the customer\'s configuration of the guest.',
  remediation: {
    console: 'Move the secret to Secrets Manager or an SSM SecureString parameter, fetch it at boot with the instance role, rotate the exposed value, and replace the user data (and old launch template versions).',
    cloudformation: 'AWS::EC2::Instance.UserData / AWS::EC2::LaunchTemplate.LaunchTemplateData.UserData without secrets; use {{resolve:secretsmanager:...}} only in properties that are not echoed, and fetch secrets at boot',
    terraform: 'aws_instance.user_data / aws_launch_template.user_data without secrets; read them at boot from aws_secretsmanager_secret',
  },
  evaluate(resource) {
    if (resource.type === 'AWS::EC2::LaunchTemplate') {
      return userDataEvaluation(at(resource.properties, 'LaunchTemplateData', 'UserData'), 'LaunchTemplateData.UserData', 'the launch template');
    }
    return userDataEvaluation(resource.properties['UserData'], 'UserData', 'the instance');
  },
});
