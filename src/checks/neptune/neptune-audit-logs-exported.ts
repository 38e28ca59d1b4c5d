// Compliant: the Neptune cluster exports its audit log to CloudWatch Logs (EnableCloudwatchLogsExports includes audit) and its cluster parameter group sets neptune_enable_audit_log to 1.
import { defineCheck } from '../define-check.js';
import { judgeAuditLogging } from '../lib/cluster-audit-parameter.js';

const GROUP = 'AWS::Neptune::DBClusterParameterGroup';

export default defineCheck({
  id: 'neptune-audit-logs-exported',
  title: 'Neptune cluster publishes audit logs to CloudWatch Logs',
  service: 'neptune',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  reads: [GROUP],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Neptune records each query and the identity that sent it in its audit log only when the cluster parameter group sets neptune_enable_audit_log to 1 (the default group leaves it 0), and keeps the events only when the cluster exports the audit log to CloudWatch Logs. Both halves are the customer\'s, and demarc wants both; Security Hub\'s Neptune.2 looks at the export alone.',
  remediation: {
    console: 'Neptune console > Parameter groups: set neptune_enable_audit_log to 1 in a custom cluster parameter group and attach it; then Databases > cluster > Modify > Log exports: Audit log.',
    cloudformation: 'AWS::Neptune::DBCluster.EnableCloudwatchLogsExports: [audit] and DBClusterParameterGroupName: a AWS::Neptune::DBClusterParameterGroup with Parameters { neptune_enable_audit_log: 1 }',
    terraform: 'aws_neptune_cluster { enable_cloudwatch_logs_exports = ["audit"], neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.audit.name } with parameter { name = "neptune_enable_audit_log", value = "1" }',
  },
  evaluate(cluster, context) {
    return judgeAuditLogging(cluster, context, {
      groupType: GROUP,
      name: 'neptune_enable_audit_log',
      isOn(value) {
        if (value.trim() === '1') return true;
        return value.trim() === '0' ? false : undefined;
      },
    });
  },
});
