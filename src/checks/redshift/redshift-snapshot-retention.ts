// Compliant: automated snapshots of the cluster are kept for at least 7 days (AutomatedSnapshotRetentionPeriod >= 7).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, num } from '../../inventory/readers.js';

const MINIMUM_DAYS = 7;
// AWS's default for a cluster created through the API, CloudFormation or Terraform (the console proposes another).
const DEFAULT_DAYS = 1;

export default defineCheck({
  id: 'redshift-snapshot-retention',
  title: 'Redshift automated snapshots are kept for at least 7 days',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'AWS takes the automated snapshots, but how long they are kept is the customer\'s choice: one day by default, and 0 turns them off. A week of snapshots leaves time to notice bad data or a mistaken delete and restore from before it.',
  remediation: {
    console: 'Redshift console > Clusters > cluster > Maintenance > Backup details > Edit > Automated snapshot retention period: 7 days or more.',
    cloudformation: 'AWS::Redshift::Cluster.AutomatedSnapshotRetentionPeriod: 7 (or more)',
    terraform: 'aws_redshift_cluster { automated_snapshot_retention_period = 7 }',
  },
  evaluate(cluster) {
    const path = 'AutomatedSnapshotRetentionPeriod';
    const days = num(at(cluster.properties, path));
    if (isUnknown(days)) return unknown(days, path);
    if (days === undefined) return fail(`${path} is not set, so snapshots are kept for ${DEFAULT_DAYS} day`, path);
    if (days === 0) return fail('automated snapshots are turned off (retention 0)', path);
    if (days >= MINIMUM_DAYS) return pass(`automated snapshots are kept for ${days} days`, path);
    return fail(`automated snapshots are kept for ${days} day(s), fewer than ${MINIMUM_DAYS}`, path);
  },
});
