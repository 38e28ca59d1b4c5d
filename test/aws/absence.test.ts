import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as ct from '@aws-sdk/client-cloudtrail';
import * as cfg from '@aws-sdk/client-config-service';
import * as gd from '@aws-sdk/client-guardduty';
import * as sh from '@aws-sdk/client-securityhub';
import * as aa from '@aws-sdk/client-accessanalyzer';
import * as mc from '@aws-sdk/client-macie2';
import * as ec2Sdk from '@aws-sdk/client-ec2';
import { allChecks } from '../../src/checks/index.js';
import type { Check } from '../../src/checks/types.js';
import type { Finding, ScanResult } from '../../src/engine/result.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import { loadPaths } from '../../src/inventory/load-paths.js';
import type { Inventory } from '../../src/inventory/resource.js';
import type { Collector } from '../../src/inventory/sources/aws/collector.js';
import { ACCOUNT, awsError, collectorFor, runCollector, useClientMocks } from './support/harness.js';

// Account- and region-level duties ("a trail records this region", "GuardDuty is on") must fail where nothing exists,
// naming the account and region, instead of leaving their checks nothing to judge; a template scan reports them as
// needing live data.

const mock = useClientMocks();
const REGION = 'eu-west-3';
const NOW = new Date('2026-11-01T00:00:00Z');
const STATUS = 'Demarc::CloudTrail::RegionStatus';

const trailChecks = allChecks.filter((check) => check.service === 'cloudtrail' || check.service === 'cloudwatch');
const existenceChecks = trailChecks.filter((check) => check.resourceTypes.includes(STATUS));
const perTrailChecks = trailChecks.filter((check) => check.resourceTypes.includes('AWS::CloudTrail::Trail') && !check.resourceTypes.includes(STATUS));
const alarmChecks = trailChecks.filter((check) => check.id.startsWith('cloudwatch-alarm-'));

/** Collects with the given collectors, in one region, and evaluates the checks on the result as a live scan would. */
async function scanLive(collectors: readonly Collector[], checks: readonly Check[], region = REGION): Promise<{ result: ScanResult; inventory: Inventory }> {
  const inventory: Inventory = { resources: [], gaps: [], problems: [], sources: [] };
  for (const collector of collectors) {
    const run = await runCollector(collector, { region });
    expect(run.violations).toEqual([]);
    inventory.resources.push(...run.resources);
    inventory.gaps.push(...run.gaps);
  }
  inventory.sources.push({ file: `aws://${ACCOUNT}`, kind: 'aws', resources: inventory.resources.length });
  return { result: evaluateInventory(inventory, { checks, now: NOW, strictReads: true }), inventory };
}

const byCheck = (findings: readonly Finding[], checkId: string): Finding[] => findings.filter((finding) => finding.checkId === checkId);
const trailArn = (name: string, home: string, account = ACCOUNT): string => `arn:aws:cloudtrail:${home}:${account}:trail/${name}`;

