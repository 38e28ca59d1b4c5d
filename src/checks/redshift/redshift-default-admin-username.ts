// Compliant: the cluster's admin user is not named awsuser, the name the console proposes.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

const DEFAULT_ADMIN = 'awsuser';

export default defineCheck({
  id: 'redshift-default-admin-username',
  title: 'Redshift cluster admin user does not have the default name',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'The admin user name is half of the superuser credential, and awsuser is the one the console fills in: anyone guessing passwords tries it first. The name is fixed when the cluster is created, so choosing another is the customer\'s to do then.',
  remediation: {
    console: 'The admin user name cannot be changed: restore a snapshot into a new cluster with another admin user name, or create the cluster again.',
    cloudformation: 'AWS::Redshift::Cluster.MasterUsername: a name other than awsuser',
    terraform: 'aws_redshift_cluster { master_username = "<a name other than awsuser>" }',
  },
  evaluate(cluster) {
    const name = str(at(cluster.properties, 'MasterUsername'));
    if (isUnknown(name)) return unknown(name, 'MasterUsername');
    if (name === undefined) return unknown('MasterUsername is not in the input (a cluster restored from a snapshot keeps the snapshot\'s admin user)', 'MasterUsername');
    // Redshift user names are lower case; a template may still spell one otherwise.
    if (name.toLowerCase() === DEFAULT_ADMIN) return fail(`the admin user is named ${DEFAULT_ADMIN}, the console's default`, 'MasterUsername');
    return pass(`the admin user is named ${name}`, 'MasterUsername');
  },
});
