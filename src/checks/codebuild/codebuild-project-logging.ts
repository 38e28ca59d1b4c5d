// Compliant: the project sends its build logs to CloudWatch Logs or to S3 (CloudWatch Logs is on unless turned off).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

const CLOUDWATCH = 'LogsConfig.CloudWatchLogs.Status';
const S3 = 'LogsConfig.S3Logs.Status';

export default defineCheck({
  id: 'codebuild-project-logging',
  title: 'CodeBuild project keeps build logs',
  service: 'codebuild',
  resourceTypes: ['AWS::CodeBuild::Project'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Build logs show what each build ran, fetched and published: the record needed to investigate a tampered dependency or a leaked credential in a pipeline. CodeBuild sends them to CloudWatch Logs unless the project turns that off; a project with both CloudWatch Logs and S3 logs disabled keeps no record at all.',
  remediation: {
    console: 'CodeBuild console > project > Edit > Logs: enable CloudWatch logs (or S3 logs).',
    cloudformation: 'AWS::CodeBuild::Project.LogsConfig.CloudWatchLogs.Status: ENABLED (or S3Logs.Status: ENABLED with a Location)',
    terraform: 'aws_codebuild_project logs_config { cloudwatch_logs { status = "ENABLED" } }',
  },
  evaluate(project) {
    const cloudwatch = str(at(project.properties, 'LogsConfig', 'CloudWatchLogs', 'Status'));
    const s3 = str(at(project.properties, 'LogsConfig', 'S3Logs', 'Status'));
    // CloudWatch Logs is on by default: only an explicit DISABLED turns it off. S3 logs are off unless ENABLED.
    if (cloudwatch === undefined || cloudwatch === 'ENABLED') return pass(`build logs go to CloudWatch Logs${cloudwatch === undefined ? ' (the default)' : ''}`, CLOUDWATCH);
    if (s3 === 'ENABLED') return pass('build logs go to S3', S3);
    if (isUnknown(cloudwatch)) return unknown(cloudwatch, CLOUDWATCH);
    if (isUnknown(s3)) return unknown(s3, S3);
    if (cloudwatch !== 'DISABLED') return unknown(`CloudWatchLogs.Status "${cloudwatch}" is neither ENABLED nor DISABLED`, CLOUDWATCH);
    if (s3 !== undefined && s3 !== 'DISABLED') return unknown(`S3Logs.Status "${s3}" is neither ENABLED nor DISABLED`, S3);
    return fail('the project keeps no build logs: CloudWatch Logs and S3 logs are both disabled', 'LogsConfig');
  },
});
