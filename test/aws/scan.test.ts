import { describe, expect, it } from 'vitest';
import * as stsSdk from '@aws-sdk/client-sts';
import * as ec2Sdk from '@aws-sdk/client-ec2';
import * as gdSdk from '@aws-sdk/client-guardduty';
import * as orgSdk from '@aws-sdk/client-organizations';
import { scanAws } from '../../src/inventory/sources/aws/scan.js';
import { AwsCredentialsError } from '../../src/inventory/sources/aws/errors.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import { defineCheck, pass } from '../../src/checks/define-check.js';
import { awsError, useClientMocks } from './support/harness.js';

const mock = useClientMocks();

/** Credentials whose key id names the account they belong to, so the STS mock can answer per account. */
const credentialsOf = (account: string) => async () => ({ accessKeyId: `AKID${account}`, secretAccessKey: 'test' });

async function regionOf(client: unknown): Promise<string> {
  return (client as { config: { region: () => Promise<string> } }).config.region();
}

async function accountOf(client: unknown): Promise<string> {
  const config = (client as { config: { credentials: () => Promise<{ accessKeyId: string }> } }).config;
  return (await config.credentials()).accessKeyId.slice(4);
}

function mockSts(): void {
  const sts = mock(stsSdk.STSClient);
  sts.on(stsSdk.GetCallerIdentityCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
    const account = await accountOf(getClient());
    return { Account: account, Arn: `arn:aws:sts::${account}:assumed-role/Audit/demarc-scan`, UserId: 'AROA:demarc' };
  });
}

const base = { credentials: credentialsOf('111111111111'), env: {}, settings: { maxAttempts: 1, callTimeoutMs: 2_000, requestTimeoutMs: 2_000 } };

