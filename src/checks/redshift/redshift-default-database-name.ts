// Compliant: the cluster's first database is not named dev, the name Redshift gives it when none is chosen.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

const DEFAULT_DATABASE = 'dev';

export default defineCheck({
  id: 'redshift-default-database-name',
  title: 'Redshift cluster database does not have the default name',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  layer: 'customer-data',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'medium',
  rationale:
    'A cluster created without a database name gets one called dev, which every Redshift example uses: someone holding a stolen or guessed credential tries it first. The name of the first database is fixed when the cluster is created, so choosing another is the customer\'s to do then.',
  remediation: {
    console: 'The first database cannot be renamed: create the cluster again (or restore a snapshot into a new cluster) with a database name other than dev.',
    cloudformation: 'AWS::Redshift::Cluster.DBName: a name other than dev',
    terraform: 'aws_redshift_cluster { database_name = "<a name other than dev>" }',
  },
  evaluate(cluster) {
    const name = str(at(cluster.properties, 'DBName'));
    if (isUnknown(name)) return unknown(name, 'DBName');
    if (name === undefined) {
      if (at(cluster.properties, 'SnapshotIdentifier') !== undefined) return unknown('the cluster is restored from a snapshot and keeps the snapshot\'s database name', 'DBName');
      return fail(`DBName is not set, so the cluster's database is named ${DEFAULT_DATABASE}, Redshift's default`, 'DBName');
    }
    // Redshift folds database names to lower case.
    if (name.toLowerCase() === DEFAULT_DATABASE) return fail(`the database is named ${DEFAULT_DATABASE}, Redshift's default`, 'DBName');
    return pass(`the database is named ${name}`, 'DBName');
  },
});
