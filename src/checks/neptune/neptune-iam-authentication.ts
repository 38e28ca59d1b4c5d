// Compliant: the Neptune cluster requires IAM database authentication (IamAuthEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'neptune-iam-authentication',
  title: 'Neptune cluster uses IAM database authentication',
  service: 'neptune',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'Neptune has no users or passwords of its own: without IAM database authentication, anyone who can reach the endpoint on the network can read and change the graph. With it on, every request must be signed with Signature Version 4 by a principal that IAM policies allow (neptune-db:*), so access follows the customer\'s IAM controls and is recorded. It is off by default.',
  remediation: {
    console: 'Neptune console > Databases > cluster > Modify > Authentication: IAM DB authentication enabled; then grant neptune-db:* actions to the callers.',
    cloudformation: 'AWS::Neptune::DBCluster.IamAuthEnabled: true',
    terraform: 'aws_neptune_cluster { iam_database_authentication_enabled = true }',
  },
  evaluate(cluster) {
    const enabled = bool(at(cluster.properties, 'IamAuthEnabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'IamAuthEnabled');
    if (enabled === true) return pass('IAM database authentication is on', 'IamAuthEnabled');
    return fail(enabled === false ? 'IamAuthEnabled is false: any client that reaches the endpoint is let in' : 'IamAuthEnabled is not set, and IAM database authentication is off by default', 'IamAuthEnabled');
  },
});
