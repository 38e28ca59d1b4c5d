import { describe, expect, it } from 'vitest';
import * as backupSdk from '@aws-sdk/client-backup';
import * as beanstalkSdk from '@aws-sdk/client-elastic-beanstalk';
import * as codebuildSdk from '@aws-sdk/client-codebuild';
import * as glueSdk from '@aws-sdk/client-glue';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import * as sfnSdk from '@aws-sdk/client-sfn';
import type { CollectionGap, Resource } from '../../src/inventory/resource.js';
import type { Check } from '../../src/checks/types.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import vaultPolicy from '../../src/checks/backup/backup-vault-policy-not-public.js';
import sourceUrl from '../../src/checks/codebuild/codebuild-project-source-url-no-credentials.js';
import managedUpdates from '../../src/checks/elasticbeanstalk/elasticbeanstalk-managed-updates.js';
import catalogEncryption from '../../src/checks/glue/glue-data-catalog-encryption.js';
import rootAccess from '../../src/checks/sagemaker/sagemaker-notebook-root-access-disabled.js';
import logging from '../../src/checks/stepfunctions/stepfunctions-state-machine-logging.js';
import { ACCOUNT, awsError, collectorFor, runCollector, useClientMocks } from './support/harness.js';

const mock = useClientMocks();
const R = 'us-east-1';

function statuses(resources: Resource[], checks: Check[], gaps: CollectionGap[] = []): string[] {
  const result = evaluateInventory({ resources, gaps, problems: [], sources: [] }, { checks, now: new Date('2026-01-01T00:00:00Z') });
  return result.findings.map((finding) => `${finding.resource.name ?? finding.resource.id}:${finding.status}`).sort();
}

describe('sagemaker: notebook instances', () => {
  it('reads each notebook in full; a denied describe leaves its settings unknown, never the defaults', async () => {
    const client = mock(sagemakerSdk.SageMakerClient);
    client.on(sagemakerSdk.ListNotebookInstancesCommand).resolves({
      NotebookInstances: [
        { NotebookInstanceName: 'locked', NotebookInstanceArn: `arn:aws:sagemaker:${R}:${ACCOUNT}:notebook-instance/locked` },
        { NotebookInstanceName: 'hidden', NotebookInstanceArn: `arn:aws:sagemaker:${R}:${ACCOUNT}:notebook-instance/hidden` },
      ],
    });
    client.on(sagemakerSdk.DescribeNotebookInstanceCommand, { NotebookInstanceName: 'locked' }).resolves({ NotebookInstanceName: 'locked', RootAccess: 'Disabled', DirectInternetAccess: 'Disabled' });
    client.on(sagemakerSdk.DescribeNotebookInstanceCommand, { NotebookInstanceName: 'hidden' }).rejects(awsError('AccessDeniedException', 'not allowed', 403));
    const run = await runCollector(collectorFor('sagemaker'), { wanted: ['AWS::SageMaker::NotebookInstance'] });
    expect(run.violations).toEqual([]);
    expect(statuses(run.resources, [rootAccess], run.gaps)).toEqual(['hidden:unknown', 'locked:pass']);
  });
});

describe('glue: Data Catalog encryption settings', () => {
  it('emits the settings of the region, and an unknown when they cannot be read', async () => {
    const client = mock(glueSdk.GlueClient);
    client.on(glueSdk.GetDataCatalogEncryptionSettingsCommand).resolvesOnce({ DataCatalogEncryptionSettings: { EncryptionAtRest: { CatalogEncryptionMode: 'SSE-KMS' }, ConnectionPasswordEncryption: { ReturnConnectionPasswordEncrypted: true } } });
    const read = await runCollector(collectorFor('glue'), { wanted: ['AWS::Glue::DataCatalogEncryptionSettings'] });
    expect(read.violations).toEqual([]);
    expect(statuses(read.resources, [catalogEncryption])).toEqual([`Data Catalog ${R}:pass`]);
    client.on(glueSdk.GetDataCatalogEncryptionSettingsCommand).rejects(awsError('AccessDeniedException', 'not allowed', 403));
    const denied = await runCollector(collectorFor('glue'), { wanted: ['AWS::Glue::DataCatalogEncryptionSettings'] });
    expect(statuses(denied.resources, [catalogEncryption], denied.gaps)).toEqual([`Data Catalog ${R}:unknown`]);
  });
});

