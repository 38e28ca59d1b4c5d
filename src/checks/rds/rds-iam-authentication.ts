// Compliant: the database accepts IAM database authentication (EnableIAMDatabaseAuthentication true), so access can be granted through IAM instead of shared passwords.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';
import { iamAuthenticationUnsupported, isAuroraMemberInstance } from '../lib/rds.js';

export default defineCheck({
  id: 'rds-iam-authentication',
  title: 'RDS database has IAM database authentication enabled',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'low',
  rationale:
    'With IAM database authentication, people and applications log in with short-lived tokens tied to IAM identities, so access is granted, audited and revoked in one place instead of through long-lived database passwords. Managing who can reach the data is the customer\'s.',
  remediation: {
    console: 'RDS console > Databases > database > Modify > Database authentication > Password and IAM database authentication.',
    cloudformation: 'AWS::RDS::DBInstance.EnableIAMDatabaseAuthentication: true (AWS::RDS::DBCluster.EnableIAMDatabaseAuthentication for Aurora)',
    terraform: 'aws_db_instance / aws_rds_cluster { iam_database_authentication_enabled = true }',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) {
      return notApplicable('IAM authentication of an Aurora database is set on its cluster');
    }
    const engine = str(at(database.properties, 'Engine'));
    if (isUnknown(engine)) return unknown(engine, 'Engine');
    const unsupported = engine === undefined ? undefined : iamAuthenticationUnsupported(engine, str(at(database.properties, 'EngineVersion')));
    if (typeof unsupported === 'string') return notApplicable(unsupported);
    const enabled = bool(at(database.properties, 'EnableIAMDatabaseAuthentication'));
    if (isUnknown(enabled)) return unknown(enabled, 'EnableIAMDatabaseAuthentication');
    if (enabled === true) return pass('IAM database authentication is enabled', 'EnableIAMDatabaseAuthentication');
    // Off on an engine version that may not offer it: whether it is a gap depends on the version.
    if (isUnknown(unsupported)) return unknown(`cannot tell whether the engine version supports IAM database authentication: ${unsupported.reason}`, 'EngineVersion');
    return fail(
      enabled === false ? 'EnableIAMDatabaseAuthentication is false' : 'EnableIAMDatabaseAuthentication is not set, and it is off by default',
      'EnableIAMDatabaseAuthentication',
    );
  },
});
