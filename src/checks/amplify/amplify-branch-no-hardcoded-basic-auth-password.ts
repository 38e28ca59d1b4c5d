// Compliant: the Amplify branch's basic authentication password is not written in the template or configuration.
import { defineCheck, notApplicable, pass } from '../define-check.js';
import { at } from '../../inventory/readers.js';
import { writtenSecret } from '../lib/written-secret.js';

const PATH = 'BasicAuthConfig.Password';

export default defineCheck({
  id: 'amplify-branch-no-hardcoded-basic-auth-password',
  title: 'Amplify branch basic-auth password is not hard-coded',
  service: 'amplify',
  resourceTypes: ['AWS::Amplify::Branch'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'medium',
  rationale:
    'Basic authentication on an Amplify branch keeps a preview or staging site, often with unreleased features or test data, away from the public. Its password written in a template or Terraform file is read by everyone with access to the repository, its history and CI logs, and CloudFormation shows the value of a parameter without NoEcho in the console and DescribeStacks, so such a parameter fails too. It should come from Secrets Manager (a {{resolve:secretsmanager:...}} dynamic reference), a NoEcho parameter without a default, or a sensitive Terraform variable. A live scan does not judge it (not applicable), and a Terraform plan or state hides it whether written or not (unknown). A branch without basic authentication passes: this check is about where the password is kept.',
  remediation: {
    console: 'Amplify console > the app > Hosting > Access control: change the password of the branch, and keep the new one in Secrets Manager.',
    cloudformation: "AWS::Amplify::Branch.BasicAuthConfig.Password: '{{resolve:secretsmanager:<secret>:SecretString:password}}' or a NoEcho parameter without a default",
    terraform: 'aws_amplify_branch.basic_auth_credentials = a sensitive variable or data.aws_secretsmanager_secret_version.<name>.secret_string',
  },
  evaluate(branch) {
    if (branch.origin.kind === 'aws') return notApplicable('Amplify does not return the basic authentication password');
    return writtenSecret(branch, at(branch.properties, 'BasicAuthConfig', 'Password'), PATH, 'the basic authentication password') ?? pass('the branch sets no basic authentication password', PATH);
  },
});
