// Compliant: the notebook instance has RootAccess Disabled, so its users cannot become root on it.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'sagemaker-notebook-root-access-disabled',
  title: 'SageMaker notebook instance users have no root access',
  service: 'sagemaker',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'medium',
  rationale:
    'By default (RootAccess Enabled) every user of a notebook instance can become root on it: install any software, change the instance\'s configuration and read everything on it, whatever the customer intended for that user. With Disabled, lifecycle configurations still run as root, so the customer keeps control of what is installed. Who gets root on the workloads is the customer\'s decision.',
  remediation: {
    console: 'SageMaker console > Notebook instances > stop the instance > Edit > Permissions and encryption > Root access: Disable; then start it.',
    cloudformation: 'AWS::SageMaker::NotebookInstance.RootAccess: Disabled',
    terraform: 'aws_sagemaker_notebook_instance { root_access = "Disabled" }',
  },
  evaluate(notebook) {
    const access = str(notebook.properties['RootAccess']);
    if (isUnknown(access)) return unknown(access, 'RootAccess');
    if (access === 'Disabled') return pass('users of the notebook have no root access', 'RootAccess');
    if (access === undefined) return fail('users of the notebook can become root (the default when RootAccess is not set)', 'RootAccess');
    if (access === 'Enabled') return fail('users of the notebook can become root', 'RootAccess');
    return unknown(`RootAccess "${access}" is neither Enabled nor Disabled, the values AWS accepts`, 'RootAccess');
  },
});
