// Compliant: the notebook instance has DirectInternetAccess Disabled, so it reaches the internet only through its VPC.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'sagemaker-notebook-no-direct-internet',
  title: 'SageMaker notebook instance has no direct internet access',
  service: 'sagemaker',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'By default (DirectInternetAccess Enabled) SageMaker gives a notebook instance a network interface with internet access managed by AWS, outside the customer\'s VPC controls: code and data in the notebook can leave, and anything on the internet can be fetched, past every security group, network ACL and proxy the customer set up. With Disabled, the notebook reaches only what its subnet and security groups allow (a NAT gateway, VPC endpoints). Choosing the network path is the customer\'s side.',
  remediation: {
    console: 'The setting cannot be changed on an existing notebook: create a new notebook instance in a VPC subnet with Direct internet access Disabled, then move the work over.',
    cloudformation: 'AWS::SageMaker::NotebookInstance.DirectInternetAccess: Disabled (with SubnetId and SecurityGroupIds)',
    terraform: 'aws_sagemaker_notebook_instance { direct_internet_access = "Disabled", subnet_id = ..., security_groups = [...] }',
  },
  evaluate(notebook) {
    const access = str(notebook.properties['DirectInternetAccess']);
    if (isUnknown(access)) return unknown(access, 'DirectInternetAccess');
    if (access === 'Disabled') return pass('direct internet access is disabled: traffic goes only through the notebook\'s VPC', 'DirectInternetAccess');
    if (access === undefined) return fail('direct internet access is enabled (the default when DirectInternetAccess is not set)', 'DirectInternetAccess');
    if (access === 'Enabled') return fail('direct internet access is enabled', 'DirectInternetAccess');
    return unknown(`DirectInternetAccess "${access}" is neither Enabled nor Disabled, the values AWS accepts`, 'DirectInternetAccess');
  },
});