describe('CloudTrail and CloudWatch duties in a region without any trail', () => {
  it('the collector still describes the region, with no trail in it', async () => {
    const client = mock(ct.CloudTrailClient);
    client.on(ct.DescribeTrailsCommand).resolves({ trailList: [] });
    const run = await runCollector(collectorFor('cloudtrail'), { region: REGION });
    expect(run.violations).toEqual([]);
    expect(run.gaps).toEqual([]);
    expect(run.byType('AWS::CloudTrail::Trail')).toEqual([]);
    expect(run.byType(STATUS)).toEqual([
      expect.objectContaining({ id: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:region-status`, account: ACCOUNT, region: REGION, properties: { Trails: [] } }),
    ]);
    // Shadow trails are asked for: a multi-region trail homed elsewhere records this region too.
    expect(client.commandCalls(ct.DescribeTrailsCommand)[0]?.args[0].input).toEqual({ includeShadowTrails: true });
  });

  it('every existence duty fails on the region status, naming the account and region; per-trail properties have nothing to judge', async () => {
    mock(ct.CloudTrailClient).on(ct.DescribeTrailsCommand).resolves({ trailList: [] });
    const { result } = await scanLive([collectorFor('cloudtrail')], trailChecks);
    expect(existenceChecks.map((check) => check.id).sort()).toEqual(
      ['cloudtrail-cloudwatch-logs-integration', 'cloudtrail-logging-enabled', 'cloudtrail-multi-region', ...alarmChecks.map((check) => check.id)].sort(),
    );
    expect(alarmChecks).toHaveLength(15);
    for (const check of existenceChecks) {
      const findings = byCheck(result.findings, check.id);
      expect(findings.map((finding) => finding.status), check.id).toEqual(['fail']);
      expect(findings[0]?.resource).toMatchObject({ type: STATUS, account: ACCOUNT, region: REGION, service: 'cloudtrail' });
      expect(findings[0]?.message, check.id).toContain(`${ACCOUNT}/${REGION}`);
      expect(findings[0]?.owner, check.id).toBe('customer');
    }
    expect(byCheck(result.findings, 'cloudtrail-multi-region')[0]?.message).toBe(`no trail logs ${ACCOUNT}/${REGION}: API activity there is not recorded`);
    expect(byCheck(result.findings, 'cloudwatch-alarm-root-usage')[0]?.message).toMatch(/^no multi-region trail records 111122223333\/eu-west-3, so no metric filter can watch for use of the root user/);
    for (const check of perTrailChecks) expect(byCheck(result.findings, check.id), check.id).toEqual([]);
    expect(result.summary.byStatus.fail).toBe(18);
    expect(Object.values(result.summary.customerFailures).reduce((sum, count) => sum + count, 0)).toBe(18);
  });

  it('a multi-region trail homed in another region, and an organization trail, record the region', async () => {
    const home = trailArn('audit', 'us-east-1');
    const org = trailArn('org-audit', 'us-east-1', '999988887777');
    const client = mock(ct.CloudTrailClient);
    client.on(ct.DescribeTrailsCommand).resolves({
      trailList: [
        { Name: 'audit', TrailARN: home, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: false, CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:audit:*', CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/audit-logs' },
        { Name: 'org-audit', TrailARN: org, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true },
      ],
    });
    client.on(ct.GetTrailStatusCommand, { Name: home }).resolves({ IsLogging: false });
    client.on(ct.GetTrailStatusCommand, { Name: org }).resolves({ IsLogging: true });
    const run = await runCollector(collectorFor('cloudtrail'), { region: REGION });
    expect(run.violations).toEqual([]);
    // Each trail resource belongs to its home region and account: a shadow is not a second trail.
    expect(run.byType('AWS::CloudTrail::Trail')).toEqual([]);
    expect(client.commandCalls(ct.GetEventSelectorsCommand)).toHaveLength(0);
    expect(run.byType(STATUS)[0]?.properties['Trails']).toEqual([
      { TrailARN: home, Name: 'audit', HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: false, IsLogging: false, CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:audit:*', CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/audit-logs' },
      { TrailARN: org, Name: 'org-audit', HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true, IsLogging: true },
    ]);

    client.reset();
    client.on(ct.DescribeTrailsCommand).resolves({ trailList: [{ Name: 'audit', TrailARN: home, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:audit:*', CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/audit-logs' }] });
    client.on(ct.GetTrailStatusCommand).resolves({ IsLogging: true });
    const { result } = await scanLive([collectorFor('cloudtrail')], trailChecks);
    const statusOf = (checkId: string): string[] => byCheck(result.findings, checkId).map((finding) => finding.status);
    expect(statusOf('cloudtrail-multi-region')).toEqual(['pass']);
    expect(statusOf('cloudtrail-logging-enabled')).toEqual(['pass']);
    expect(statusOf('cloudtrail-cloudwatch-logs-integration')).toEqual(['pass']);
    expect(byCheck(result.findings, 'cloudtrail-multi-region')[0]?.message).toBe(`trail audit (multi-region, home us-east-1) records ${ACCOUNT}/${REGION}`);
    // The trail's log group, filters and alarms are in its home region, which this scan did not read.
    for (const check of alarmChecks) expect(statusOf(check.id), check.id).toEqual(['unknown']);
  });

  it('a stopped trail and single-region trails elsewhere do not count', async () => {
    const client = mock(ct.CloudTrailClient);
    client.on(ct.DescribeTrailsCommand).resolves({ trailList: [{ Name: 'local', TrailARN: trailArn('local', REGION), HomeRegion: REGION, IsMultiRegionTrail: false }] });
    client.on(ct.GetTrailStatusCommand).resolves({ IsLogging: false });
    client.on(ct.GetEventSelectorsCommand).resolves({ EventSelectors: [] });
    const { result } = await scanLive([collectorFor('cloudtrail')], trailChecks);
    const onStatus = (checkId: string): Finding | undefined => byCheck(result.findings, checkId).find((finding) => finding.resource.type === STATUS);
    expect(onStatus('cloudtrail-multi-region')).toMatchObject({ status: 'fail', message: `no multi-region trail records ${ACCOUNT}/${REGION}; only local, which record one region each` });
    expect(onStatus('cloudtrail-logging-enabled')).toMatchObject({ status: 'fail', message: expect.stringContaining(`every trail that records ${ACCOUNT}/${REGION} is stopped (local)`) });
    expect(onStatus('cloudwatch-alarm-root-usage')).toMatchObject({ status: 'fail' });
    // The trail itself is still judged on its own properties.
    expect(byCheck(result.findings, 'cloudtrail-log-file-validation').map((finding) => finding.resource.type)).toEqual(['AWS::CloudTrail::Trail']);
  });

  it('a multi-region trail homed in the scanned region is judged once, on the trail, for the CIS alarms', async () => {
    const arn = trailArn('audit', REGION);
    const client = mock(ct.CloudTrailClient);
    client.on(ct.DescribeTrailsCommand).resolves({ trailList: [{ Name: 'audit', TrailARN: arn, HomeRegion: REGION, IsMultiRegionTrail: true }] });
    client.on(ct.GetTrailStatusCommand).resolves({ IsLogging: true });
    client.on(ct.GetEventSelectorsCommand).resolves({ EventSelectors: [] });
    const { result } = await scanLive([collectorFor('cloudtrail')], alarmChecks);
    for (const check of alarmChecks) {
      const findings = byCheck(result.findings, check.id);
      expect(findings.find((finding) => finding.resource.type === STATUS), check.id).toMatchObject({ status: 'not-applicable', message: `judged on trail audit (multi-region), which records ${ACCOUNT}/${REGION}` });
      expect(findings.find((finding) => finding.resource.type === 'AWS::CloudTrail::Trail'), check.id).toMatchObject({ status: 'fail', message: expect.stringContaining('does not deliver to CloudWatch Logs') });
    }
  });

  it('trails that cannot be listed are a gap: unknown, never a pass and never silence', async () => {
    mock(ct.CloudTrailClient).on(ct.DescribeTrailsCommand).rejects(awsError('AccessDeniedException', 'User is not authorized to perform: cloudtrail:DescribeTrails', 403));
    const { result, inventory } = await scanLive([collectorFor('cloudtrail')], existenceChecks);
    expect(inventory.resources).toEqual([]);
    expect(inventory.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::CloudTrail::Trail', STATUS], region: REGION, call: 'cloudtrail:DescribeTrails' })]);
    for (const check of existenceChecks) expect(byCheck(result.findings, check.id).map((finding) => finding.status), check.id).toEqual(['unknown']);
  });

  it('a template without a trail reports the existence duties as needing live data, with no failures', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'demarc-absence-'));
    try {
      const template = join(folder, 'bucket.yaml');
      writeFileSync(template, 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n');
      const result = evaluateInventory(await loadPaths([template]), { checks: trailChecks, now: NOW });
      expect(result.findings).toEqual([]);
      for (const check of existenceChecks) {
        const coverage = result.coverage.checks.find((entry) => entry.checkId === check.id);
        expect(coverage, check.id).toEqual({
          checkId: check.id,
          evaluated: 0,
          reason: "no AWS::CloudTrail::Trail in the scanned input, and a template cannot show the account's AWS CloudTrail status in each region: that needs account-level data that only a live scan (--aws) can read",
        });
      }
      for (const check of perTrailChecks) {
        expect(result.coverage.checks.find((entry) => entry.checkId === check.id)?.reason, check.id).toBe('no AWS::CloudTrail::Trail in the scanned input');
      }
      const guardduty = allChecks.filter((check) => check.id === 'guardduty-enabled');
      expect(evaluateInventory(await loadPaths([template]), { checks: guardduty, now: NOW }).coverage.checks[0]?.reason).toBe(
        "no AWS::GuardDuty::Detector in the scanned input, and a template cannot show the account's Amazon GuardDuty status in each region: that needs account-level data that only a live scan (--aws) can read",
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('detection services never enabled in a region', () => {
  const serviceChecks = allChecks.filter((check) => ['guardduty-enabled', 'config-recording-all-regions', 'securityhub-enabled', 'macie-enabled', 'accessanalyzer-enabled'].includes(check.id));

  it('each collector describes the region, and each check fails there, naming the account and region', async () => {
    mock(gd.GuardDutyClient).on(gd.ListDetectorsCommand).resolves({ DetectorIds: [] });
    const config = mock(cfg.ConfigServiceClient);
    config.on(cfg.DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
    config.on(cfg.DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
    mock(sh.SecurityHubClient).on(sh.DescribeHubCommand).rejects(awsError('InvalidAccessException', `Account ${ACCOUNT} is not subscribed to AWS Security Hub`, 401));
    mock(mc.Macie2Client).on(mc.GetMacieSessionCommand).rejects(awsError('AccessDeniedException', 'Macie is not enabled.', 403));
    mock(aa.AccessAnalyzerClient).on(aa.ListAnalyzersCommand).resolves({ analyzers: [] });
    const collectors = ['guardduty', 'config', 'securityhub', 'macie', 'accessanalyzer'].map(collectorFor);
    const { result, inventory } = await scanLive(collectors, serviceChecks);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources.map((resource) => resource.type).sort()).toEqual([
      'Demarc::AccessAnalyzer::RegionStatus', 'Demarc::Config::RegionStatus', 'Demarc::GuardDuty::RegionStatus', 'Demarc::Macie::RegionStatus', 'Demarc::SecurityHub::RegionStatus',
    ]);
    expect(result.findings.map((finding) => `${finding.checkId}: ${finding.status}: ${finding.message}`).sort()).toEqual([
      `accessanalyzer-enabled: fail: no access analyzer is active in ${ACCOUNT}/${REGION}`,
      `config-recording-all-regions: fail: AWS Config has no configuration recorder in ${ACCOUNT}/${REGION}`,
      `guardduty-enabled: fail: GuardDuty is not enabled in ${ACCOUNT}/${REGION}`,
      `macie-enabled: fail: Macie is not enabled in ${ACCOUNT}/${REGION}`,
      `securityhub-enabled: fail: Security Hub is not enabled in ${ACCOUNT}/${REGION}`,
    ]);
  });

  it('live resources of an enabled service are described as live, not as a template', async () => {
    const hub = mock(sh.SecurityHubClient);
    hub.on(sh.DescribeHubCommand).resolves({ HubArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:hub/default` });
    hub.on(sh.GetEnabledStandardsCommand).resolves({ StandardsSubscriptions: [] });
    mock(mc.Macie2Client).on(mc.GetMacieSessionCommand).resolves({ status: 'PAUSED' });
    mock(aa.AccessAnalyzerClient).on(aa.ListAnalyzersCommand).resolves({ analyzers: [{ arn: `arn:aws:access-analyzer:${REGION}:${ACCOUNT}:analyzer/main`, name: 'main', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date() }] });
    const collectors = ['securityhub', 'macie', 'accessanalyzer'].map(collectorFor);
    const { result } = await scanLive(collectors, serviceChecks);
    const messages = result.findings.map((finding) => `${finding.checkId}: ${finding.resource.type}: ${finding.status}: ${finding.message}`).sort();
    expect(messages).toEqual([
      `accessanalyzer-enabled: AWS::AccessAnalyzer::Analyzer: pass: the account analyzer main looks for external access in ${ACCOUNT}/${REGION}`,
      `accessanalyzer-enabled: Demarc::AccessAnalyzer::RegionStatus: pass: an access analyzer is active in ${ACCOUNT}/${REGION}`,
      `macie-enabled: AWS::Macie::Session: fail: the Macie session in ${ACCOUNT}/${REGION} is PAUSED`,
      `macie-enabled: Demarc::Macie::RegionStatus: fail: Macie is paused in ${ACCOUNT}/${REGION}, not enabled`,
      `securityhub-enabled: AWS::SecurityHub::Hub: pass: Security Hub is enabled in ${ACCOUNT}/${REGION}`,
      `securityhub-enabled: Demarc::SecurityHub::RegionStatus: pass: Security Hub is enabled in ${ACCOUNT}/${REGION}`,
    ]);
    expect(messages.join('\n')).not.toContain('template');
  });
});

describe('VPC flow logs on a live account', () => {
  it('judges every VPC, the default VPC included, and finds a flow log by VPC id even when the VPC has a Name tag', async () => {
    const ec2 = mock(ec2Sdk.EC2Client);
    ec2.on(ec2Sdk.DescribeVpcsCommand).resolves({
      Vpcs: [
        { VpcId: 'vpc-0default', CidrBlock: '172.31.0.0/16', IsDefault: true },
        { VpcId: 'vpc-0app', CidrBlock: '10.0.0.0/16', IsDefault: false, Tags: [{ Key: 'Name', Value: 'app' }] },
      ],
    });
    ec2.on(ec2Sdk.DescribeSubnetsCommand).resolves({ Subnets: [] });
    ec2.on(ec2Sdk.DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
    ec2.on(ec2Sdk.DescribeNetworkAclsCommand).resolves({ NetworkAcls: [] });
    ec2.on(ec2Sdk.DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });
    ec2.on(ec2Sdk.DescribeFlowLogsCommand).resolves({ FlowLogs: [{ FlowLogId: 'fl-1', ResourceId: 'vpc-0app', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', FlowLogStatus: 'ACTIVE' }] });
    const flowLogs = allChecks.filter((check) => check.id === 'vpc-flow-logs-enabled');
    const { result } = await scanLive([collectorFor('vpc')], flowLogs);
    expect(result.findings.map((finding) => `${finding.resource.name}: ${finding.status}: ${finding.message}`).sort()).toEqual([
      'app: pass: flow log arn:aws:ec2:eu-west-3:111122223333:vpc-flow-log/fl-1 records the VPC (ALL traffic)',
      `vpc-0default: fail: no flow log records the traffic of the default VPC vpc-0default in ${ACCOUNT}/${REGION}`,
    ]);
  });
});
