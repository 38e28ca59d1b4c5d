// Compliant: the master password of an RDS DB instance or DB cluster is not written in the template or configuration.
import { defineCheck } from '../define-check.js';
import { masterPassword } from '../lib/master-password.js';

export default defineCheck({
  id: 'rds-no-hardcoded-master-password',
  title: 'RDS master user password is not hard-coded',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'The master user of an RDS DB instance or Aurora / Multi-AZ DB cluster holds every privilege the engine grants outside AWS\'s own accounts: it reads and changes all data and creates other users. Written in a template or a Terraform file, it is read by everyone with access to the repository, its history and the CI logs, and CloudFormation shows the value of a parameter without NoEcho in the console and DescribeStacks, so such a parameter fails too; a {{resolve:ssm:...}} reference fails because a String parameter is stored unencrypted. It passes when RDS generates and keeps the password in Secrets Manager (ManageMasterUserPassword: true, which RDS refuses together with MasterUserPassword), or when it comes from a {{resolve:secretsmanager:...}} / {{resolve:ssm-secure:...}} dynamic reference, a NoEcho parameter without a default, or a sensitive Terraform variable or data source. A replica, a restore from a snapshot or an Aurora cluster member sets no password (not applicable); RDS never returns the password, so a live scan is not applicable, and a Terraform plan or state hides it whether it was written or not (unknown).',
  remediation: {
    console: 'RDS console > the database > Modify > Credentials management: Managed in AWS Secrets Manager (this replaces the exposed password), then remove the password from the template or configuration.',
    cloudformation: 'AWS::RDS::DBInstance / AWS::RDS::DBCluster: ManageMasterUserPassword: true (and no MasterUserPassword)',
    terraform: 'aws_db_instance / aws_rds_cluster: manage_master_user_password = true (and no password / master_password)',
  },
  evaluate(database) {
    return masterPassword(database, 'MasterUserPassword', 'ManageMasterUserPassword', 'the master user password');
  },
});
