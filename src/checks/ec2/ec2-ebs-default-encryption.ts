// Compliant: EBS encryption by default is on in the account and region, so every new volume and snapshot copy is encrypted.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'ec2-ebs-default-encryption',
  title: 'EBS encryption by default is on',
  service: 'ec2',
  resourceTypes: ['Demarc::EC2::EbsEncryptionDefault'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'With encryption by default on, EC2 encrypts every new EBS volume in the region even when a template, script or person forgets to ask, and refuses to create unencrypted ones. It is off until the customer turns it on, once per region: a customer setting over an AWS-provided capability.',
  remediation: {
    console: 'EC2 console > (each region) > Settings > Data protection and security > EBS encryption > Manage > Always encrypt new EBS volumes.',
    cloudformation: 'No CloudFormation resource: run aws ec2 enable-ebs-encryption-by-default in each region (for example from a StackSets custom resource)',
    terraform: 'aws_ebs_encryption_by_default { enabled = true } (one per region provider)',
  },
  evaluate(setting) {
    const enabled = bool(setting.properties['EbsEncryptionByDefault']);
    if (isUnknown(enabled)) return unknown(enabled, 'EbsEncryptionByDefault');
    const where = setting.region === undefined ? 'this region' : setting.region;
    if (enabled === true) {
      const key = str(setting.properties['KmsKeyId']);
      return pass(`EBS encryption by default is on in ${where}${typeof key === 'string' ? ` (key ${key})` : ''}`, 'EbsEncryptionByDefault');
    }
    if (enabled === false) return fail(`EBS encryption by default is off in ${where}: new volumes are unencrypted unless each one asks`, 'EbsEncryptionByDefault');
    return unknown('the setting does not say whether EBS encryption by default is on');
  },
});
