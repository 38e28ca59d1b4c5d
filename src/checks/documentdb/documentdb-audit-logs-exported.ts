// Compliant: the DocumentDB cluster exports its audit log to CloudWatch Logs (EnableCloudwatchLogsExports includes audit) and its cluster parameter group turns audit_logs on.
import { defineCheck } from '../define-check.js';
import { judgeAuditLogging } from '../lib/cluster-audit-parameter.js';

const GROUP = 'AWS::DocDB::DBClusterParameterGroup';
const OFF = new Set(['disabled', 'none']);
const ON = new Set(['enabled', 'all', 'ddl', 'dml_read', 'dml_write']);

export default defineCheck({
  id: 'documentdb-audit-logs-exported',
  title: 'DocumentDB cluster publishes audit logs to CloudWatch Logs',
  service: 'documentdb',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  reads: [GROUP],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'DocumentDB records authentication attempts, user and role changes and DDL in its audit log only when the cluster parameter group turns audit_logs on (the default group leaves it disabled), and keeps the events only when the cluster exports the audit log to CloudWatch Logs. Both halves are the customer\'s, and demarc wants both; Security Hub\'s DocumentDB.4 looks at the export alone.',
  remediation: {
    console: 'DocumentDB console > Parameter groups: set audit_logs to enabled in a custom cluster parameter group and attach it; then Clusters > cluster > Modify > Log exports: Audit logs.',
    cloudformation: 'AWS::DocDB::DBCluster.EnableCloudwatchLogsExports: [audit] and DBClusterParameterGroupName: a AWS::DocDB::DBClusterParameterGroup with Parameters { audit_logs: enabled }',
    terraform: 'aws_docdb_cluster { enabled_cloudwatch_logs_exports = ["audit"], db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.audit.name } with parameter { name = "audit_logs", value = "enabled" }',
  },
  evaluate(cluster, context) {
    return judgeAuditLogging(cluster, context, {
      groupType: GROUP,
      name: 'audit_logs',
      isOn(value) {
        // DocumentDB 5.0 takes a comma-separated list of event kinds.
        const kinds = value.toLowerCase().split(',').map((kind) => kind.trim());
        if (kinds.every((kind) => OFF.has(kind))) return false;
        return kinds.every((kind) => ON.has(kind)) ? true : undefined;
      },
    });
  },
});
