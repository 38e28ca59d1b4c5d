// Compliant: the GraphQL API logs resolver activity to CloudWatch Logs (LogConfig.FieldLogLevel ERROR, INFO, DEBUG or ALL).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

const LOGGING_LEVELS = new Set(['ERROR', 'INFO', 'DEBUG', 'ALL']);

export default defineCheck({
  id: 'appsync-graphql-api-field-logging',
  title: 'AppSync GraphQL API has field-level logging enabled',
  service: 'appsync',
  resourceTypes: ['AWS::AppSync::GraphQLApi'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Field-level logs are the record of what each GraphQL request resolved, with errors and the caller\'s authorisation outcome; without them a misuse of the API (enumeration through queries, failed authorisations) leaves no trace beyond request counts. An API has no logging unless the customer gives it a LogConfig with a CloudWatch Logs role, and a FieldLogLevel of NONE logs nothing at field level.',
  remediation: {
    console: 'AWS AppSync console > the API > Settings > Logging: enable logs, choose a field resolver log level (Error or higher) and a CloudWatch Logs role.',
    cloudformation: 'AWS::AppSync::GraphQLApi.LogConfig: { FieldLogLevel: ERROR, CloudWatchLogsRoleArn: !GetAtt AppSyncLogsRole.Arn }',
    terraform: 'aws_appsync_graphql_api { log_config { field_log_level = "ERROR"  cloudwatch_logs_role_arn = aws_iam_role.appsync_logs.arn } }',
  },
  evaluate(api) {
    const logConfig = at(api.properties, 'LogConfig');
    if (isUnknown(logConfig)) return unknown(logConfig, 'LogConfig');
    if (logConfig === undefined || logConfig === null) return fail('LogConfig is not set: the API writes no logs to CloudWatch Logs', 'LogConfig');
    const level = str(at(logConfig, 'FieldLogLevel'));
    if (isUnknown(level)) return unknown(level, 'LogConfig.FieldLogLevel');
    if (level === undefined) return fail('LogConfig has no FieldLogLevel: no field-level logging', 'LogConfig.FieldLogLevel');
    if (level === 'NONE') return fail('LogConfig.FieldLogLevel is NONE: no field-level logging', 'LogConfig.FieldLogLevel');
    if (LOGGING_LEVELS.has(level)) return pass(`field-level logging at level ${level}`, 'LogConfig.FieldLogLevel');
    return unknown(`LogConfig.FieldLogLevel ${level} is not one AWS accepts (NONE, ERROR, INFO, DEBUG, ALL)`, 'LogConfig.FieldLogLevel');
  },
});
