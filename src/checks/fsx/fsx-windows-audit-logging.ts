// Compliant: the FSx for Windows File Server file system audits access to its files and folders and to its file shares.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { fileSystemSettings } from '../lib/fsx.js';

const LEVELS = new Set(['DISABLED', 'SUCCESS_ONLY', 'FAILURE_ONLY', 'SUCCESS_AND_FAILURE']);
const KINDS = [
  { name: 'FileAccessAuditLogLevel', what: 'file and folder access' },
  { name: 'FileShareAccessAuditLogLevel', what: 'file share access' },
] as const;

export default defineCheck({
  id: 'fsx-windows-audit-logging',
  title: 'FSx for Windows File Server audits file and share access',
  service: 'fsx',
  resourceTypes: ['AWS::FSx::FileSystem'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'CloudTrail records who changed an FSx file system, never who opened, changed or deleted the files on it. FSx for Windows File Server writes those Windows access events (file and folder accesses, and connections to file shares) to CloudWatch Logs or Kinesis Data Firehose only when AuditLogConfiguration turns them on; both levels are DISABLED by default. Without them, a leak or a mass deletion cannot be traced to an account. demarc asks for both kinds of auditing, at any level (successes, failures, or both); other file system types are not judged.',
  remediation: {
    console: 'FSx console > File systems > the Windows file system > Administration > File access auditing > Manage: log file and folder access and file share access attempts, and choose a log destination.',
    cloudformation: 'AWS::FSx::FileSystem.WindowsConfiguration.AuditLogConfiguration: { FileAccessAuditLogLevel: SUCCESS_AND_FAILURE, FileShareAccessAuditLogLevel: SUCCESS_AND_FAILURE }',
    terraform: 'aws_fsx_windows_file_system { audit_log_configuration { file_access_audit_log_level = "SUCCESS_AND_FAILURE", file_share_access_audit_log_level = "SUCCESS_AND_FAILURE" } }',
  },
  evaluate(fileSystem) {
    const settings = fileSystemSettings(fileSystem);
    if (isUnknown(settings)) return unknown(settings, 'FileSystemType');
    if (settings.kind !== 'WINDOWS') return notApplicable(`file access auditing is a setting of FSx for Windows File Server, not of ${settings.label}`);
    const off: string[] = [];
    for (const kind of KINDS) {
      const path = `WindowsConfiguration.AuditLogConfiguration.${kind.name}`;
      const level = str(at(settings.setting('AuditLogConfiguration'), kind.name));
      if (isUnknown(level)) return unknown(level, path);
      if (level !== undefined && !LEVELS.has(level)) return unknown(`${kind.name} ${level} is not one FSx accepts (${[...LEVELS].join(', ')})`, path);
      if (level === undefined || level === 'DISABLED') off.push(`${kind.what} (${kind.name} ${level ?? 'not set, DISABLED by default'})`);
    }
    if (off.length > 0) return fail(`the file system does not audit ${off.join(' nor ')}`, 'WindowsConfiguration.AuditLogConfiguration');
    return pass('the file system audits file and folder access and file share access', 'WindowsConfiguration.AuditLogConfiguration');
  },
});
