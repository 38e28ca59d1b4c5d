// Compliant: the instance runs with an IAM instance profile (its own IamInstanceProfile or its launch template's), so software on it uses short-lived role credentials.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/values.js';
import { instanceSetting } from '../lib/compute.js';

export default defineCheck({
  id: 'ec2-instance-profile-attached',
  title: 'EC2 instance has an IAM instance profile',
  service: 'ec2',
  resourceTypes: ['AWS::EC2::Instance'],
  reads: ['AWS::EC2::LaunchTemplate'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'low',
  rationale:
    'An instance profile hands the software on an instance temporary, automatically rotated role credentials. Instances without one tend to end up with long-lived access keys copied onto disk, which leak with backups, images and user data. AWS rotates role credentials; giving the instance a role with only the permissions it needs is the customer\'s task.',
  remediation: {
    console: 'EC2 console > Instances > the instance > Actions > Security > Modify IAM role > choose a role with the permissions the workload needs.',
    cloudformation: 'AWS::EC2::Instance.IamInstanceProfile: !Ref <AWS::IAM::InstanceProfile> (or LaunchTemplateData.IamInstanceProfile)',
    terraform: 'aws_instance.iam_instance_profile = aws_iam_instance_profile.<name>.name',
  },
  evaluate(instance, context) {
    const own = instance.properties['IamInstanceProfile'];
    if (own !== undefined && own !== null) {
      return isUnknown(own) ? unknown(own, 'IamInstanceProfile') : pass('the instance has an IAM instance profile', 'IamInstanceProfile');
    }
    const setting = instanceSetting(instance, context.inventory, ['IamInstanceProfile']);
    if (isUnknown(setting)) return unknown(setting);
    const profile = setting.value;
    if (isUnknown(profile)) return unknown(profile, 'LaunchTemplate');
    if (profile !== undefined && profile !== null) return pass(`the instance gets an IAM instance profile from ${setting.from}`, 'LaunchTemplate');
    return fail('the instance has no IAM instance profile; software on it must bring its own credentials', 'IamInstanceProfile');
  },
});
