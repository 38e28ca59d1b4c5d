// Compliant: the DocumentDB cluster cannot be deleted until deletion protection is turned off (DeletionProtection true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'documentdb-deletion-protection',
  title: 'DocumentDB cluster has deletion protection',
  service: 'documentdb',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Deleting a cluster also deletes its automated backups unless a final snapshot is taken. Deletion protection, off by default for clusters created through the API or CloudFormation, makes a mistaken or malicious delete (or a stack update that replaces the cluster) fail until someone turns it off on purpose.',
  remediation: {
    console: 'DocumentDB console > Clusters > cluster > Actions > Modify > Deletion protection: Enable.',
    cloudformation: 'AWS::DocDB::DBCluster.DeletionProtection: true',
    terraform: 'aws_docdb_cluster { deletion_protection = true }',
  },
  evaluate(cluster) {
    const enabled = bool(at(cluster.properties, 'DeletionProtection'));
    if (isUnknown(enabled)) return unknown(enabled, 'DeletionProtection');
    if (enabled === true) return pass('deletion protection is on', 'DeletionProtection');
    return fail(enabled === false ? 'DeletionProtection is false' : 'DeletionProtection is not set, and it is off by default', 'DeletionProtection');
  },
});
