// Compliant: the launch configuration's user data holds nothing that looks like a secret.
import { defineCheck } from '../define-check.js';
import { userDataEvaluation } from '../lib/compute.js';

export default defineCheck({
  id: 'autoscaling-launch-config-user-data-no-secrets',
  title: 'Auto Scaling launch configuration user data holds no secrets',
  service: 'autoscaling',
  resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'],
  layer: 'guest-os',
  control: 'configuration-management',
  duty: 'configure-guest-os',
  severity: 'high',
  rationale:
    'User data is readable through the EC2 and Auto Scaling APIs and from inside every instance through the metadata service, and launch configurations keep it for as long as they exist. Secrets belong in Secrets Manager or Parameter Store, fetched at boot with the instance role.',
  remediation: {
    console: 'Move the secret to Secrets Manager or an SSM SecureString parameter, rotate it, and replace the launch configuration (preferably with a launch template) whose user data fetches it at boot.',
    cloudformation: 'AWS::AutoScaling::LaunchConfiguration.UserData without secrets',
    terraform: 'aws_launch_configuration.user_data without secrets',
  },
  evaluate(configuration) {
    return userDataEvaluation(configuration.properties['UserData'], 'UserData', 'the launch configuration');
  },
});
