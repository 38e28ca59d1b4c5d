import { describe, expect, it } from 'vitest';
import * as ct from '@aws-sdk/client-cloudtrail';
import * as cfg from '@aws-sdk/client-config-service';
import * as gd from '@aws-sdk/client-guardduty';
import * as sh from '@aws-sdk/client-securityhub';
import * as aa from '@aws-sdk/client-accessanalyzer';
import * as mc from '@aws-sdk/client-macie2';
import * as cw from '@aws-sdk/client-cloudwatch';
import * as cwl from '@aws-sdk/client-cloudwatch-logs';
import * as rdsSdk from '@aws-sdk/client-rds';
import * as lam from '@aws-sdk/client-lambda';
import * as ddb from '@aws-sdk/client-dynamodb';
import * as sqsSdk from '@aws-sdk/client-sqs';
import * as snsSdk from '@aws-sdk/client-sns';
import * as efsSdk from '@aws-sdk/client-efs';
import * as ecrSdk from '@aws-sdk/client-ecr';
import * as sm from '@aws-sdk/client-secrets-manager';
import * as ec from '@aws-sdk/client-elasticache';
import * as os from '@aws-sdk/client-opensearch';
import * as eksSdk from '@aws-sdk/client-eks';
import * as ecsSdk from '@aws-sdk/client-ecs';
import * as elbSdk from '@aws-sdk/client-elastic-load-balancing-v2';
import * as cf from '@aws-sdk/client-cloudfront';
import * as apigw from '@aws-sdk/client-api-gateway';
import * as waf from '@aws-sdk/client-wafv2';
import * as rs from '@aws-sdk/client-redshift';
import * as emrSdk from '@aws-sdk/client-emr';
import * as org from '@aws-sdk/client-organizations';
import { redactInventory } from '../../src/inventory/redact.js';
import { Redacted, Unknown } from '../../src/inventory/values.js';
import { ACCOUNT, awsError, collectorFor, runCollector, useClientMocks } from './support/harness.js';

const mock = useClientMocks();
const R = 'us-east-1';

