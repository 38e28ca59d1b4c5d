// Compliant: the database publishes its engine's main log (error, alert, postgresql or diag.log) to CloudWatch Logs.
import { defineCheck, notApplicable, unknown } from '../define-check.js';
import { exportsLog } from '../lib/log-exports.js';
import { isUnknown } from '../../inventory/readers.js';
import { engineFamily, type EngineFamily } from '../lib/engine-lifecycle.js';
import { engineOf, isAuroraMemberInstance } from '../lib/rds.js';

// The log each engine writes its errors, failed logins and crash records to, under the name EnableCloudwatchLogsExports
// takes (RDS API reference, CreateDBInstance and CreateDBCluster).
const MAIN_LOG: Partial<Record<EngineFamily, string>> = {
  mysql: 'error',
  mariadb: 'error',
  'aurora-mysql': 'error',
  postgres: 'postgresql',
  'aurora-postgresql': 'postgresql',
  sqlserver: 'error',
  oracle: 'alert',
  db2: 'diag.log',
};

export default defineCheck({
  id: 'rds-log-exports',
  title: 'RDS database publishes its engine log to CloudWatch Logs',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'RDS keeps engine logs on the instance for a short, size-bound time, and they go with the instance when it is deleted. Publishing the engine\'s main log (the MySQL, MariaDB and SQL Server error log, the PostgreSQL log, the Oracle alert log, the Db2 diagnostic log) to CloudWatch Logs keeps failed logins and errors for investigation. Security Hub RDS.9 wants every log type of the engine, including general and slow query logs; demarc asks for the one that records security events and leaves the rest to the customer.',
  remediation: {
    console: 'RDS console > Databases > database > Modify > Log exports: select the error log (postgresql log for PostgreSQL, alert log for Oracle).',
    cloudformation: 'AWS::RDS::DBInstance.EnableCloudwatchLogsExports: [error] (postgresql, alert or diag.log by engine); AWS::RDS::DBCluster.EnableCloudwatchLogsExports for Aurora',
    terraform: 'aws_db_instance / aws_rds_cluster { enabled_cloudwatch_logs_exports = ["error"] } (postgresql, alert or diag.log by engine)',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) {
      return notApplicable('log exports of a cluster member are set on its DB cluster');
    }
    const engine = engineOf(database);
    if (isUnknown(engine)) return unknown(engine, 'Engine');
    if (engine === undefined) return unknown('the database names no engine', 'Engine');
    if (engine.toLowerCase().startsWith('custom-')) return notApplicable('RDS Custom databases do not export logs to CloudWatch Logs');
    const logType = MAIN_LOG[engineFamily(engine)];
    if (logType === undefined) return notApplicable(`demarc knows no CloudWatch Logs export for engine ${engine}`);
    return exportsLog(database.properties, logType, `the ${logType} logs`);
  },
});
