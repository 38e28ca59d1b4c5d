// Compliant: the cluster sends its api, audit and authenticator control-plane logs to CloudWatch Logs.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

const REQUIRED_TYPES = ['api', 'audit', 'authenticator'];

export default defineCheck({
  id: 'eks-control-plane-logging',
  title: 'EKS control-plane audit logs are enabled',
  service: 'eks',
  resourceTypes: ['AWS::EKS::Cluster'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'AWS runs the Kubernetes control plane, but its API server, audit and authenticator logs reach the customer only when the customer turns them on. Without them there is no record of who did what inside the cluster.',
  remediation: {
    console: 'EKS console > cluster > Observability > Control plane logging > Manage logging > turn on API server, Audit and Authenticator.',
    cloudformation: 'AWS::EKS::Cluster.Logging.ClusterLogging.EnabledTypes: [{Type: api}, {Type: audit}, {Type: authenticator}]',
    terraform: 'aws_eks_cluster { enabled_cluster_log_types = ["api", "audit", "authenticator"] }',
  },
  evaluate(cluster) {
    const entries = list(at(cluster.properties, 'Logging', 'ClusterLogging', 'EnabledTypes'));
    if (isUnknown(entries)) return unknown(entries, 'Logging.ClusterLogging.EnabledTypes');
    const enabled = new Set<string>();
    for (const entry of entries ?? []) {
      const type = str(at(entry, 'Type'));
      if (isUnknown(type)) return unknown(type, 'Logging.ClusterLogging.EnabledTypes');
      if (type !== undefined) enabled.add(type);
    }
    const missing = REQUIRED_TYPES.filter((type) => !enabled.has(type));
    if (missing.length === 0) return pass('api, audit and authenticator logs are enabled', 'Logging.ClusterLogging.EnabledTypes');
    return fail(
      entries === undefined ? 'control-plane logging is off (no log types are enabled by default)' : `control-plane logs missing: ${missing.join(', ')}`,
      entries === undefined ? undefined : 'Logging.ClusterLogging.EnabledTypes',
    );
  },
});
