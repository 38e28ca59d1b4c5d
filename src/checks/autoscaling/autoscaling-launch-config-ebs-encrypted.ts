// Compliant: every EBS volume in the launch configuration's block device mappings is encrypted (Ebs.Encrypted true, or EBS encryption by default on).
import { defineCheck, pass, unknown } from '../define-check.js';
import { blockDeviceEvaluations, encryptionByDefault } from '../lib/compute.js';

export default defineCheck({
  id: 'autoscaling-launch-config-ebs-encrypted',
  title: 'Auto Scaling launch configuration encrypts its volumes',
  service: 'autoscaling',
  resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'],
  reads: ['Demarc::EC2::EbsEncryptionDefault'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'Each instance the group launches gets the volumes described here; left unencrypted, their data and snapshots are readable by anyone who obtains a copy. Asking for EBS encryption is the customer\'s side of encryption at rest.',
  remediation: {
    console: 'Create a launch template (or a new launch configuration) whose EBS volumes have Encrypted set, or turn on EBS encryption by default, and point the group at it.',
    cloudformation: 'AWS::AutoScaling::LaunchConfiguration.BlockDeviceMappings[].Ebs.Encrypted: true',
    terraform: 'aws_launch_configuration root_block_device / ebs_block_device { encrypted = true }',
  },
  evaluate(configuration, context) {
    const byDefault = encryptionByDefault(configuration, context.inventory);
    const evaluations = blockDeviceEvaluations(configuration.properties['BlockDeviceMappings'], 'BlockDeviceMappings', byDefault, 'the launch configuration');
    if (evaluations.length > 0) return evaluations;
    if (byDefault === true) return pass('the launch configuration adds no EBS volume, and EBS encryption by default is on');
    // The root volume is still EBS: made from the AMI's snapshot, it is encrypted only if that snapshot is, or if the
    // region encrypts by default, and neither shows in a template.
    return unknown('no block device mapping: the root volume of each instance is encrypted only if the AMI\'s snapshot is encrypted or EBS encryption by default is on, and the inventory shows neither');
  },
});
