// Compliant: the RDS snapshot is not shared with everyone (its restore attribute does not include "all").
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'rds-snapshot-not-public',
  title: 'RDS snapshot is not public',
  service: 'rds',
  resourceTypes: ['Demarc::RDS::Snapshot'],
  layer: 'customer-data',
  control: 'data-loss-prevention',
  duty: 'prevent-data-loss',
  severity: 'critical',
  rationale:
    'A public snapshot can be restored by any AWS account in the world, handing over a full copy of the database. Sharing is a customer setting on each manual snapshot; keeping data stores private is the customer\'s data-loss prevention.',
  remediation: {
    console: 'RDS console > Snapshots > snapshot > Actions > Share snapshot > DB snapshot visibility: Private.',
    cloudformation: 'Not set in CloudFormation: remove "all" with aws rds modify-db-snapshot-attribute --attribute-name restore --values-to-remove all',
    terraform: 'aws_db_snapshot / aws_db_cluster_snapshot { shared_accounts = [<account ids>] } without "all" (or no shared_accounts)',
  },
  evaluate(snapshot) {
    const open = bool(at(snapshot.properties, 'Public'));
    if (isUnknown(open)) return unknown(open, 'Public');
    if (open === undefined) return unknown('the snapshot\'s sharing attribute was not collected', 'Public');
    return open ? fail('the snapshot can be restored by any AWS account', 'Public') : pass('the snapshot is private', 'Public');
  },
});
