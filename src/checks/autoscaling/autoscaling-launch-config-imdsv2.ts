// Compliant: the launch configuration requires IMDSv2 (MetadataOptions.HttpTokens = required) or turns the metadata endpoint off.
import { defineCheck } from '../define-check.js';
import { metadataOptionsEvaluation } from '../lib/compute.js';

export default defineCheck({
  id: 'autoscaling-launch-config-imdsv2',
  title: 'Auto Scaling launch configuration requires IMDSv2',
  service: 'autoscaling',
  resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'],
  layer: 'guest-os',
  control: 'configuration-management',
  duty: 'configure-guest-os',
  severity: 'high',
  rationale:
    'Every instance an Auto Scaling group launches from this configuration inherits its metadata settings. With IMDSv1 available, a server-side request forgery in the application can read the instance role\'s credentials; IMDSv2 session tokens stop that. Configuring the guest is the customer\'s side on EC2.',
  remediation: {
    console: 'Launch configurations cannot be edited: create a launch template with Metadata version "V2 only" (preferred, launch configurations are deprecated) or a new launch configuration with IMDSv2 required, and point the group at it.',
    cloudformation: 'AWS::AutoScaling::LaunchConfiguration.MetadataOptions.HttpTokens: required (better: move to AWS::EC2::LaunchTemplate)',
    terraform: 'aws_launch_configuration metadata_options { http_tokens = "required" } (better: aws_launch_template)',
  },
  evaluate(configuration) {
    return metadataOptionsEvaluation(configuration.properties['MetadataOptions'], 'MetadataOptions', 'the launch configuration');
  },
});