describe('scanAws', () => {
  it('collects every region and every account, merged into one inventory with per-account reports', async () => {
    mockSts();
    const gd = mock(gdSdk.GuardDutyClient);
    gd.on(gdSdk.ListDetectorsCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      const region = await regionOf(getClient());
      return { DetectorIds: region === 'eu-west-1' ? ['det-eu'] : [] };
    });
    gd.on(gdSdk.GetDetectorCommand).resolves({ Status: 'ENABLED', ServiceRole: 'x' });
    const events: string[] = [];
    const outcome = await scanAws({
      ...base,
      resourceTypes: ['Demarc::GuardDuty::RegionStatus'],
      regions: ['us-east-1', 'eu-west-1'],
      roleArns: ['arn:aws:iam::222222222222:role/Audit', 'arn:aws:iam::333333333333:role/Audit'],
      assumeRole: (roleArn) => credentialsOf(roleArn.split(':')[4] ?? ''),
      onEvent: (event) => events.push(event.kind),
    });
    const statuses = outcome.inventory.resources.filter((resource) => resource.type === 'Demarc::GuardDuty::RegionStatus');
    expect(statuses.map((status) => `${status.account}/${status.region}:${String(status.properties['Enabled'])}`).sort()).toEqual([
      '222222222222/eu-west-1:true', '222222222222/us-east-1:false', '333333333333/eu-west-1:true', '333333333333/us-east-1:false',
    ]);
    expect(outcome.accounts.map((account) => account.account).sort()).toEqual(['222222222222', '333333333333']);
    expect(outcome.inventory.sources.map((source) => source.file).sort()).toEqual(['aws://222222222222', 'aws://333333333333']);
    expect(outcome.inventory.gaps).toEqual([]);
    expect(events).toContain('identity');
  });

  it('scans every active account of the organization with --org-role, the caller\'s own with its own credentials', async () => {
    mockSts();
    const org = mock(orgSdk.OrganizationsClient);
    org.on(orgSdk.ListAccountsCommand, { NextToken: undefined }).resolves({ Accounts: [{ Id: '111111111111', Status: 'ACTIVE', Arn: 'arn:aws:organizations::111111111111:account/o-1/111111111111' }], NextToken: 'more' });
    org.on(orgSdk.ListAccountsCommand, { NextToken: 'more' }).resolves({ Accounts: [{ Id: '444444444444', Status: 'ACTIVE' }, { Id: '555555555555', Status: 'SUSPENDED' }] });
    const gd = mock(gdSdk.GuardDutyClient);
    gd.on(gdSdk.ListDetectorsCommand).resolves({ DetectorIds: [] });
    const assumed: string[] = [];
    const outcome = await scanAws({ ...base, resourceTypes: ['Demarc::GuardDuty::RegionStatus'], regions: ['us-east-1'], orgRole: 'OrganizationAccountAccessRole', assumeRole: (roleArn) => (assumed.push(roleArn), credentialsOf(roleArn.split(':')[4] ?? '')) });
    expect(assumed).toEqual(['arn:aws:iam::444444444444:role/OrganizationAccountAccessRole']);
    expect(outcome.accounts.map((account) => account.account).sort()).toEqual(['111111111111', '444444444444']);
  });

  it('turns a role that cannot be assumed into a gap for that account; the others are scanned', async () => {
    const sts = mock(stsSdk.STSClient);
    sts.on(stsSdk.GetCallerIdentityCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      const account = await accountOf(getClient());
      if (account === '999999999999') throw awsError('AccessDenied', 'User is not authorized to perform: sts:AssumeRole', 403);
      return { Account: account, Arn: `arn:aws:iam::${account}:user/a` };
    });
    mock(gdSdk.GuardDutyClient).on(gdSdk.ListDetectorsCommand).resolves({ DetectorIds: [] });
    const outcome = await scanAws({ ...base, resourceTypes: ['Demarc::GuardDuty::RegionStatus'], regions: ['us-east-1'], roleArns: ['arn:aws:iam::999999999999:role/Audit', 'arn:aws:iam::222222222222:role/Audit'], assumeRole: (roleArn) => credentialsOf(roleArn.split(':')[4] ?? '') });
    expect(outcome.inventory.gaps).toEqual([expect.objectContaining({ account: '999999999999', resourceTypes: ['Demarc::GuardDuty::RegionStatus'], reason: expect.stringContaining('cannot assume arn:aws:iam::999999999999:role/Audit') })]);
    expect(outcome.inventory.resources.map((resource) => resource.account)).toEqual(['222222222222']);
  });

  it.each([
    ['OptInRequired', 'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.', 'the region is not enabled for this account (OptInRequired)'],
    ['UnrecognizedClientException', 'The security token included in the request is invalid.', 'the region is not enabled for this account (UnrecognizedClientException)'],
    ['ThrottlingException', 'Rate exceeded', 'throttled by AWS beyond the retries (ThrottlingException)'],
    ['AccessDeniedException', 'User is not authorized to perform: guardduty:ListDetectors', 'access denied (AccessDeniedException)'],
    ['TimeoutError', 'Connection timed out after 2000 ms', 'timed out (TimeoutError)'],
  ])('turns %s in one region into a gap there, and the checks that needed it into unknown', async (code, message, reason) => {
    mockSts();
    mock(gdSdk.GuardDutyClient).on(gdSdk.ListDetectorsCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      if ((await regionOf(getClient())) === 'ap-east-1') throw awsError(code, message, code === 'ThrottlingException' ? 400 : 403);
      return { DetectorIds: [] };
    });
    const outcome = await scanAws({ ...base, resourceTypes: ['Demarc::GuardDuty::RegionStatus'], regions: ['us-east-1', 'ap-east-1'] });
    expect(outcome.inventory.gaps).toEqual([expect.objectContaining({ resourceTypes: ['Demarc::GuardDuty::RegionStatus'], reason, account: '111111111111', region: 'ap-east-1', service: 'guardduty', call: 'guardduty:ListDetectors', operation: 'ListDetectors' })]);
    const check = defineCheck({
      id: 'guardduty-test', title: 't', service: 'guardduty', resourceTypes: ['Demarc::GuardDuty::RegionStatus'], layer: 'logging-monitoring', control: 'x', duty: 'y', severity: 'high', rationale: 'r',
      remediation: { console: 'c', cloudformation: 'c', terraform: 't' }, evaluate: () => pass('on'),
    });
    const result = evaluateInventory(outcome.inventory, { checks: [check], now: new Date('2025-01-01T00:00:00Z') });
    expect(result.findings.map((finding) => `${finding.resource.region}:${finding.status}`).sort()).toEqual(['ap-east-1:unknown', 'us-east-1:pass']);
    expect(result.coverage.gaps).toHaveLength(1);
  });

  it('stops the other collectors in a region found disabled, with the same reason', async () => {
    mockSts();
    mock(gdSdk.GuardDutyClient).on(gdSdk.ListDetectorsCommand).rejects(awsError('OptInRequired', 'not subscribed', 403));
    const ec2 = mock(ec2Sdk.EC2Client);
    ec2.on(ec2Sdk.DescribeVolumesCommand).resolves({ Volumes: [] });
    const outcome = await scanAws({ ...base, resourceTypes: ['Demarc::GuardDuty::RegionStatus', 'AWS::EC2::Volume'], regions: ['me-south-1'], collectorConcurrency: 1 });
    expect(outcome.inventory.gaps.map((gap) => gap.reason)).toEqual(expect.arrayContaining(['the region is not enabled for this account (OptInRequired)']));
  });

  it('lists the enabled regions only with --all-regions', async () => {
    mockSts();
    mock(ec2Sdk.EC2Client).on(ec2Sdk.DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }, { RegionName: 'af-south-1', OptInStatus: 'opted-in' }, { RegionName: 'me-south-1', OptInStatus: 'not-opted-in' }] });
    mock(gdSdk.GuardDutyClient).on(gdSdk.ListDetectorsCommand).resolves({ DetectorIds: [] });
    const outcome = await scanAws({ ...base, resourceTypes: ['Demarc::GuardDuty::RegionStatus'], allRegions: true, regions: [] });
    expect(outcome.accounts[0]?.regions).toEqual(['af-south-1', 'us-east-1']);
  });

  it('fails with one clear message when the credentials are missing or expired', async () => {
    mock(stsSdk.STSClient).on(stsSdk.GetCallerIdentityCommand).rejects(awsError('ExpiredToken', 'The security token included in the request is expired', 403));
    await expect(scanAws({ ...base, profile: 'prod-audit', resourceTypes: ['Demarc::GuardDuty::RegionStatus'], regions: ['us-east-1'] })).rejects.toThrow(AwsCredentialsError);
    await expect(scanAws({ ...base, profile: 'prod-audit', resourceTypes: ['Demarc::GuardDuty::RegionStatus'], regions: ['us-east-1'] })).rejects.toThrow(/aws sso login --profile prod-audit/);
  });

  it('says when no credentials were found at all, rather than calling them expired', async () => {
    mock(stsSdk.STSClient).on(stsSdk.GetCallerIdentityCommand).rejects(awsError('CredentialsProviderError', 'Could not load credentials from any providers', 400));
    await expect(scanAws({ ...base, resourceTypes: ['Demarc::GuardDuty::RegionStatus'], regions: ['us-east-1'] })).rejects.toThrow(
      /^no usable AWS credentials from the default credential chain .*: none were found: Could not load credentials from any providers\. To fix: set AWS_PROFILE/,
    );
  });
});
