// Compliant: the notebook instance is launched in a subnet of the customer's VPC (SubnetId set).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'sagemaker-notebook-in-vpc',
  title: 'SageMaker notebook instance runs in a VPC',
  service: 'sagemaker',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'A notebook instance created without a subnet runs in a network SageMaker manages, with internet access and outside the reach of the customer\'s security groups, network ACLs, VPC endpoints and flow logs. With a SubnetId its network interface sits in the customer\'s VPC, where the customer decides what it can reach and what can reach it. The subnet can only be chosen when the instance is created.',
  remediation: {
    console: 'SageMaker console > Notebook instances > Create notebook instance > Network: choose a VPC, subnet and security groups (an existing instance must be recreated).',
    cloudformation: 'AWS::SageMaker::NotebookInstance.SubnetId: <subnet ID> (with SecurityGroupIds)',
    terraform: 'aws_sagemaker_notebook_instance { subnet_id = <subnet ID>, security_groups = [<security group ID>] }',
  },
  evaluate(notebook) {
    const subnet = str(notebook.properties['SubnetId']);
    if (isUnknown(subnet)) return unknown(subnet, 'SubnetId');
    if (subnet === undefined || subnet === '') return fail('the notebook instance runs outside any VPC of the customer (no SubnetId)', 'SubnetId');
    return pass(`the notebook instance runs in subnet ${subnet}`, 'SubnetId');
  },
});