describe('codebuild: projects', () => {
  it('lists every page and reads the projects in batches, sources in the CloudFormation shape', async () => {
    const client = mock(codebuildSdk.CodeBuildClient);
    client.on(codebuildSdk.ListProjectsCommand, { nextToken: undefined }).resolves({ projects: ['clean'], nextToken: 'page-2' });
    client.on(codebuildSdk.ListProjectsCommand, { nextToken: 'page-2' }).resolves({ projects: ['leaky'] });
    client.on(codebuildSdk.BatchGetProjectsCommand).resolves({
      projects: [
        { name: 'clean', source: { type: 'GITHUB', location: 'https://github.com/example/clean.git' } },
        { name: 'leaky', source: { type: 'GITHUB', location: 'https://github.com/example/clean.git' }, secondarySources: [{ type: 'BITBUCKET', sourceIdentifier: 'lib', location: 'https://ci:not-a-real-password@bitbucket.org/example/lib.git' }] },
      ],
    });
    const run = await runCollector(collectorFor('codebuild'));
    expect(run.violations).toEqual([]);
    expect(client.commandCalls(codebuildSdk.BatchGetProjectsCommand)).toHaveLength(1);
    expect(statuses(run.resources, [sourceUrl])).toEqual(['clean:pass', 'leaky:fail']);
  });
});

describe('elasticbeanstalk: environments', () => {
  it('judges the effective option settings; denied settings are unknown', async () => {
    const client = mock(beanstalkSdk.ElasticBeanstalkClient);
    client.on(beanstalkSdk.DescribeEnvironmentsCommand).resolves({
      Environments: [
        { EnvironmentName: 'patched', ApplicationName: 'orders', Status: 'Ready' },
        { EnvironmentName: 'unread', ApplicationName: 'orders', Status: 'Ready' },
      ],
    });
    client.on(beanstalkSdk.DescribeConfigurationSettingsCommand, { ApplicationName: 'orders', EnvironmentName: 'patched' }).resolves({
      ConfigurationSettings: [{ OptionSettings: [{ Namespace: 'aws:elasticbeanstalk:managedactions', OptionName: 'ManagedActionsEnabled', Value: 'true' }] }],
    });
    client.on(beanstalkSdk.DescribeConfigurationSettingsCommand, { ApplicationName: 'orders', EnvironmentName: 'unread' }).rejects(awsError('AccessDenied', 'not allowed', 403));
    const run = await runCollector(collectorFor('elasticbeanstalk'));
    expect(run.violations).toEqual([]);
    expect(statuses(run.resources, [managedUpdates], run.gaps)).toEqual(['patched:pass', 'unread:unknown']);
  });
});

describe('backup: vaults', () => {
  it('reads a missing access policy as none, a denied one as unknown', async () => {
    const client = mock(backupSdk.BackupClient);
    client.on(backupSdk.ListBackupVaultsCommand).resolves({
      BackupVaultList: [
        { BackupVaultName: 'plain', BackupVaultArn: `arn:aws:backup:${R}:${ACCOUNT}:backup-vault:plain` },
        { BackupVaultName: 'secret', BackupVaultArn: `arn:aws:backup:${R}:${ACCOUNT}:backup-vault:secret` },
      ],
    });
    client.on(backupSdk.GetBackupVaultAccessPolicyCommand, { BackupVaultName: 'plain' }).rejects(awsError('ResourceNotFoundException', 'no policy', 404));
    client.on(backupSdk.GetBackupVaultAccessPolicyCommand, { BackupVaultName: 'secret' }).rejects(awsError('AccessDeniedException', 'not allowed', 403));
    const run = await runCollector(collectorFor('backup-vaults'));
    expect(run.violations).toEqual([]);
    expect(statuses(run.resources, [vaultPolicy], run.gaps)).toEqual(['plain:pass', 'secret:unknown']);
  });
});

describe('stepfunctions: state machines', () => {
  it('maps the logging configuration to the CloudFormation shape', async () => {
    const client = mock(sfnSdk.SFNClient);
    const arn = `arn:aws:states:${R}:${ACCOUNT}:stateMachine:orders`;
    client.on(sfnSdk.ListStateMachinesCommand).resolves({ stateMachines: [{ stateMachineArn: arn, name: 'orders', type: 'EXPRESS', creationDate: new Date('2026-01-01T00:00:00Z') }] });
    client.on(sfnSdk.DescribeStateMachineCommand).resolves({
      stateMachineArn: arn,
      name: 'orders',
      loggingConfiguration: { level: 'ALL', includeExecutionData: true, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: `arn:aws:logs:${R}:${ACCOUNT}:log-group:/sfn/orders:*` } }] },
    } as sfnSdk.DescribeStateMachineCommandOutput);
    const run = await runCollector(collectorFor('stepfunctions'));
    expect(run.violations).toEqual([]);
    expect(statuses(run.resources, [logging])).toEqual(['orders:pass']);
  });
});