describe('logging and detection collectors', () => {
  it('cloudtrail: trails with status and event selectors', async () => {
    const arn = `arn:aws:cloudtrail:${R}:${ACCOUNT}:trail/org-trail`;
    const client = mock(ct.CloudTrailClient);
    client.on(ct.DescribeTrailsCommand).resolves({ trailList: [{ Name: 'org-trail', TrailARN: arn, HomeRegion: R, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, LogFileValidationEnabled: false, S3BucketName: 'trail-bucket', KmsKeyId: 'arn:aws:kms:us-east-1:1:key/k' }] });
    client.on(ct.GetTrailStatusCommand).resolves({ IsLogging: true });
    client.on(ct.GetEventSelectorsCommand).resolves({ TrailARN: arn, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] });
    const run = await runCollector(collectorFor('cloudtrail'));
    expect(run.violations).toEqual([]);
    expect(run.resources[0]?.properties).toMatchObject({ TrailName: 'org-trail', IsLogging: true, IsMultiRegionTrail: true, EnableLogFileValidation: false, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
  });

  it('config: recorders and the region status', async () => {
    const client = mock(cfg.ConfigServiceClient);
    client.on(cfg.DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [{ name: 'default', roleARN: 'arn:aws:iam::1:role/config', recordingGroup: { allSupported: true, includeGlobalResourceTypes: false } }] });
    client.on(cfg.DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success' }] });
    const run = await runCollector(collectorFor('config'));
    expect(run.byType('Demarc::Config::RegionStatus')[0]?.properties).toEqual({ RecorderExists: true, Recording: true, AllSupported: true, IncludeGlobalResourceTypes: false });
    expect(run.byType('AWS::Config::ConfigurationRecorder')[0]?.properties).toMatchObject({ RecordingGroup: { AllSupported: true } });
  });

  it('config: no recorder at all', async () => {
    const client = mock(cfg.ConfigServiceClient);
    client.on(cfg.DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
    client.on(cfg.DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
    const run = await runCollector(collectorFor('config'));
    expect(run.byType('Demarc::Config::RegionStatus')[0]?.properties).toEqual({ RecorderExists: false, Recording: false, AllSupported: false, IncludeGlobalResourceTypes: false });
  });

  it('guardduty: detectors across pages, suspended ones do not count', async () => {
    const client = mock(gd.GuardDutyClient);
    client.on(gd.ListDetectorsCommand, { NextToken: undefined }).resolves({ DetectorIds: ['d1'], NextToken: 'n' });
    client.on(gd.ListDetectorsCommand, { NextToken: 'n' }).resolves({ DetectorIds: [] });
    client.on(gd.GetDetectorCommand).resolves({ Status: 'DISABLED', ServiceRole: 'r', FindingPublishingFrequency: 'SIX_HOURS' });
    const run = await runCollector(collectorFor('guardduty'));
    expect(run.violations).toEqual([]);
    expect(run.byType('Demarc::GuardDuty::RegionStatus')[0]?.properties).toEqual({ Enabled: false, Detail: { DetectorIds: ['d1'] } });
    expect(run.byType('AWS::GuardDuty::Detector')[0]?.properties).toMatchObject({ Enable: false });
  });

  it('securityhub: enabled with standards, and "not subscribed" as disabled', async () => {
    const client = mock(sh.SecurityHubClient);
    client.on(sh.DescribeHubCommand).resolves({ HubArn: `arn:aws:securityhub:${R}:${ACCOUNT}:hub/default`, AutoEnableControls: true });
    client.on(sh.GetEnabledStandardsCommand).resolves({ StandardsSubscriptions: [{ StandardsArn: 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0', StandardsStatus: 'READY', StandardsSubscriptionArn: 's', StandardsInput: {} }] });
    const on = await runCollector(collectorFor('securityhub'));
    expect(on.violations).toEqual([]);
    expect(on.byType('Demarc::SecurityHub::RegionStatus')[0]?.properties).toMatchObject({ Enabled: true });
    client.reset();
    client.on(sh.DescribeHubCommand).rejects(awsError('InvalidAccessException', 'Account 111122223333 is not subscribed to AWS Security Hub', 401));
    const off = await runCollector(collectorFor('securityhub'));
    expect(off.byType('Demarc::SecurityHub::RegionStatus')[0]?.properties).toEqual({ Enabled: false });
    expect(off.gaps).toEqual([]);
  });

  it('accessanalyzer: active analyzers make the region covered', async () => {
    mock(aa.AccessAnalyzerClient).on(aa.ListAnalyzersCommand).resolves({ analyzers: [{ arn: `arn:aws:access-analyzer:${R}:${ACCOUNT}:analyzer/org`, name: 'org', type: 'ORGANIZATION', status: 'ACTIVE', createdAt: new Date() }] });
    const run = await runCollector(collectorFor('accessanalyzer'));
    expect(run.violations).toEqual([]);
    expect(run.byType('Demarc::AccessAnalyzer::RegionStatus')[0]?.properties).toMatchObject({ Enabled: true });
  });

  it('macie: enabled, and "Macie is not enabled" as disabled rather than a gap', async () => {
    const client = mock(mc.Macie2Client);
    client.on(mc.GetMacieSessionCommand).resolves({ status: 'ENABLED', findingPublishingFrequency: 'FIFTEEN_MINUTES' });
    expect((await runCollector(collectorFor('macie'))).byType('Demarc::Macie::RegionStatus')[0]?.properties).toMatchObject({ Enabled: true });
    client.reset();
    client.on(mc.GetMacieSessionCommand).rejects(awsError('AccessDeniedException', 'Macie is not enabled.', 403));
    const off = await runCollector(collectorFor('macie'));
    expect(off.byType('Demarc::Macie::RegionStatus')[0]?.properties).toEqual({ Enabled: false });
    expect(off.gaps).toEqual([]);
  });

  it('cloudwatch: alarms, log groups, metric filters and delivery sources', async () => {
    mock(cw.CloudWatchClient).on(cw.DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'root-usage', AlarmArn: `arn:aws:cloudwatch:${R}:${ACCOUNT}:alarm:root-usage`, MetricName: 'RootAccountUsage', Namespace: 'CISBenchmark', AlarmActions: ['arn:aws:sns:us-east-1:1:alerts'], ActionsEnabled: true }] });
    const logs = mock(cwl.CloudWatchLogsClient);
    logs.on(cwl.DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: 'trail', arn: `arn:aws:logs:${R}:${ACCOUNT}:log-group:trail:*`, retentionInDays: 365 }] });
    logs.on(cwl.DescribeMetricFiltersCommand).resolves({ metricFilters: [{ filterName: 'root', logGroupName: 'trail', filterPattern: '{ $.userIdentity.type = "Root" }', metricTransformations: [{ metricName: 'RootAccountUsage', metricNamespace: 'CISBenchmark', metricValue: '1' }] }] });
    const distribution = `arn:aws:cloudfront::${ACCOUNT}:distribution/E2EXAMPLE`;
    logs.on(cwl.DescribeDeliverySourcesCommand).resolves({ deliverySources: [{ name: 'cdn-logs', arn: `arn:aws:logs:${R}:${ACCOUNT}:delivery-source:cdn-logs`, resourceArns: [distribution], service: 'cloudfront', logType: 'ACCESS_LOGS' }] });
    const run = await runCollector(collectorFor('cloudwatch'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::Logs::DeliverySource')[0]?.properties).toEqual({ Name: 'cdn-logs', ResourceArn: distribution, LogType: 'ACCESS_LOGS' });
    expect(run.byType('AWS::Logs::MetricFilter')[0]?.properties).toMatchObject({ FilterPattern: '{ $.userIdentity.type = "Root" }', MetricTransformations: [{ MetricName: 'RootAccountUsage' }] });
    expect(run.byType('AWS::Logs::LogGroup')[0]).toMatchObject({ id: `arn:aws:logs:${R}:${ACCOUNT}:log-group:trail`, properties: { RetentionInDays: 365 } });
    expect(run.byType('AWS::CloudWatch::Alarm')[0]?.properties).toMatchObject({ MetricName: 'RootAccountUsage' });
  });
});

describe('data and compute collectors', () => {
  it('rds: instances, clusters by engine, and public snapshots', async () => {
    const client = mock(rdsSdk.RDSClient);
    client.on(rdsSdk.DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'db1', DBInstanceArn: `arn:aws:rds:${R}:${ACCOUNT}:db:db1`, Engine: 'postgres', StorageEncrypted: false, PubliclyAccessible: true, BackupRetentionPeriod: 0 }, { DBInstanceIdentifier: 'docs', DBInstanceArn: `arn:aws:rds:${R}:${ACCOUNT}:db:docs`, Engine: 'docdb' }] });
    client.on(rdsSdk.DescribeDBClustersCommand).resolves({ DBClusters: [{ DBClusterIdentifier: 'aurora', DBClusterArn: `arn:aws:rds:${R}:${ACCOUNT}:cluster:aurora`, Engine: 'aurora-mysql', StorageEncrypted: true }] });
    client.on(rdsSdk.DescribeDBSnapshotsCommand).resolves({ DBSnapshots: [{ DBSnapshotIdentifier: 'snap1', DBSnapshotArn: `arn:aws:rds:${R}:${ACCOUNT}:snapshot:snap1`, Encrypted: false }] });
    client.on(rdsSdk.DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [] });
    client.on(rdsSdk.DescribeDBSnapshotAttributesCommand).resolves({ DBSnapshotAttributesResult: { DBSnapshotIdentifier: 'snap1', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }] } });
    const run = await runCollector(collectorFor('rds'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::RDS::DBInstance')[0]?.properties).toMatchObject({ StorageEncrypted: false, PubliclyAccessible: true, BackupRetentionPeriod: 0 });
    expect(run.byType('AWS::DocDB::DBInstance')).toHaveLength(1);
    expect(run.byType('AWS::RDS::DBCluster')[0]?.properties).toMatchObject({ StorageEncrypted: true });
    expect(run.byType('Demarc::RDS::Snapshot')[0]?.properties).toMatchObject({ Public: true, Encrypted: false });
  });

  it('lambda: functions (environment redacted), permissions from the policy, URLs; no policy is fine', async () => {
    const fnArn = `arn:aws:lambda:${R}:${ACCOUNT}:function:api`;
    const client = mock(lam.LambdaClient);
    client.on(lam.ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'api', FunctionArn: fnArn, Runtime: 'python3.8', Role: 'arn:aws:iam::1:role/api', Environment: { Variables: { DB_PASSWORD: 'hunter2hunter2', STAGE: 'prod' } } }, { FunctionName: 'quiet', FunctionArn: `${fnArn}-quiet`, Runtime: 'nodejs20.x' }] });
    client.on(lam.GetPolicyCommand, { FunctionName: fnArn }).resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'public', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Resource: fnArn, Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } }] }) });
    client.on(lam.GetPolicyCommand, { FunctionName: `${fnArn}-quiet` }).rejects(awsError('ResourceNotFoundException', 'The resource you requested does not exist.', 404));
    client.on(lam.ListFunctionUrlConfigsCommand, { FunctionName: fnArn }).resolves({ FunctionUrlConfigs: [{ FunctionArn: fnArn, FunctionUrl: 'https://x.lambda-url.us-east-1.on.aws/', AuthType: 'NONE', CreationTime: '', LastModifiedTime: '' }] });
    client.on(lam.ListFunctionUrlConfigsCommand, { FunctionName: `${fnArn}-quiet` }).resolves({ FunctionUrlConfigs: [] });
    const run = await runCollector(collectorFor('lambda'));
    expect(run.violations).toEqual([]);
    expect(run.gaps).toEqual([]);
    expect(run.byType('AWS::Lambda::Permission')[0]?.properties).toEqual({ FunctionName: 'api', Action: 'lambda:InvokeFunctionUrl', Effect: 'Allow', Principal: '*', FunctionUrlAuthType: 'NONE' });
    expect(run.byType('AWS::Lambda::Url')[0]?.properties).toMatchObject({ AuthType: 'NONE' });
    const redacted = redactInventory({ resources: run.resources, gaps: [], problems: [], sources: [] });
    const api = redacted.resources.find((resource) => resource.name === 'api');
    expect(api?.properties['Environment']).toEqual({ Variables: { DB_PASSWORD: new Redacted(true), STAGE: new Redacted(false) } });
    expect(JSON.stringify(redacted)).not.toContain('hunter2');
  });

  it('dynamodb: tables with encryption and point-in-time recovery', async () => {
    const client = mock(ddb.DynamoDBClient);
    client.on(ddb.ListTablesCommand, { ExclusiveStartTableName: undefined }).resolves({ TableNames: ['orders'], LastEvaluatedTableName: 'orders' });
    client.on(ddb.ListTablesCommand, { ExclusiveStartTableName: 'orders' }).resolves({ TableNames: ['users'] });
    client.on(ddb.DescribeTableCommand, { TableName: 'orders' }).resolves({ Table: { TableName: 'orders', TableArn: `arn:aws:dynamodb:${R}:${ACCOUNT}:table/orders`, SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: 'arn:aws:kms:us-east-1:1:key/k' }, BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' } } });
    client.on(ddb.DescribeTableCommand, { TableName: 'users' }).resolves({ Table: { TableName: 'users', TableArn: `arn:aws:dynamodb:${R}:${ACCOUNT}:table/users` } });
    client.on(ddb.DescribeContinuousBackupsCommand, { TableName: 'orders' }).resolves({ ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' } } });
    client.on(ddb.DescribeContinuousBackupsCommand, { TableName: 'users' }).rejects(awsError('AccessDeniedException', 'denied', 400));
    const run = await runCollector(collectorFor('dynamodb'));
    expect(run.violations).toEqual([]);
    const tables = Object.fromEntries(run.resources.map((table) => [table.name, table.properties]));
    expect(tables['orders']).toMatchObject({ SSESpecification: { SSEEnabled: true, SSEType: 'KMS' }, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, BillingMode: 'PAY_PER_REQUEST' });
    expect(tables['users']?.['SSESpecification']).toEqual({ SSEEnabled: false });
    expect(tables['users']?.['PointInTimeRecoverySpecification']).toBeInstanceOf(Unknown);
  });

  it('sqs and sns: queues, topics, policies and subscriptions', async () => {
    const url = `https://sqs.${R}.amazonaws.com/${ACCOUNT}/jobs`;
    const sqs = mock(sqsSdk.SQSClient);
    sqs.on(sqsSdk.ListQueuesCommand).resolves({ QueueUrls: [url] });
    sqs.on(sqsSdk.GetQueueAttributesCommand).resolves({ Attributes: { SqsManagedSseEnabled: 'false', MessageRetentionPeriod: '345600', Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage' }] }) } });
    const queues = await runCollector(collectorFor('sqs'));
    expect(queues.violations).toEqual([]);
    expect(queues.byType('AWS::SQS::Queue')[0]?.properties).toMatchObject({ QueueName: 'jobs', SqsManagedSseEnabled: false, MessageRetentionPeriod: 345600 });
    expect(queues.byType('AWS::SQS::QueuePolicy')[0]?.properties).toMatchObject({ Queues: [`arn:aws:sqs:${R}:${ACCOUNT}:jobs`], PolicyDocument: { Statement: [{ Principal: '*' }] } });
    const topic = `arn:aws:sns:${R}:${ACCOUNT}:alerts`;
    const sns = mock(snsSdk.SNSClient);
    sns.on(snsSdk.ListTopicsCommand).resolves({ Topics: [{ TopicArn: topic }] });
    sns.on(snsSdk.GetTopicAttributesCommand).resolves({ Attributes: { TopicArn: topic, KmsMasterKeyId: 'alias/aws/sns' } });
    sns.on(snsSdk.ListSubscriptionsCommand).resolves({ Subscriptions: [{ TopicArn: topic, Protocol: 'email', Endpoint: 'ops@example.com', SubscriptionArn: `${topic}:0b1c` }, { TopicArn: topic, Protocol: 'email', Endpoint: 'new@example.com', SubscriptionArn: 'PendingConfirmation' }] });
    const topics = await runCollector(collectorFor('sns'));
    expect(topics.violations).toEqual([]);
    expect(topics.byType('AWS::SNS::Topic')[0]?.properties).toMatchObject({ TopicName: 'alerts', KmsMasterKeyId: 'alias/aws/sns' });
    expect(topics.byType('AWS::SNS::Subscription').map((subscription) => subscription.properties['Confirmed'])).toEqual([true, false]);
  });

  it('efs, ecr and secretsmanager', async () => {
    const efs = mock(efsSdk.EFSClient);
    efs.on(efsSdk.DescribeFileSystemsCommand).resolves({ FileSystems: [{ FileSystemId: 'fs-1', FileSystemArn: `arn:aws:elasticfilesystem:${R}:${ACCOUNT}:file-system/fs-1`, Encrypted: false, OwnerId: ACCOUNT, CreationToken: 't', CreationTime: new Date(), LifeCycleState: 'available', NumberOfMountTargets: 1, SizeInBytes: { Value: 1 }, PerformanceMode: 'generalPurpose', Tags: [] }] });
    efs.on(efsSdk.DescribeBackupPolicyCommand).resolves({ BackupPolicy: { Status: 'ENABLED' } });
    efs.on(efsSdk.DescribeFileSystemPolicyCommand).rejects(awsError('PolicyNotFound', 'No policy', 404));
    efs.on(efsSdk.DescribeAccessPointsCommand).resolves({ AccessPoints: [{ AccessPointId: 'fsap-1', AccessPointArn: `arn:aws:elasticfilesystem:${R}:${ACCOUNT}:access-point/fsap-1`, FileSystemId: 'fs-1', PosixUser: { Uid: 1001, Gid: 1001 }, RootDirectory: { Path: '/' } }] });
    const fileSystems = await runCollector(collectorFor('efs'));
    expect(fileSystems.violations).toEqual([]);
    expect(fileSystems.resources[0]?.properties).toMatchObject({ Encrypted: false, BackupPolicy: { Status: 'ENABLED' } });
    expect(fileSystems.resources[0]?.properties['FileSystemPolicy']).toBeUndefined();
    expect(fileSystems.byType('AWS::EFS::AccessPoint')[0]?.properties).toEqual({ FileSystemId: 'fs-1', PosixUser: { Uid: '1001', Gid: '1001' }, RootDirectory: { Path: '/' } });

    const ecr = mock(ecrSdk.ECRClient);
    ecr.on(ecrSdk.DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryName: 'app', repositoryArn: `arn:aws:ecr:${R}:${ACCOUNT}:repository/app`, imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false } }] });
    ecr.on(ecrSdk.GetRepositoryPolicyCommand).rejects(awsError('RepositoryPolicyNotFoundException', 'none', 400));
    ecr.on(ecrSdk.GetLifecyclePolicyCommand).rejects(awsError('LifecyclePolicyNotFoundException', 'none', 400));
    const repositories = await runCollector(collectorFor('ecr'));
    expect(repositories.resources[0]?.properties).toEqual({ RepositoryName: 'app', ImageTagMutability: 'MUTABLE', ImageScanningConfiguration: { ScanOnPush: false } });

    const secrets = mock(sm.SecretsManagerClient);
    secrets.on(sm.ListSecretsCommand).resolves({ SecretList: [{ ARN: `arn:aws:secretsmanager:${R}:${ACCOUNT}:secret:db-AbCdEf`, Name: 'db', RotationEnabled: true, RotationLambdaARN: 'arn:aws:lambda:us-east-1:1:function:rotate', RotationRules: { AutomaticallyAfterDays: 30 } }] });
    secrets.on(sm.GetResourcePolicyCommand).resolves({ ARN: 'x', Name: 'db' });
    const secretRun = await runCollector(collectorFor('secretsmanager'));
    expect(secretRun.violations).toEqual([]);
    expect(secretRun.byType('AWS::SecretsManager::RotationSchedule')[0]?.properties).toMatchObject({ RotationRules: { AutomaticallyAfterDays: 30 } });
    expect(secretRun.byType('AWS::SecretsManager::ResourcePolicy')).toEqual([]);
  });

  it('elasticache, opensearch, eks and redshift', async () => {
    const cache = mock(ec.ElastiCacheClient);
    cache.on(ec.DescribeReplicationGroupsCommand).resolves({ ReplicationGroups: [{ ReplicationGroupId: 'redis', ARN: `arn:aws:elasticache:${R}:${ACCOUNT}:replicationgroup:redis`, AtRestEncryptionEnabled: false, TransitEncryptionEnabled: true, AutomaticFailover: 'enabled' }] });
    cache.on(ec.DescribeCacheClustersCommand).resolves({ CacheClusters: [{ CacheClusterId: 'memc', Engine: 'memcached', ARN: `arn:aws:elasticache:${R}:${ACCOUNT}:cluster:memc` }] });
    const caches = await runCollector(collectorFor('elasticache'));
    expect(caches.byType('AWS::ElastiCache::ReplicationGroup')[0]?.properties).toMatchObject({ AtRestEncryptionEnabled: false, TransitEncryptionEnabled: true, AutomaticFailoverEnabled: true });

    const search = mock(os.OpenSearchClient);
    search.on(os.ListDomainNamesCommand).resolves({ DomainNames: Array.from({ length: 6 }, (_, index) => ({ DomainName: `d${index}` })) });
    search.on(os.DescribeDomainsCommand).callsFake((input: os.DescribeDomainsCommandInput) => ({ DomainStatusList: (input.DomainNames ?? []).map((name) => ({ DomainName: name, DomainId: name, ARN: `arn:aws:es:${R}:${ACCOUNT}:domain/${name}`, ClusterConfig: {}, EncryptionAtRestOptions: { Enabled: false }, AccessPolicies: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' } }] }) })) }));
    const domains = await runCollector(collectorFor('opensearch'));
    expect(domains.violations).toEqual([]);
    expect(domains.resources).toHaveLength(6);
    expect(domains.calls.filter((call) => call.action === 'es:DescribeDomains')).toHaveLength(2);
    expect(domains.resources[0]?.properties).toMatchObject({ EncryptionAtRestOptions: { Enabled: false }, AccessPolicies: { Statement: [{ Principal: { AWS: '*' } }] } });

    const eks = mock(eksSdk.EKSClient);
    eks.on(eksSdk.ListClustersCommand).resolves({ clusters: ['prod'] });
    eks.on(eksSdk.DescribeClusterCommand).resolves({ cluster: { name: 'prod', arn: `arn:aws:eks:${R}:${ACCOUNT}:cluster/prod`, version: '1.27', resourcesVpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] }, logging: { clusterLogging: [{ types: ['api', 'audit'], enabled: true }, { types: ['scheduler'], enabled: false }] } } });
    const clusters = await runCollector(collectorFor('eks'));
    expect(clusters.resources[0]?.properties).toMatchObject({ Version: '1.27', ResourcesVpcConfig: { EndpointPublicAccess: true }, Logging: { ClusterLogging: { EnabledTypes: [{ Type: 'api' }, { Type: 'audit' }] } } });

    const redshift = mock(rs.RedshiftClient);
    redshift.on(rs.DescribeClustersCommand).resolves({ Clusters: [{ ClusterIdentifier: 'wh', Encrypted: false, PubliclyAccessible: true }] });
    redshift.on(rs.DescribeLoggingStatusCommand).resolves({ LoggingEnabled: false });
    const warehouses = await runCollector(collectorFor('redshift'));
    expect(warehouses.violations).toEqual([]);
    expect(warehouses.resources[0]?.properties).toMatchObject({ Encrypted: false, PubliclyAccessible: true });
  });

  it('ecs: clusters, services and the latest task definition of each family (environment redacted)', async () => {
    const client = mock(ecsSdk.ECSClient);
    const cluster = `arn:aws:ecs:${R}:${ACCOUNT}:cluster/main`;
    client.on(ecsSdk.ListClustersCommand).resolves({ clusterArns: [cluster] });
    client.on(ecsSdk.DescribeClustersCommand).resolves({ clusters: [{ clusterArn: cluster, clusterName: 'main', settings: [{ name: 'containerInsights', value: 'disabled' }] }] });
    client.on(ecsSdk.ListServicesCommand).resolves({ serviceArns: [`arn:aws:ecs:${R}:${ACCOUNT}:service/main/web`] });
    client.on(ecsSdk.DescribeServicesCommand).resolves({ services: [{ serviceArn: `arn:aws:ecs:${R}:${ACCOUNT}:service/main/web`, serviceName: 'web', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['s'], assignPublicIp: 'ENABLED' } } }] });
    client.on(ecsSdk.ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [`arn:aws:ecs:${R}:${ACCOUNT}:task-definition/web:1`, `arn:aws:ecs:${R}:${ACCOUNT}:task-definition/web:3`, `arn:aws:ecs:${R}:${ACCOUNT}:task-definition/web:2`] });
    client.on(ecsSdk.DescribeTaskDefinitionCommand).resolves({ taskDefinition: { family: 'web', revision: 3, containerDefinitions: [{ name: 'app', image: 'app:latest', privileged: true, environment: [{ name: 'API_KEY', value: 'sk_live_0123456789abcdefghij' }] }] } });
    const run = await runCollector(collectorFor('ecs'));
    expect(run.violations).toEqual([]);
    expect(run.calls.filter((call) => call.action === 'ecs:DescribeTaskDefinition')).toHaveLength(1);
    expect(run.byType('AWS::ECS::Service')[0]?.properties).toMatchObject({ NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED' } } });
    const redacted = redactInventory({ resources: run.byType('AWS::ECS::TaskDefinition'), gaps: [], problems: [], sources: [] });
    expect(JSON.stringify(redacted)).not.toContain('sk_live');
    expect(redacted.resources[0]?.properties).toMatchObject({ Family: 'web', ContainerDefinitions: [{ Privileged: true, Environment: [{ Name: 'API_KEY', Value: new Redacted(true) }] }] });
  });
});

describe('edge and network service collectors', () => {
  it('elb: load balancers with attributes and listeners', async () => {
    const lb = `arn:aws:elasticloadbalancing:${R}:${ACCOUNT}:loadbalancer/app/web/1`;
    const client = mock(elbSdk.ElasticLoadBalancingV2Client);
    client.on(elbSdk.DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: lb, LoadBalancerName: 'web', Scheme: 'internet-facing', Type: 'application' }] });
    client.on(elbSdk.DescribeLoadBalancerAttributesCommand).resolves({ Attributes: [{ Key: 'access_logs.s3.enabled', Value: 'false' }] });
    client.on(elbSdk.DescribeListenersCommand).resolves({ Listeners: [{ ListenerArn: `${lb}/l1`, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: 'tg' }] }] });
    const run = await runCollector(collectorFor('elb'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::ElasticLoadBalancingV2::LoadBalancer')[0]?.properties).toMatchObject({ Scheme: 'internet-facing', LoadBalancerAttributes: [{ Key: 'access_logs.s3.enabled', Value: 'false' }] });
    expect(run.byType('AWS::ElasticLoadBalancingV2::Listener')[0]?.properties).toMatchObject({ Protocol: 'HTTP', Port: 80 });
  });

  it('cloudfront: distribution configuration in the CloudFormation shape, once per account', async () => {
    const client = mock(cf.CloudFrontClient);
    client.on(cf.ListDistributionsCommand).resolves({ DistributionList: { Items: [{ Id: 'E1', ARN: `arn:aws:cloudfront::${ACCOUNT}:distribution/E1` } as cf.DistributionSummary], IsTruncated: false, Marker: '', MaxItems: 100, Quantity: 1 } });
    client.on(cf.GetDistributionConfigCommand).resolves({ DistributionConfig: { CallerReference: 'r', Comment: '', Enabled: true, Origins: { Quantity: 1, Items: [{ Id: 'o', DomainName: 'b.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] }, DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'allow-all' }, ViewerCertificate: { CloudFrontDefaultCertificate: true, MinimumProtocolVersion: 'TLSv1' }, Logging: { Enabled: false, Bucket: '', Prefix: '', IncludeCookies: false } } as cf.DistributionConfig });
    const run = await runCollector(collectorFor('cloudfront'));
    expect(run.violations).toEqual([]);
    expect(run.resources[0]?.region).toBeUndefined();
    expect(run.resources[0]).toMatchObject({ properties: { DistributionConfig: { Enabled: true, DefaultCacheBehavior: { ViewerProtocolPolicy: 'allow-all' }, ViewerCertificate: { MinimumProtocolVersion: 'TLSv1' } } } });
    expect((run.resources[0]?.properties['DistributionConfig'] as Record<string, unknown>)['Logging']).toBeUndefined();
  });

  it('apigateway: REST APIs and stages with method settings', async () => {
    const client = mock(apigw.APIGatewayClient);
    client.on(apigw.GetRestApisCommand).resolves({ items: [{ id: 'a1', name: 'orders', endpointConfiguration: { types: ['REGIONAL'] } }] });
    client.on(apigw.GetStagesCommand).resolves({ item: [{ stageName: 'prod', tracingEnabled: false, methodSettings: { '*/*': { loggingLevel: 'OFF', dataTraceEnabled: false, metricsEnabled: true } } }] });
    const run = await runCollector(collectorFor('apigateway'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::ApiGateway::Stage')[0]?.properties).toMatchObject({ StageName: 'prod', MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'OFF' }] });
  });

  it('wafv2: web ACLs with logging and associations (CloudFront scope in us-east-1)', async () => {
    const client = mock(waf.WAFV2Client);
    client.on(waf.ListWebACLsCommand).callsFake((input: waf.ListWebACLsCommandInput) => ({ WebACLs: [{ Name: `${input.Scope ?? ''}-acl`, Id: 'id', ARN: `arn:aws:wafv2:${R}:${ACCOUNT}:${input.Scope === 'CLOUDFRONT' ? 'global' : 'regional'}/webacl/x/id` }] }));
    client.on(waf.GetWebACLCommand).resolves({ WebACL: { Name: 'x', Id: 'id', ARN: 'a', DefaultAction: { Allow: {} }, VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'm' }, Rules: [] } });
    client.on(waf.GetLoggingConfigurationCommand).rejects(awsError('WAFNonexistentItemException', 'none', 400));
    client.on(waf.ListResourcesForWebACLCommand).resolves({ ResourceArns: ['arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/1'] });
    const run = await runCollector(collectorFor('wafv2'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::WAFv2::WebACL').map((acl) => acl.properties['Scope']).sort()).toEqual(['CLOUDFRONT', 'REGIONAL']);
    expect(run.byType('AWS::WAFv2::WebACLAssociation')).toHaveLength(1);
  });

  it('emr: clusters, security configurations, block public access', async () => {
    const client = mock(emrSdk.EMRClient);
    client.on(emrSdk.ListClustersCommand).resolves({ Clusters: [{ Id: 'j-1', Name: 'etl' }] });
    client.on(emrSdk.DescribeClusterCommand).resolves({ Cluster: { Id: 'j-1', Name: 'etl', ReleaseLabel: 'emr-6.10.0', Status: {} } as emrSdk.Cluster });
    client.on(emrSdk.ListSecurityConfigurationsCommand).resolves({ SecurityConfigurations: [{ Name: 'sec' }] });
    client.on(emrSdk.DescribeSecurityConfigurationCommand).resolves({ Name: 'sec', SecurityConfiguration: JSON.stringify({ EncryptionConfiguration: { EnableAtRestEncryption: true } }) });
    client.on(emrSdk.GetBlockPublicAccessConfigurationCommand).resolves({ BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: true }, BlockPublicAccessConfigurationMetadata: { CreationDateTime: new Date(), CreatedByArn: 'x' } });
    const run = await runCollector(collectorFor('emr'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::EMR::SecurityConfiguration')[0]?.properties).toMatchObject({ SecurityConfiguration: { EncryptionConfiguration: { EnableAtRestEncryption: true } } });
    expect(run.byType('Demarc::EMR::BlockPublicAccess')[0]?.properties).toMatchObject({ BlockPublicSecurityGroupRules: true });
  });

  it('organizations: accounts and SCPs; outside an organization, nothing and no gap', async () => {
    const client = mock(org.OrganizationsClient);
    client.on(org.ListAccountsCommand).resolves({ Accounts: [{ Id: ACCOUNT, Arn: `arn:aws:organizations::${ACCOUNT}:account/o-1/${ACCOUNT}`, Name: 'prod', Status: 'ACTIVE' }] });
    client.on(org.ListPoliciesCommand).resolves({ Policies: [{ Id: 'p-FullAWSAccess', Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess', Name: 'FullAWSAccess', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: true }] });
    client.on(org.DescribePolicyCommand).resolves({ Policy: { Content: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) } });
    client.on(org.ListTargetsForPolicyCommand).resolves({ Targets: [{ TargetId: 'r-root' }] });
    const run = await runCollector(collectorFor('organizations'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::Organizations::Policy')[0]).toMatchObject({ managedBy: { owner: 'provider' }, properties: { TargetIds: ['r-root'] } });
    client.reset();
    client.onAnyCommand().rejects(awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400));
    const alone = await runCollector(collectorFor('organizations'));
    expect(alone.resources).toEqual([]);
    expect(alone.gaps).toEqual([]);
  });
});
