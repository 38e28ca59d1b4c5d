// Compliant: the admin password of a Redshift cluster is not written in the template or configuration.
import { defineCheck } from '../define-check.js';
import { masterPassword } from '../lib/master-password.js';

export default defineCheck({
  id: 'redshift-cluster-no-hardcoded-password',
  title: 'Redshift cluster admin password is not hard-coded',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'The admin user of a Redshift cluster is a superuser: it reads every table of the warehouse and creates other users. Written in a template or a Terraform file, it is read by everyone with access to the repository, its history and the CI logs, and CloudFormation shows the value of a parameter without NoEcho in the console and DescribeStacks, so such a parameter fails too; a {{resolve:ssm:...}} reference fails because a String parameter is stored unencrypted. It passes when Redshift generates and keeps the password in Secrets Manager (ManageMasterPassword: true, which Redshift refuses together with MasterUserPassword), or when it comes from a {{resolve:secretsmanager:...}} / {{resolve:ssm-secure:...}} dynamic reference, a NoEcho parameter without a default, or a sensitive Terraform variable or data source. A cluster restored from a snapshot sets no password (not applicable); Redshift never returns the password, so a live scan is not applicable, and a Terraform plan or state hides it whether it was written or not (unknown).',
  remediation: {
    console: 'Redshift console > the cluster > Actions > Change admin user password: Manage admin credentials in AWS Secrets Manager (this replaces the exposed password), then remove the password from the template or configuration.',
    cloudformation: 'AWS::Redshift::Cluster: ManageMasterPassword: true (and no MasterUserPassword)',
    terraform: 'aws_redshift_cluster: manage_master_password = true (and no master_password)',
  },
  evaluate(cluster) {
    return masterPassword(cluster, 'MasterUserPassword', 'ManageMasterPassword', 'the admin user password');
  },
});
