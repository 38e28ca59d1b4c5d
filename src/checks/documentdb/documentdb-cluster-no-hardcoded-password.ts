// Compliant: the master password of a DocumentDB cluster is not written in the template or configuration.
import { defineCheck } from '../define-check.js';
import { masterPassword } from '../lib/master-password.js';

export default defineCheck({
  id: 'documentdb-cluster-no-hardcoded-password',
  title: 'DocumentDB cluster master password is not hard-coded',
  service: 'documentdb',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'The master user of a DocumentDB cluster reads and changes every collection and creates other users. Written in a template or a Terraform file, it is read by everyone with access to the repository, its history and the CI logs, and CloudFormation shows the value of a parameter without NoEcho in the console and DescribeStacks, so such a parameter fails too; a {{resolve:ssm:...}} reference fails because a String parameter is stored unencrypted. It passes when DocumentDB generates and keeps the password in Secrets Manager (ManageMasterUserPassword: true, which DocumentDB refuses together with MasterUserPassword), or when it comes from a {{resolve:secretsmanager:...}} / {{resolve:ssm-secure:...}} dynamic reference, a NoEcho parameter without a default, or a sensitive Terraform variable or data source. A cluster restored from a snapshot sets no password (not applicable); DocumentDB never returns the password, so a live scan is not applicable, and a Terraform plan or state hides it whether it was written or not (unknown).',
  remediation: {
    console: 'DocumentDB console > the cluster > Modify > Authentication: Managed in AWS Secrets Manager (this replaces the exposed password), then remove the password from the template or configuration.',
    cloudformation: 'AWS::DocDB::DBCluster: ManageMasterUserPassword: true (and no MasterUserPassword)',
    terraform: 'aws_docdb_cluster: manage_master_user_password = true (and no master_password)',
  },
  evaluate(cluster) {
    return masterPassword(cluster, 'MasterUserPassword', 'ManageMasterUserPassword', 'the master user password');
  },
});
