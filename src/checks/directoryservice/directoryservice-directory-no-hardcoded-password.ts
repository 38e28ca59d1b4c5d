// Compliant: the directory's administrator password is not written in the template or configuration.
import { defineCheck, notApplicable } from '../define-check.js';
import { writtenSecret } from '../lib/written-secret.js';

export default defineCheck({
  id: 'directoryservice-directory-no-hardcoded-password',
  title: 'Directory Service directory administrator password is not hard-coded',
  service: 'directoryservice',
  resourceTypes: ['AWS::DirectoryService::MicrosoftAD', 'AWS::DirectoryService::SimpleAD'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'The Password of a Managed Microsoft AD or Simple AD directory is the password of its administrator account (Admin in Managed Microsoft AD, Administrator in Simple AD), which controls every user, group and policy of the domain and every machine joined to it. Written in a template or a Terraform file, it is read by everyone with access to the repository, its history and the CI logs, and CloudFormation shows the value of a parameter without NoEcho in the console and DescribeStacks, so such a parameter fails too. It should come from Secrets Manager or a SecureString parameter (a {{resolve:secretsmanager:...}} or {{resolve:ssm-secure:...}} dynamic reference), a NoEcho parameter without a default, or a sensitive Terraform variable; a {{resolve:ssm:...}} reference fails because a String parameter is stored unencrypted. Directory Service never returns the password, so a live scan cannot tell (not applicable), and a Terraform plan or state hides it whether it was written or not (unknown).',
  remediation: {
    console: 'Store the password in Secrets Manager, reference it from the template or configuration, and reset the Admin password of the directory (Directory Service console > the directory > Actions > Reset user password) since the old one was exposed.',
    cloudformation: "AWS::DirectoryService::MicrosoftAD.Password / AWS::DirectoryService::SimpleAD.Password: '{{resolve:secretsmanager:<secret>:SecretString:password}}' (or a NoEcho parameter without a default)",
    terraform: 'aws_directory_service_directory.password = a sensitive variable, or data.aws_secretsmanager_secret_version.<name>.secret_string',
  },
  evaluate(directory) {
    const verdict = writtenSecret(directory, directory.properties['Password'], 'Password', 'the administrator password');
    return verdict ?? notApplicable('the source does not show the administrator password (AWS never returns it)');
  },
});
