// Compliant: the cluster takes engine upgrades in its maintenance window (AllowVersionUpgrade not false).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'redshift-version-upgrade',
  title: 'Redshift cluster accepts engine version upgrades',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  layer: 'platform',
  control: 'patch-management',
  duty: 'apply-required-service-updates',
  severity: 'medium',
  rationale:
    'AWS patches the Redshift engine, but only applies a new version to a cluster that allows version upgrades. With AllowVersionUpgrade false the cluster stays on the version it has and misses the security fixes of later ones.',
  remediation: {
    console: 'Redshift console > Clusters > cluster > Maintenance > Edit > Allow version upgrade: Yes.',
    cloudformation: 'AWS::Redshift::Cluster.AllowVersionUpgrade: true (or leave it unset)',
    terraform: 'aws_redshift_cluster { allow_version_upgrade = true } (or leave it unset)',
  },
  evaluate(cluster) {
    const allowed = bool(at(cluster.properties, 'AllowVersionUpgrade'));
    if (isUnknown(allowed)) return unknown(allowed, 'AllowVersionUpgrade');
    if (allowed === false) return fail('AllowVersionUpgrade is false: the cluster is not upgraded in its maintenance window', 'AllowVersionUpgrade');
    return pass(allowed === true ? 'version upgrades are allowed' : 'AllowVersionUpgrade is not set, and upgrades are allowed by default', 'AllowVersionUpgrade');
  },
});
