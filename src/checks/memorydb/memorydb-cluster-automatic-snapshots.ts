// Compliant: the MemoryDB cluster keeps automatic daily snapshots (SnapshotRetentionLimit of 1 day or more).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, num } from '../../inventory/readers.js';

export default defineCheck({
  id: 'memorydb-cluster-automatic-snapshots',
  title: 'MemoryDB cluster takes automatic snapshots',
  service: 'memorydb',
  resourceTypes: ['AWS::MemoryDB::Cluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'The transaction log keeps a MemoryDB cluster durable across node failures, but not across a deleted cluster, a FLUSHALL or a bad write: only snapshots bring the data back. MemoryDB takes daily snapshots only when the retention limit is 1 day or more; 0, the default when it is not set, turns them off.',
  remediation: {
    console: 'MemoryDB console > Clusters > cluster > Modify > Snapshots: enable automatic snapshots with a retention period of 1 day or more.',
    cloudformation: 'AWS::MemoryDB::Cluster.SnapshotRetentionLimit: 1 or more (up to 35)',
    terraform: 'aws_memorydb_cluster { snapshot_retention_limit = 7 } (1 or more)',
  },
  evaluate(cluster) {
    const path = 'SnapshotRetentionLimit';
    const days = num(cluster.properties[path]);
    if (isUnknown(days)) return unknown(days, path);
    if (days !== undefined && days >= 1) return pass(`automatic snapshots are kept for ${days} day(s)`, path);
    return fail(days === undefined ? `${path} is not set, and it defaults to 0: no automatic snapshots are taken` : 'automatic snapshots are off (retention 0)', path);
  },
});
