import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { FOREIGN_EQUIVALENTS } from '../../src/config/foreign-suppressions.js';
import { inlineSuppressionsFromMetadata, terraformCommentSuppressions } from '../../src/config/inline.js';
import type { Finding, ScanResult } from '../../src/engine/result.js';
import { createResultValidator } from '../../src/report/result-schema.js';
import { runCli } from '../support/cli.js';
import { SCHEMA_PATH, loadJson } from '../report/support.js';

// The scan's clock: expiry dates before it have lapsed.
const ENV = { DEMARC_NOW: '2026-06-01T12:00:00Z' };
const CHECKS = ['--check', 's3-bucket-versioning', '--check', 's3-bucket-access-logging'];

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Scratch:
    Type: AWS::S3::Bucket
    Metadata:
      demarc:
        suppress:
          - check: s3-bucket-versioning
            reason: Scratch data, rebuilt every night from the source
            expires: 2027-01-31
          - check: s3-bucket-access-*
            reason: Nothing in it is read by people
  NoReason:
    Type: AWS::S3::Bucket
    Metadata:
      demarc:
        suppress:
          - check: s3-bucket-versioning
  ShortReason:
    Type: AWS::S3::Bucket
    Metadata:
      demarc:
        suppress:
          - check: s3-bucket-versioning
            reason: temp
  UnknownCheck:
    Type: AWS::S3::Bucket
    Metadata:
      demarc:
        suppress:
          - check: s3-bucket-versionin
            reason: Scratch data, rebuilt every night
  BadDate:
    Type: AWS::S3::Bucket
    Metadata:
      demarc:
        suppress:
          - check: s3-bucket-versioning
            reason: Scratch data, rebuilt every night
            expires: 2026-02-30
  Expired:
    Type: AWS::S3::Bucket
    Metadata:
      demarc:
        suppress:
          - check: s3-bucket-versioning
            reason: Scratch data until the migration ends
            expires: 2026-01-31
  CdkNag:
    Type: AWS::S3::Bucket
    Metadata:
      cdk_nag:
        rules_to_suppress:
          - id: AwsSolutions-S1
            reason: This bucket is itself the access log target
          - id: AwsSolutions-IAM4
            reason: Not a demarc check at all, so ignored
  CfnNag:
    Type: AWS::S3::Bucket
    Metadata:
      cfn_nag:
        rules_to_suppress:
          - id: W35
            reason: This bucket is itself the access log target
          - id: W51
            reason: A rule demarc has no equivalent for
  CheckovSkip:
    Type: AWS::S3::Bucket
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_21
            comment: Versions are kept by the backup vault instead
`;

const TERRAFORM = `provider "aws" {
  region = "eu-west-1"
}

# Rebuilt every night.
# demarc:ignore s3-bucket-versioning Scratch data, rebuilt every night from the source
resource "aws_s3_bucket" "above" {
  bucket = "above"
}

resource "aws_s3_bucket" "inside" {
  // demarc:ignore s3-bucket-versioning Rebuilt from upstream every night
  bucket = "inside"
}

resource "aws_s3_bucket" "no_reason" {
  # demarc:ignore s3-bucket-versioning
  bucket = "no-reason"
}

resource "aws_s3_bucket" "unknown" {
  # demarc:ignore s3-versioning Rebuilt from upstream every night
  bucket = "unknown"
}

resource "aws_s3_bucket" "checkov" {
  #checkov:skip=CKV_AWS_21:Versions are kept by the backup vault instead
  #checkov:skip=CKV_AWS_144:Cross-region replication is not needed here
  bucket = "checkov"
}

resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}
`;

let folder = '';
let templatePath = '';
let terraformDir = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-inline-'));
  templatePath = join(folder, 'template.yaml');
  await writeFile(templatePath, TEMPLATE);
  terraformDir = join(folder, 'tf');
  await mkdir(terraformDir);
  await writeFile(join(terraformDir, 'main.tf'), TERRAFORM);
});

interface Scan {
  result: ScanResult;
  stderr: string;
  code: number;
}

async function scan(path: string): Promise<Scan> {
  const run = await runCli(['scan', path, '--format', 'json', '--fail-on', 'none', ...CHECKS], { env: ENV, cwd: folder });
  return { result: JSON.parse(run.stdout) as ScanResult, stderr: run.stderr, code: run.code };
}

function finding(result: ScanResult, resource: string, checkId: string): Finding {
  const found = result.findings.find((candidate) => candidate.resource.id === resource && candidate.checkId === checkId);
  if (!found) throw new Error(`no ${checkId} finding on ${resource}`);
  return found;
}

/** The line of the first occurrence of `needle` in `text`, 1-based. */
function lineOf(text: string, needle: string, after = ''): number {
  const lines = text.split('\n');
  const start = after === '' ? 0 : lines.findIndex((line) => line.includes(after));
  const index = lines.findIndex((line, position) => position >= start && line.includes(needle));
  if (index < 0) throw new Error(`no line with ${needle}`);
  return index + 1;
}

describe('inline suppressions in CloudFormation Metadata', () => {
  it('suppresses with the reason, the expiry and where it is written, and keeps the finding in the output', async () => {
    const { result, code } = await scan(templatePath);
    expect(code).toBe(0);
    const versioning = finding(result, 'Scratch', 's3-bucket-versioning');
    expect(versioning.status).toBe('fail');
    expect(versioning.suppressed).toEqual({
      reason: 'Scratch data, rebuilt every night from the source',
      expires: '2027-01-31',
      source: { kind: 'demarc-metadata', file: templatePath, line: lineOf(TEMPLATE, '- check: s3-bucket-versioning') },
    });
    // A glob over check ids, limited to the resource it is written on.
    expect(finding(result, 'Scratch', 's3-bucket-access-logging').suppressed?.reason).toBe('Nothing in it is read by people');
    expect(finding(result, 'NoReason', 's3-bucket-access-logging').suppressed).toBeUndefined();
  });

  it('reports a suppression with no reason, a short reason, an unknown check or a bad date, with file and line, and does not apply it', async () => {
    const { result, stderr } = await scan(templatePath);
    for (const resource of ['NoReason', 'ShortReason', 'BadDate']) expect(finding(result, resource, 's3-bucket-versioning').suppressed).toBeUndefined();
    expect(finding(result, 'UnknownCheck', 's3-bucket-versioning').suppressed).toBeUndefined();
    const problems = result.coverage.problems.filter((problem) => problem.file === templatePath);
    const about = (resource: string): string[] => problems.filter((problem) => problem.message.includes(` on ${resource} `)).map((problem) => `${problem.line}: ${problem.message}`);
    expect(about('NoReason')).toEqual([expect.stringMatching(/^\d+: .*is not applied: it gives no reason; a suppression needs a reason of at least 10 characters$/)]);
    expect(about('ShortReason')).toEqual([expect.stringContaining('its reason "temp" is too short')]);
    expect(about('UnknownCheck')).toEqual([expect.stringContaining('s3-bucket-versionin on UnknownCheck is not applied: no demarc check has that id')]);
    expect(about('BadDate')).toEqual([expect.stringContaining('expires "2026-02-30" is not a date')]);
    expect(problems.every((problem) => !problem.fatal)).toBe(true);
    const noReasonLine = lineOf(TEMPLATE, '- check: s3-bucket-versioning', 'NoReason:');
    expect(stderr).toContain(`demarc: warning: ${templatePath}:${noReasonLine}: the demarc suppression of s3-bucket-versioning on NoReason is not applied: it gives no reason`);
  });

  it('stops applying an expired suppression, with a warning and a note on the finding', async () => {
    const { result, stderr } = await scan(templatePath);
    const expired = finding(result, 'Expired', 's3-bucket-versioning');
    expect(expired.suppressed).toBeUndefined();
    expect(expired.message).toContain('expired on 2026-01-31: Scratch data until the migration ends');
    const line = lineOf(TEMPLATE, '- check: s3-bucket-versioning', 'Expired:');
    expect(stderr).toContain(`${templatePath}:${line}: the demarc suppression of s3-bucket-versioning on Expired expired on 2026-01-31: it no longer applies`);
  });

  it('honours cdk-nag, cfn_nag and Checkov suppressions of rules with a demarc equivalent, and ignores the rest without a word', async () => {
    const { result, stderr } = await scan(templatePath);
    expect(finding(result, 'CdkNag', 's3-bucket-access-logging').suppressed).toEqual({
      reason: 'This bucket is itself the access log target',
      source: { kind: 'cdk-nag', file: templatePath, line: lineOf(TEMPLATE, '- id: AwsSolutions-S1'), rule: 'AwsSolutions-S1' },
    });
    expect(finding(result, 'CfnNag', 's3-bucket-access-logging').suppressed?.source).toEqual({ kind: 'cfn_nag', file: templatePath, line: lineOf(TEMPLATE, '- id: W35'), rule: 'W35' });
    expect(finding(result, 'CheckovSkip', 's3-bucket-versioning').suppressed).toMatchObject({ reason: 'Versions are kept by the backup vault instead', source: { kind: 'checkov', rule: 'CKV_AWS_21' } });
    // The mapped rules suppress their own checks only.
    expect(finding(result, 'CdkNag', 's3-bucket-versioning').suppressed).toBeUndefined();
    expect(finding(result, 'CheckovSkip', 's3-bucket-access-logging').suppressed).toBeUndefined();
    for (const unmapped of ['AwsSolutions-IAM4', 'W51']) expect(stderr).not.toContain(unmapped);
    expect(result.coverage.problems.some((problem) => /CdkNag|CfnNag|CheckovSkip/.test(problem.message))).toBe(false);
  });

  it('writes results that the published schema accepts', async () => {
    const validate = createResultValidator(loadJson(SCHEMA_PATH));
    const checked = validate((await scan(templatePath)).result);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });
});

describe('inline suppressions in Terraform comments', () => {
  it('suppresses from a comment above or inside the block, with file and line', async () => {
    const { result } = await scan(terraformDir);
    const file = join(terraformDir, 'main.tf');
    expect(finding(result, 'aws_s3_bucket.above', 's3-bucket-versioning').suppressed).toEqual({
      reason: 'Scratch data, rebuilt every night from the source',
      source: { kind: 'terraform-comment', file, line: lineOf(TERRAFORM, '# demarc:ignore s3-bucket-versioning Scratch') },
    });
    expect(finding(result, 'aws_s3_bucket.inside', 's3-bucket-versioning').suppressed).toMatchObject({
      reason: 'Rebuilt from upstream every night',
      source: { kind: 'terraform-comment', line: lineOf(TERRAFORM, '// demarc:ignore') },
    });
    // A comment suppresses its own block only.
    expect(finding(result, 'aws_s3_bucket.plain', 's3-bucket-versioning').suppressed).toBeUndefined();
    expect(finding(result, 'aws_s3_bucket.above', 's3-bucket-access-logging').suppressed).toBeUndefined();
  });

  it('reports a comment with no reason or an unknown check and does not apply it', async () => {
    const { result, stderr } = await scan(terraformDir);
    const file = join(terraformDir, 'main.tf');
    expect(finding(result, 'aws_s3_bucket.no_reason', 's3-bucket-versioning').suppressed).toBeUndefined();
    expect(finding(result, 'aws_s3_bucket.unknown', 's3-bucket-versioning').suppressed).toBeUndefined();
    expect(stderr).toContain(`${file}:${lineOf(TERRAFORM, '# demarc:ignore s3-bucket-versioning', 'no_reason')}: the demarc:ignore comment of s3-bucket-versioning on aws_s3_bucket.no_reason is not applied: it gives no reason`);
    expect(stderr).toContain(`${file}:${lineOf(TERRAFORM, 's3-versioning')}: the demarc:ignore comment of s3-versioning on aws_s3_bucket.unknown is not applied: no demarc check has that id`);
  });

  it('honours checkov:skip comments of rules with a demarc equivalent and ignores the others', async () => {
    const { result, stderr } = await scan(terraformDir);
    expect(finding(result, 'aws_s3_bucket.checkov', 's3-bucket-versioning').suppressed).toMatchObject({
      reason: 'Versions are kept by the backup vault instead',
      source: { kind: 'checkov', rule: 'CKV_AWS_21', line: lineOf(TERRAFORM, 'CKV_AWS_21') },
    });
    expect(stderr).not.toContain('CKV_AWS_144');
  });
});

describe('the readers of inline suppressions', () => {
  it('read Metadata entries as written, whatever their shape, and leave other tools\' malformed metadata alone', () => {
    expect(inlineSuppressionsFromMetadata({ demarc: { suppress: 'all' } }, 't.yaml', 4)).toEqual([
      { kind: 'demarc-metadata', rule: '', file: 't.yaml', line: 4, problem: 'Metadata.demarc must be a mapping with a `suppress` list of {check, reason, expires}' },
    ]);
    expect(inlineSuppressionsFromMetadata({ demarc: { suppress: [{ reason: 'no check named here' }] } }, 't.yaml', 4)[0]?.problem).toContain('names no check');
    expect(inlineSuppressionsFromMetadata({ cdk_nag: 'nonsense', cfn_nag: { rules_to_suppress: [7] } }, 't.yaml', 4)).toEqual([]);
    // cdk-nag's granular suppressions (applies_to) cover part of a rule's findings only: not honoured.
    expect(inlineSuppressionsFromMetadata({ cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: 'some of its findings', applies_to: ['x'] }] } }, 't.yaml', 4)).toEqual([]);
    expect(inlineSuppressionsFromMetadata(undefined, 't.yaml', 4)).toEqual([]);
  });

  it('read comments just above a block and inside it, not those of the block before or after', () => {
    const lines = [
      'resource "a" "one" {',
      '  # demarc:ignore check-one belongs to the first block',
      '}',
      '# demarc:ignore check-two belongs to the second block',
      'resource "a" "two" {',
      '  policy = <<EOF',
      '  # demarc:ignore inside-heredoc is text, not a comment',
      '  }',
      'EOF',
      '  #checkov:skip=CKV_AWS_18',
      '}',
      '# demarc:ignore check-three belongs to the third block',
    ];
    expect(terraformCommentSuppressions(lines, 5, 'main.tf')).toEqual([
      { kind: 'terraform-comment', rule: 'check-two', reason: 'belongs to the second block', file: 'main.tf', line: 4 },
      { kind: 'checkov', rule: 'CKV_AWS_18', file: 'main.tf', line: 10 },
    ]);
  });

  it('map other tools\' rules only onto checks demarc has', () => {
    const ids = new Set(allChecks.map((check) => check.id));
    const mapped = Object.values(FOREIGN_EQUIVALENTS).flatMap((table) => Object.values(table).flat());
    expect(mapped.filter((id) => !ids.has(id))).toEqual([]);
  });
});
