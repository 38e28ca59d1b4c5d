// Compliant: the Redshift cluster's parameter group sets require_ssl to true, so clients must connect over TLS.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'redshift-require-ssl',
  title: 'Redshift cluster requires TLS for client connections',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  reads: ['AWS::Redshift::ClusterParameterGroup'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'high',
  rationale:
    'Redshift accepts TLS connections, but unless require_ssl is true in the cluster\'s parameter group it also accepts plain-text ones, and SQL clients fall back to them silently. Requiring TLS is the customer\'s part of protecting data in transit.',
  remediation: {
    console: 'Redshift console > Configurations > Workload management > parameter group > Parameters > require_ssl: true; attach the group to the cluster and reboot.',
    cloudformation: 'AWS::Redshift::ClusterParameterGroup.Parameters: [{ParameterName: require_ssl, ParameterValue: "true"}], referenced by AWS::Redshift::Cluster.ClusterParameterGroupName',
    terraform: 'aws_redshift_parameter_group { parameter { name = "require_ssl" value = "true" } }',
  },
  evaluate(cluster, context) {
    const groupValue = cluster.properties['ClusterParameterGroupName'];
    const groupName = str(groupValue);
    if (groupValue === undefined) {
      return unknown('no parameter group is named: the default group of clusters created since January 2025 requires TLS, the older default.redshift-1.0 does not, and the template does not show which one the cluster got');
    }
    if (groupName === 'default.redshift-1.0') {
      return fail('the cluster uses default.redshift-1.0, whose require_ssl is false', 'ClusterParameterGroupName');
    }
    const group = context.inventory.resolve(groupValue, ['AWS::Redshift::ClusterParameterGroup']);
    if (group?.type !== 'AWS::Redshift::ClusterParameterGroup') {
      if (isUnknown(groupName)) return unknown(groupName, 'ClusterParameterGroupName');
      return unknown(`the parameter group ${groupName ?? ''} is not in the scanned input`, 'ClusterParameterGroupName');
    }
    const parameters = list(at(group.properties, 'Parameters'));
    if (isUnknown(parameters)) return unknown(parameters, 'ClusterParameterGroupName');
    const entry = (parameters ?? []).find((item) => str(at(item, 'ParameterName')) === 'require_ssl');
    if (entry === undefined) {
      const family = str(at(group.properties, 'ParameterGroupFamily'));
      if (family === 'redshift-1.0') {
        return fail(`the parameter group ${group.id} does not set require_ssl, which is false by default in the redshift-1.0 family`, 'ClusterParameterGroupName');
      }
      return unknown(`the parameter group ${group.id} does not set require_ssl, and its family's default is not known`, 'ClusterParameterGroupName');
    }
    const value = str(at(entry, 'ParameterValue'));
    if (isUnknown(value)) return unknown(value, 'ClusterParameterGroupName');
    return value?.toLowerCase() === 'true'
      ? pass(`the parameter group ${group.id} sets require_ssl to true`, 'ClusterParameterGroupName')
      : fail(`the parameter group ${group.id} sets require_ssl to ${value ?? 'nothing'}, so plain-text connections are accepted`, 'ClusterParameterGroupName');
  },
});
