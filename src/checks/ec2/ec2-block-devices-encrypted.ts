// Compliant: every EBS volume in the instance's or launch template's block device mappings is encrypted (Ebs.Encrypted true, or EBS encryption by default on).
import { defineCheck, pass, unknown } from '../define-check.js';
import { at } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { blockDeviceEvaluations, encryptionByDefault, launchTemplateOf } from '../lib/compute.js';

export default defineCheck({
  id: 'ec2-block-devices-encrypted',
  title: 'EC2 instance and launch template volumes are encrypted',
  service: 'ec2',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  reads: ['Demarc::EC2::EbsEncryptionDefault'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'Unencrypted EBS volumes leave the data, and every snapshot taken of it, readable by whoever gets hold of a copy. AWS provides transparent KMS encryption at no performance cost; asking for it, per volume or through account-wide default encryption, is the customer\'s side of encryption at rest.',
  remediation: {
    console: 'EC2 console > Launch templates / Launch instance > Storage > each volume > Encrypted: yes (or EC2 > Settings > EBS encryption > Always encrypt new EBS volumes).',
    cloudformation: 'AWS::EC2::Instance.BlockDeviceMappings[].Ebs.Encrypted: true, AWS::EC2::LaunchTemplate.LaunchTemplateData.BlockDeviceMappings[].Ebs.Encrypted: true',
    terraform: 'aws_instance root_block_device / ebs_block_device { encrypted = true }; aws_launch_template block_device_mappings { ebs { encrypted = true } }; or aws_ebs_encryption_by_default',
  },
  evaluate(resource, context) {
    const byDefault = encryptionByDefault(resource, context.inventory);
    if (resource.type === 'AWS::EC2::LaunchTemplate') {
      const mappings = at(resource.properties, 'LaunchTemplateData', 'BlockDeviceMappings');
      const evaluations = blockDeviceEvaluations(mappings, 'LaunchTemplateData.BlockDeviceMappings', byDefault, 'the launch template');
      if (evaluations.length > 0) return evaluations;
      // As for an instance: the root volume comes from the AMI's snapshot, whose encryption a template does not show.
      return byDefault === true
        ? pass('the launch template adds no EBS volume, and EBS encryption by default is on')
        : unknown('no block device mapping: the root volume of each instance launched from the template is encrypted only if the AMI\'s snapshot is encrypted or EBS encryption by default is on, and the inventory shows neither');
    }
    const own = resource.properties['BlockDeviceMappings'];
    const evaluations = blockDeviceEvaluations(own, 'BlockDeviceMappings', byDefault, 'the instance');
    if (evaluations.length > 0) return evaluations;
    const template = launchTemplateOf(resource, context.inventory);
    if (isUnknown(template)) return unknown(template);
    if (template !== undefined) {
      const fromTemplate = blockDeviceEvaluations(at(template.properties, 'LaunchTemplateData', 'BlockDeviceMappings'), 'LaunchTemplate', byDefault, `launch template ${template.id}`);
      if (fromTemplate.length > 0) return fromTemplate.map((evaluation) => ({ ...evaluation, path: 'LaunchTemplate' }));
    }
    if (byDefault === true) return pass('the root volume is encrypted: EBS encryption by default is on in the region');
    return unknown('no block device mapping: the root volume is encrypted only if the AMI\'s snapshot is encrypted or EBS encryption by default is on, and the inventory shows neither');
  },
});
