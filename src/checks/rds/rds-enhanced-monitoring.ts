// Compliant: the DB instance sends operating-system metrics to CloudWatch Logs (MonitoringInterval greater than 0).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, num } from '../../inventory/readers.js';

export default defineCheck({
  id: 'rds-enhanced-monitoring',
  title: 'RDS DB instance has Enhanced Monitoring enabled',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'CloudWatch\'s standard RDS metrics come from the hypervisor. Enhanced Monitoring reads the instance\'s operating system (processes, memory, file system) every few seconds, which shows what ran on the instance during an incident; it is off until the customer sets an interval and a monitoring role.',
  remediation: {
    console: 'RDS console > Databases > instance > Modify > Monitoring > Enable Enhanced Monitoring, with a granularity and a monitoring role.',
    cloudformation: 'AWS::RDS::DBInstance.MonitoringInterval: 60 (1, 5, 10, 15, 30 or 60) and MonitoringRoleArn',
    terraform: 'aws_db_instance / aws_rds_cluster_instance { monitoring_interval = 60, monitoring_role_arn = <role ARN> }',
  },
  evaluate(instance) {
    const seconds = num(at(instance.properties, 'MonitoringInterval'));
    if (isUnknown(seconds)) return unknown(seconds, 'MonitoringInterval');
    if (seconds !== undefined && seconds > 0) return pass(`Enhanced Monitoring collects metrics every ${seconds} seconds`, 'MonitoringInterval');
    return fail(seconds === 0 ? 'MonitoringInterval is 0: Enhanced Monitoring is off' : 'MonitoringInterval is not set, and Enhanced Monitoring is off by default', 'MonitoringInterval');
  },
});
