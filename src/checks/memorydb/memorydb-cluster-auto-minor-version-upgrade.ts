// Compliant: the MemoryDB cluster takes minor engine upgrades automatically (AutoMinorVersionUpgrade not false).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'memorydb-cluster-auto-minor-version-upgrade',
  title: 'MemoryDB cluster applies minor engine upgrades automatically',
  service: 'memorydb',
  resourceTypes: ['AWS::MemoryDB::Cluster'],
  layer: 'platform',
  control: 'patch-management',
  duty: 'choose-supported-versions',
  severity: 'medium',
  rationale:
    'AWS publishes minor and patch versions of the Valkey and Redis OSS engines with security fixes, and applies them in the maintenance window only to clusters that accept automatic minor upgrades. Turning it off leaves every fix to be found and applied by hand; the setting is fixed when the cluster is created.',
  remediation: {
    console: 'The setting is fixed at creation: create a new MemoryDB cluster (from a snapshot) with automatic minor version upgrades on, move clients, and delete the old one.',
    cloudformation: 'AWS::MemoryDB::Cluster.AutoMinorVersionUpgrade: true (or leave it unset)',
    terraform: 'aws_memorydb_cluster { auto_minor_version_upgrade = true } (or leave it unset)',
  },
  evaluate(cluster) {
    const enabled = bool(cluster.properties['AutoMinorVersionUpgrade']);
    if (isUnknown(enabled)) return unknown(enabled, 'AutoMinorVersionUpgrade');
    if (enabled === false) return fail('AutoMinorVersionUpgrade is false: minor engine upgrades are not applied', 'AutoMinorVersionUpgrade');
    return pass(enabled === true ? 'minor engine upgrades are applied automatically' : 'AutoMinorVersionUpgrade is not set, and it is on by default', 'AutoMinorVersionUpgrade');
  },
});
