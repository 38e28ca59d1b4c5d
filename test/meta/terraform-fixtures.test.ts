import { openSync, readSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { terraformSource } from '../../src/inventory/sources/terraform/index.js';
import { listFixtures, type CheckFixture } from '../support/fixtures.js';

/**
 * Checks whose evidence only a live account gives: no Terraform resource describes it, so they have no Terraform
 * fixture. Keep this list exact: a check that gains a Terraform fixture comes off it (the last test says so).
 */
const LIVE_ONLY: Readonly<Record<string, string>> = {
  // Snapshots and images are made by backups, lifecycle policies and people, and shared afterwards; demarc reads
  // them from the account (Demarc::EC2::Snapshot, Demarc::EC2::Image), not from templates.
  'ebs-snapshot-encrypted': 'EBS snapshots in the account (Demarc::EC2::Snapshot)',
  'ebs-snapshot-not-public': 'EBS snapshot permissions in the account (Demarc::EC2::Snapshot)',
  'ec2-ami-not-public': 'AMI launch permissions in the account (Demarc::EC2::Image)',
  // The root user and the credential report: no infrastructure-as-code tool manages either.
  'iam-root-hardware-mfa': 'the root user\'s MFA device kind (Demarc::IAM::RootAccount)',
  'iam-root-mfa-enabled': 'the root user\'s MFA, from the account summary (Demarc::IAM::RootAccount)',
  'iam-root-no-access-keys': 'the root user\'s access keys, from the account summary (Demarc::IAM::RootAccount)',
  'iam-root-not-used-recently': 'the root user\'s last use, from the credential report (Demarc::IAM::RootAccount)',
  // Judged on the account as a whole: whether any role in it holds AWSSupportAccess.
  'iam-support-role-exists': 'the roles of the whole account (Demarc::IAM::RootAccount)',
  // The expiry date comes from the certificate IAM holds, read from the account.
  'iam-server-certificate-not-expired': 'server certificate expiry, read from IAM (Demarc::IAM::ServerCertificate)',
};

function head(path: string): string {
  const handle = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const bytes = readSync(handle, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytes).toString('utf8');
  } finally {
    closeSync(handle);
  }
}

/** A fixture the Terraform source reads (a .tf file, a plan, a state), decided by the source itself. */
const isTerraform = (fixture: CheckFixture): boolean => !fixture.name.endsWith('.inventory.json') && terraformSource.claims(fixture.path, head(fixture.path));

describe('Terraform fixtures', () => {
  const checkIds = new Set(allChecks.map((check) => check.id));

  describe.each(allChecks.filter((check) => !(check.id in LIVE_ONLY)).map((check) => [check.id, check] as const))('%s', (_id, check) => {
    it('has a Terraform fixture with an expected status that its other fixtures also have', () => {
      const fixtures = listFixtures(check);
      const terraform = fixtures.filter(isTerraform);
      expect(terraform.map((fixture) => fixture.name), `no Terraform fixture in src/checks/${check.service}/fixtures/${check.id}/`).not.toHaveLength(0);
      const others = new Set(fixtures.filter((fixture) => !isTerraform(fixture)).map((fixture) => fixture.expected));
      expect(
        terraform.some((fixture) => others.has(fixture.expected)),
        `the Terraform fixtures (${terraform.map((fixture) => fixture.name).join(', ')}) share no expected status with the others`,
      ).toBe(true);
    });
  });

  it('allows only checks that exist and still have no Terraform fixture', () => {
    const stale = Object.keys(LIVE_ONLY).filter((id) => !checkIds.has(id));
    expect(stale, 'allowlisted ids that are not checks').toEqual([]);
    const covered = allChecks.filter((check) => check.id in LIVE_ONLY && listFixtures(check).some(isTerraform)).map((check) => check.id);
    expect(covered, 'these checks have Terraform fixtures now: take them off LIVE_ONLY').toEqual([]);
  });
});
