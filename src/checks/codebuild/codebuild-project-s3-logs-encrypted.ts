// Compliant: a project that writes build logs to S3 keeps their encryption on (S3Logs.EncryptionDisabled not true).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';

const PATH = 'LogsConfig.S3Logs';

export default defineCheck({
  id: 'codebuild-project-s3-logs-encrypted',
  title: 'CodeBuild project encrypts the build logs it writes to S3',
  service: 'codebuild',
  resourceTypes: ['AWS::CodeBuild::Project'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'Build logs hold what each build printed: resolved URLs, environment details and, too often, secrets echoed by a script. CodeBuild encrypts the logs it writes to S3 with the project\'s key unless the project sets EncryptionDisabled; turning that off is the customer\'s choice, and leaves the logs protected only by the bucket\'s own settings.',
  remediation: {
    console: 'CodeBuild console > project > Edit > Logs > S3 logs: clear "Disable S3 log encryption".',
    cloudformation: 'AWS::CodeBuild::Project.LogsConfig.S3Logs.EncryptionDisabled: false (or leave it unset)',
    terraform: 'aws_codebuild_project logs_config { s3_logs { encryption_disabled = false } }',
  },
  evaluate(project) {
    const status = str(at(project.properties, 'LogsConfig', 'S3Logs', 'Status'));
    if (isUnknown(status)) return unknown(status, `${PATH}.Status`);
    if (status === undefined || status === 'DISABLED') return notApplicable('the project writes no build logs to S3 (S3 logs are off by default)');
    if (status !== 'ENABLED') return unknown(`S3Logs.Status "${status}" is neither ENABLED nor DISABLED`, `${PATH}.Status`);
    const disabled = bool(at(project.properties, 'LogsConfig', 'S3Logs', 'EncryptionDisabled'));
    if (isUnknown(disabled)) return unknown(disabled, `${PATH}.EncryptionDisabled`);
    if (disabled === true) return fail('build logs are written to S3 unencrypted (EncryptionDisabled is true)', `${PATH}.EncryptionDisabled`);
    return pass(`build logs written to S3 are encrypted${disabled === undefined ? ' (the default)' : ''}`, `${PATH}.EncryptionDisabled`);
  },
});
