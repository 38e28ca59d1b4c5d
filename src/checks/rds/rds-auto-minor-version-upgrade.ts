// Compliant: the DB instance accepts automatic minor engine upgrades (AutoMinorVersionUpgrade true, the default).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'rds-auto-minor-version-upgrade',
  title: 'RDS DB instance applies minor engine upgrades automatically',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance'],
  layer: 'platform',
  control: 'patch-management',
  duty: 'choose-supported-versions',
  severity: 'medium',
  rationale:
    'AWS builds and tests the patched minor versions of each engine, but an instance only receives them in its maintenance window when automatic minor version upgrades are on; with them off, the security fixes wait until the customer upgrades by hand.',
  remediation: {
    console: 'RDS console > Databases > instance > Modify > Maintenance > Enable auto minor version upgrade.',
    cloudformation: 'AWS::RDS::DBInstance.AutoMinorVersionUpgrade: true (or leave it unset)',
    terraform: 'aws_db_instance { auto_minor_version_upgrade = true }',
  },
  evaluate(instance) {
    const enabled = bool(at(instance.properties, 'AutoMinorVersionUpgrade'));
    if (isUnknown(enabled)) return unknown(enabled, 'AutoMinorVersionUpgrade');
    if (enabled === false) return fail('AutoMinorVersionUpgrade is false: patched minor versions are not applied automatically', 'AutoMinorVersionUpgrade');
    return pass(enabled === true ? 'automatic minor version upgrades are on' : 'automatic minor version upgrades are on (the default)', 'AutoMinorVersionUpgrade');
  },
});
