// Compliant: the security configuration encrypts all three things Glue writes: S3 data, CloudWatch logs and job bookmarks.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import type { PropValue } from '../../inventory/values.js';

const ROOT = 'EncryptionConfiguration';

interface Part {
  label: string;
  path: string;
  mode: (configuration: PropValue | undefined) => PropValue | undefined;
  modes: readonly string[];
}

// CloudFormation holds the S3 settings as a list (S3Encryptions), the API as S3Encryption; each source maps to the first.
const PARTS: readonly Part[] = [
  { label: 'S3 data', path: `${ROOT}.S3Encryptions`, mode: (root) => s3Mode(at(root, 'S3Encryptions')), modes: ['SSE-KMS', 'SSE-S3'] },
  { label: 'CloudWatch logs', path: `${ROOT}.CloudWatchEncryption.CloudWatchEncryptionMode`, mode: (root) => at(root, 'CloudWatchEncryption', 'CloudWatchEncryptionMode'), modes: ['SSE-KMS'] },
  { label: 'job bookmarks', path: `${ROOT}.JobBookmarksEncryption.JobBookmarksEncryptionMode`, mode: (root) => at(root, 'JobBookmarksEncryption', 'JobBookmarksEncryptionMode'), modes: ['CSE-KMS'] },
];

function s3Mode(value: PropValue | undefined): PropValue | undefined {
  const items = list(value);
  if (items === undefined || isUnknown(items)) return items;
  if (items.length === 0) return undefined;
  return at(items[0], 'S3EncryptionMode');
}

export default defineCheck({
  id: 'glue-security-configuration-encryption',
  title: 'Glue security configuration encrypts S3 data, CloudWatch logs and job bookmarks',
  service: 'glue',
  resourceTypes: ['AWS::Glue::SecurityConfiguration'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'Jobs, crawlers and development endpoints that use a security configuration write with its settings: the data they put in S3, the logs they send to CloudWatch and the job bookmarks that record what was processed. Each part is off unless set (mode DISABLED), and a part left off writes that output without the encryption the customer meant to require. Which parts are encrypted, and with which keys, is the customer\'s choice.',
  remediation: {
    console: 'Glue console > Security configurations > Add (a configuration cannot be edited): enable S3 encryption (SSE-KMS or SSE-S3), CloudWatch logs encryption and job bookmark encryption; point the jobs and crawlers at it.',
    cloudformation: 'AWS::Glue::SecurityConfiguration.EncryptionConfiguration: S3Encryptions [{S3EncryptionMode: SSE-KMS, KmsKeyArn}], CloudWatchEncryption {CloudWatchEncryptionMode: SSE-KMS, KmsKeyArn}, JobBookmarksEncryption {JobBookmarksEncryptionMode: CSE-KMS, KmsKeyArn}',
    terraform: 'aws_glue_security_configuration encryption_configuration { s3_encryption { s3_encryption_mode = "SSE-KMS" }, cloudwatch_encryption { cloudwatch_encryption_mode = "SSE-KMS" }, job_bookmarks_encryption { job_bookmarks_encryption_mode = "CSE-KMS" } } (each with kms_key_arn)',
  },
  evaluate(configuration) {
    const root = configuration.properties[ROOT];
    const off: string[] = [];
    const doubts: Evaluation[] = [];
    for (const part of PARTS) {
      const mode = str(part.mode(root));
      if (isUnknown(mode)) doubts.push(unknown(mode, part.path));
      else if (mode === undefined || mode === 'DISABLED') off.push(part.label);
      else if (!part.modes.includes(mode)) doubts.push(unknown(`${part.label}: mode "${mode}" is not one AWS accepts (${part.modes.join(', ')} or DISABLED)`, part.path));
    }
    if (off.length > 0) return fail(`not encrypted: ${off.join(', ')}`, ROOT);
    if (doubts.length > 0) return doubts;
    return pass('S3 data, CloudWatch logs and job bookmarks are all encrypted', ROOT);
  },
});
