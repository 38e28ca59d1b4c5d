// Compliant: the AMI owned by the account is not shared publicly (its launch permission does not include "all").
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'ec2-ami-not-public',
  title: 'AMI is not public',
  service: 'ec2',
  resourceTypes: ['Demarc::EC2::Image'],
  layer: 'customer-data',
  control: 'data-loss-prevention',
  duty: 'prevent-data-loss',
  severity: 'high',
  rationale:
    'A public AMI can be launched by any AWS account, and everything baked into it (application code, configuration files, keys, cached credentials, data) comes along. AWS shares an image only when its owner says so; keeping images private is the customer\'s data-loss prevention.',
  remediation: {
    console: 'EC2 console > AMIs > the image > Actions > Edit AMI permissions > Private (and turn on Block public access for AMIs in EC2 > Settings).',
    cloudformation: 'No CloudFormation property: aws ec2 modify-image-attribute --image-id <id> --launch-permission "Remove=[{Group=all}]"; aws ec2 enable-image-block-public-access',
    terraform: 'aws_ami_launch_permission without group = "all"; aws_ec2_image_block_public_access { state = "block-new-sharing" }',
  },
  evaluate(image) {
    const id = str(image.properties['ImageId']);
    const name = typeof id === 'string' ? id : 'the image';
    const isPublic = bool(image.properties['Public']);
    if (isUnknown(isPublic)) return unknown(isPublic, 'Public');
    if (isPublic === true) return fail(`${name} is public: any AWS account can launch it and read its contents`, 'Public');
    if (isPublic === false) return pass(`${name} is private`, 'Public');
    return unknown(`the inventory does not say whether ${name} is public`);
  },
});
