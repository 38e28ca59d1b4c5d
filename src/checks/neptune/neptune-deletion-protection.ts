// Compliant: the Neptune cluster cannot be deleted until deletion protection is turned off (DeletionProtection true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'neptune-deletion-protection',
  title: 'Neptune cluster has deletion protection',
  service: 'neptune',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Deleting a cluster also deletes its automated backups unless a final snapshot is taken. Deletion protection, off by default for clusters created through the API or CloudFormation (the console turns it on for production clusters), makes a mistaken or malicious delete fail until someone turns it off on purpose.',
  remediation: {
    console: 'Neptune console > Databases > cluster > Modify > Deletion protection: Enable.',
    cloudformation: 'AWS::Neptune::DBCluster.DeletionProtection: true',
    terraform: 'aws_neptune_cluster { deletion_protection = true }',
  },
  evaluate(cluster) {
    const enabled = bool(at(cluster.properties, 'DeletionProtection'));
    if (isUnknown(enabled)) return unknown(enabled, 'DeletionProtection');
    if (enabled === true) return pass('deletion protection is on', 'DeletionProtection');
    return fail(enabled === false ? 'DeletionProtection is false' : 'DeletionProtection is not set, and it is off by default', 'DeletionProtection');
  },
});
