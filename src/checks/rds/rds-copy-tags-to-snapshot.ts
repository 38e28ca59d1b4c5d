// Compliant: snapshots of the database carry its tags (CopyTagsToSnapshot true on the instance or DB cluster).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isAuroraMemberInstance } from '../lib/rds.js';

export default defineCheck({
  id: 'rds-copy-tags-to-snapshot',
  title: 'RDS database copies its tags to snapshots',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'customer-data',
  control: 'asset-classification',
  duty: 'classify-assets',
  severity: 'low',
  rationale:
    'A snapshot holds the same data as its database, but without the database\'s tags it loses the data classification, owner and tag-based access conditions that apply to that data. Copying tags to snapshots keeps the classification with every copy the customer makes.',
  remediation: {
    console: 'RDS console > Databases > database > Modify > Backup > Copy tags to snapshots.',
    cloudformation: 'AWS::RDS::DBInstance.CopyTagsToSnapshot: true (AWS::RDS::DBCluster.CopyTagsToSnapshot for Aurora and Multi-AZ DB clusters)',
    terraform: 'aws_db_instance / aws_rds_cluster { copy_tags_to_snapshot = true }',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) {
      return notApplicable('snapshots of a cluster member are taken of its DB cluster, whose setting decides');
    }
    const copies = bool(at(database.properties, 'CopyTagsToSnapshot'));
    if (isUnknown(copies)) return unknown(copies, 'CopyTagsToSnapshot');
    if (copies === true) return pass('tags are copied to snapshots', 'CopyTagsToSnapshot');
    return fail(copies === false ? 'CopyTagsToSnapshot is false' : 'CopyTagsToSnapshot is not set, and it is off by default', 'CopyTagsToSnapshot');
  },
});
