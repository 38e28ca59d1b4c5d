import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { formatIssue } from '../../src/config/types.js';

const FIXTURES = join('test', 'config', 'fixtures');
const NOW = new Date('2026-11-22T10:00:00Z');

function load(name: string, now = NOW) {
  return parseConfig(readFileSync(join(FIXTURES, name), 'utf8'), name, { now, baseDir: FIXTURES });
}

function loadText(text: string, now = NOW) {
  return parseConfig(text, 'demarc.config.yaml', { now, baseDir: FIXTURES });
}

describe('reading demarc.config.yaml', () => {
  it('accepts the example from the issue verbatim (with a real duty id)', () => {
    const result = load('issue-example.yaml');
    expect(result.errors).toEqual([]);
    expect(result.config?.suppressions).toHaveLength(1);
    expect(result.config?.suppressions[0]).toMatchObject({
      check: '*',
      resources: [{ kind: 'exact', pattern: 'AdminOpenSG', line: 3 }],
      reason: 'bastion reachable only through the VPN appliance',
      expires: '2027-06-30',
      line: 2,
    });
    expect(result.config?.attestations[0]).toMatchObject({ duty: 'train-staff', by: 'Security team', date: '2026-11-01', expires: '2027-11-01', line: 7 });
    // train-staff sits on the identity-access layer (awareness and training is the customer's there): no warning.
    expect(result.warnings).toEqual([]);
  });

  it('accepts an empty file and a file of comments', () => {
    expect(loadText('').config).toBeDefined();
    expect(loadText('# nothing yet\n').config?.suppressions).toEqual([]);
  });

  it('names the line and the key of unknown keys, with a suggestion', () => {
    const result = load('bad-keys.yaml');
    expect(result.config).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({ file: 'bad-keys.yaml', line: 4, key: 'suppressions[0].resource', message: expect.stringMatching(/unknown key \(did you mean resources\?\)/) }),
      expect.objectContaining({ line: 6, key: 'attestation', message: expect.stringMatching(/did you mean attestations\?/) }),
    ]);
    expect(formatIssue(result.errors[0]!, 'error')).toMatch(/^error: bad-keys\.yaml:4: suppressions\[0\]\.resource: unknown key/);
  });

  it('rejects dates that are not real calendar days, naming line and key', () => {
    const result = load('bad-dates.yaml');
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 5, key: 'suppressions[0].expires', message: '"2027-02-30" is not a valid date: write YYYY-MM-DD (a real calendar day)' }),
      expect.objectContaining({ line: 9, key: 'attestations[0].date', message: expect.stringContaining('"01/11/2026" is not a valid date') }),
    ]);
  });

  it('rejects a reason shorter than 10 characters', () => {
    const result = load('short-reason.yaml');
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 4, key: 'suppressions[0].reason', message: expect.stringMatching(/too short \(8 characters\): give at least 10 characters/) }),
    ]);
  });

  it('rejects an unknown duty (suggesting close ids), a provider duty and an unknown service', () => {
    const result = load('bad-ids.yaml');
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 2, key: 'attestations[0].duty', message: expect.stringContaining('did you mean train-staff') }),
      expect.objectContaining({ line: 7, key: 'attestations[1].duty', message: expect.stringContaining("is AWS's duty") }),
      expect.objectContaining({ line: 13, key: 'services.disable[0]', message: expect.stringContaining('did you mean s3') }),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const result = loadText('suppressions:\n  - check: s3-bucket-versioning\n    reason: "unterminated\n');
    expect(result.config).toBeUndefined();
    expect(result.errors[0]?.message).toMatch(/not valid YAML/);
    expect(result.errors[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects duplicate keys, wrong types and a missing reason', () => {
    const result = loadText(
      ['suppressions:', '  - check: s3-bucket-versioning', '    resources: LogsBucket', 'scope:', '  accounts: [123456789012]', 'severity:', '  - check: s3-bucket-versioning', '    severity: urgent', ''].join('\n'),
    );
    expect(result.errors.map((issue) => `${issue.line} ${issue.key}`)).toEqual([
      '2 suppressions[0].reason',
      '3 suppressions[0].resources',
      '5 scope.accounts[0]',
      '7 severity[0].reason',
      '8 severity[0].severity',
    ]);
    expect(result.errors[2]?.message).toMatch(/a 12-digit account id in quotes/);
    expect(loadText('checks:\n  enable: [a]\nchecks:\n  disable: [b]\n').errors[0]?.message).toMatch(/unique/);
  });

  it('explains a resource entry that is neither an id nor {glob: ...}', () => {
    const result = loadText('suppressions:\n  - check: s3-bucket-versioning\n    reason: logs never change\n    resources:\n      - {pattern: "logs-*"}\n');
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 5, key: 'suppressions[0].resources[0]', message: 'must be a resource id, ARN or name, or {glob: PATTERN}, not a map' }),
    ]);
  });

  it('refuses a glob over every check with no resources or tags', () => {
    const result = loadText('suppressions:\n  - check: "s3-*"\n    reason: we accept every S3 finding\n');
    expect(result.errors[0]).toMatchObject({ line: 2, key: 'suppressions[0]', message: expect.stringContaining('name resources or tags') });
  });

  it('warns about an id that looks like a glob, a check that does not exist, and expired entries', () => {
    const text = [
      'suppressions:',
      '  - check: s3-bucket-versoning',
      '    resources: ["logs-*"]',
      '    reason: logs are written once',
      '    expires: 2026-01-31',
      'attestations:',
      '  - duty: incident-response-plan',
      '    by: Security team',
      '    date: 2025-01-01',
      '    evidence: missing-plan.pdf',
      '    expires: 2025-12-31',
      '',
    ].join('\n');
    const result = loadText(text);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((issue) => `${issue.line} ${issue.key}: ${issue.message}`)).toEqual([
      expect.stringMatching(/^2 suppressions\[0\]\.check: "s3-bucket-versoning" matches no check demarc knows \(did you mean s3-bucket-versioning/),
      '3 suppressions[0].resources[0]: "logs-*" is compared literally; write {glob: "logs-*"} to match by pattern',
      '5 suppressions[0].expires: expired on 2026-01-31: it no longer applies and its findings count again',
      '10 attestations[0].evidence: no file missing-plan.pdf (relative to the configuration file)',
      '11 attestations[0].expires: expired on 2025-12-31: the duty shows as not-assessed until it is attested again',
    ]);
  });

  it('holds an expiry for the whole of its last day', () => {
    const text = 'suppressions:\n  - check: s3-bucket-versioning\n    resources: [LogsBucket]\n    reason: logs are written once\n    expires: 2026-11-22\n';
    expect(loadText(text, new Date('2026-11-22T23:59:59Z')).warnings).toEqual([]);
    expect(loadText(text, new Date('2026-11-23T00:00:00Z')).warnings[0]?.message).toMatch(/expired on 2026-11-22/);
  });

  it('rejects an attestation that expires before its date and evidence that is not a web link', () => {
    const result = loadText('attestations:\n  - duty: test-recovery\n    by: Ops\n    date: 2026-11-01\n    evidence: ftp://files.example/restore.log\n    expires: 2026-10-01\n');
    expect(result.errors.map((issue) => issue.key)).toEqual(['attestations[0].evidence', 'attestations[0].expires']);
  });
});
