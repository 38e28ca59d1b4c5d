// Compliant: the database cannot be deleted until deletion protection is turned off (DeletionProtection true on the instance or Aurora cluster).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isAuroraMemberInstance } from '../lib/rds.js';

export default defineCheck({
  id: 'rds-deletion-protection',
  title: 'RDS database has deletion protection',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Deleting a database also deletes its automated backups unless a final snapshot is taken. Deletion protection makes a mistaken or malicious delete (or a stack update that replaces the database) fail until someone turns it off on purpose.',
  remediation: {
    console: 'RDS console > Databases > database > Modify > Enable deletion protection.',
    cloudformation: 'AWS::RDS::DBInstance.DeletionProtection: true (AWS::RDS::DBCluster.DeletionProtection for Aurora)',
    terraform: 'aws_db_instance / aws_rds_cluster { deletion_protection = true }',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) {
      return notApplicable('deletion protection of an Aurora database is set on its cluster');
    }
    const enabled = bool(at(database.properties, 'DeletionProtection'));
    if (isUnknown(enabled)) return unknown(enabled, 'DeletionProtection');
    if (enabled === true) return pass('deletion protection is on', 'DeletionProtection');
    return fail(enabled === false ? 'DeletionProtection is false' : 'DeletionProtection is not set, and it is off by default', 'DeletionProtection');
  },
});
