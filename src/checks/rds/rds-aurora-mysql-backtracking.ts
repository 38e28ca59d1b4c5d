// Compliant: an Aurora MySQL cluster can be rewound in place (BacktrackWindow above 0 seconds).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, num, str } from '../../inventory/readers.js';
import { engineFamily } from '../lib/engine-lifecycle.js';
import { engineOf } from '../lib/rds.js';

export default defineCheck({
  id: 'rds-aurora-mysql-backtracking',
  title: 'Aurora MySQL cluster has backtracking enabled',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBCluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Backtracking rewinds an Aurora MySQL cluster to a moment within its backtrack window in minutes, without restoring a backup into a new cluster: the quickest way back from a destructive statement or a bad deployment. The window is 0 (off) unless set, and it can only be turned on when the cluster is created, restored or cloned. Other engines, and Aurora Serverless v1, have no backtracking and are not applicable.',
  remediation: {
    console: 'Backtracking cannot be turned on for an existing cluster: restore a snapshot or clone the cluster with Enable Backtrack and a target backtrack window (up to 72 hours).',
    cloudformation: 'AWS::RDS::DBCluster.BacktrackWindow: 86400 (seconds; up to 259200)',
    terraform: 'aws_rds_cluster { backtrack_window = 86400 }',
  },
  evaluate(cluster) {
    const engine = engineOf(cluster);
    if (isUnknown(engine)) return unknown(engine, 'Engine');
    if (engine === undefined) return unknown('the cluster names no engine', 'Engine');
    if (engineFamily(engine) !== 'aurora-mysql') return notApplicable(`backtracking exists only for Aurora MySQL, not ${engine}`);
    const mode = str(at(cluster.properties, 'EngineMode'));
    if (isUnknown(mode)) return unknown(mode, 'EngineMode');
    if (mode === 'serverless') return notApplicable('Aurora Serverless v1 does not support backtracking');
    const window = num(at(cluster.properties, 'BacktrackWindow'));
    if (isUnknown(window)) return unknown(window, 'BacktrackWindow');
    if (window === undefined) return fail('BacktrackWindow is not set, and backtracking is off by default', 'BacktrackWindow');
    if (window <= 0) return fail('BacktrackWindow is 0: backtracking is off', 'BacktrackWindow');
    return pass(`the cluster can be rewound up to ${window / 3600} hours`, 'BacktrackWindow');
  },
});
