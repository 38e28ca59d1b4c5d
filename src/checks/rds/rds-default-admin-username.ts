// Compliant: the database's master user is not named admin or postgres, the names the console proposes.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { isAuroraMemberInstance } from '../lib/rds.js';

const DEFAULT_NAMES = new Set(['admin', 'postgres']);

export default defineCheck({
  id: 'rds-default-admin-username',
  title: 'RDS database master user does not have a default name',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'The master user name is half of the most privileged database credential, and admin and postgres are the names the console fills in: password guessing starts with them. The name is fixed when the database is created, so choosing another is the customer\'s to do then.',
  remediation: {
    console: 'The master user name cannot be changed: create a new database (or restore a snapshot into one) with another master user name and move to it.',
    cloudformation: 'AWS::RDS::DBInstance.MasterUsername (AWS::RDS::DBCluster.MasterUsername for clusters): a name other than admin or postgres',
    terraform: 'aws_db_instance { username = "<a name other than admin or postgres>" } (aws_rds_cluster { master_username = ... })',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) {
      return notApplicable('the master user of a cluster member is set on its DB cluster');
    }
    const name = str(at(database.properties, 'MasterUsername'));
    if (isUnknown(name)) return unknown(name, 'MasterUsername');
    if (name === undefined) return unknown('MasterUsername is not in the input (a replica or a database restored from a snapshot keeps its source\'s master user)', 'MasterUsername');
    if (DEFAULT_NAMES.has(name.toLowerCase())) return fail(`the master user is named ${name}, a default name`, 'MasterUsername');
    return pass(`the master user is named ${name}`, 'MasterUsername');
  },
});
