// Compliant: the Redshift cluster is not publicly accessible (PubliclyAccessible false).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'redshift-cluster-not-public',
  title: 'Redshift cluster is not publicly accessible',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'A publicly accessible cluster gets a public IP address, leaving only its security group between the warehouse port and the internet. Deciding what is reachable from outside the VPC is the customer\'s zone security.',
  remediation: {
    console: 'Redshift console > Clusters > cluster > Actions > Modify publicly accessible setting > Disable.',
    cloudformation: 'AWS::Redshift::Cluster.PubliclyAccessible: false',
    terraform: 'aws_redshift_cluster { publicly_accessible = false }',
  },
  evaluate(cluster) {
    const publicly = bool(at(cluster.properties, 'PubliclyAccessible'));
    if (isUnknown(publicly)) return unknown(publicly, 'PubliclyAccessible');
    if (publicly === true) return fail('PubliclyAccessible is true: the cluster has a public endpoint', 'PubliclyAccessible');
    if (publicly === false) return pass('the cluster is not publicly accessible', 'PubliclyAccessible');
    return unknown('PubliclyAccessible is not set: clusters created since January 2025 are private by default, older ones may not be, and the template does not show when the cluster was created');
  },
});
