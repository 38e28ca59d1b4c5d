import { describe, expect, it } from 'vitest';
import * as apigw from '@aws-sdk/client-api-gateway';
import * as backupSdk from '@aws-sdk/client-backup';
import * as ddb from '@aws-sdk/client-dynamodb';
import * as ec from '@aws-sdk/client-elasticache';
import * as elbSdk from '@aws-sdk/client-elastic-load-balancing-v2';
import * as rdsSdk from '@aws-sdk/client-rds';
import * as rs from '@aws-sdk/client-redshift';
import * as s3Sdk from '@aws-sdk/client-s3';
import type { CollectionGap, Resource } from '../../src/inventory/resource.js';
import { Unknown } from '../../src/inventory/values.js';
import type { Check } from '../../src/checks/types.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import domainTls12 from '../../src/checks/apigateway/apigateway-domain-tls12.js';
import stageWaf from '../../src/checks/apigateway/apigateway-stage-waf-attached.js';
import efsBackup from '../../src/checks/efs/efs-file-system-backup-policy.js';
import httpRedirects from '../../src/checks/elb/elb-http-listener-redirects-https.js';
import rdsTls from '../../src/checks/rds/rds-tls-enforced.js';
import redshiftSsl from '../../src/checks/redshift/redshift-require-ssl.js';
import classificationTag from '../../src/checks/s3/s3-bucket-data-classification-tag.js';
import mfaDelete from '../../src/checks/s3/s3-bucket-mfa-delete.js';
import inTransit from '../../src/checks/elasticache/elasticache-replication-group-encryption-in-transit.js';
import tablePolicy from '../../src/checks/dynamodb/dynamodb-table-policy-not-public.js';
import { ACCOUNT, awsError, collectorFor, runCollector, useClientMocks } from './support/harness.js';

const mock = useClientMocks();
const R = 'us-east-1';

/** `name:status` of every finding the checks give on the collected resources, sorted. */
function statuses(resources: Resource[], checks: Check[], gaps: CollectionGap[] = []): string[] {
  const result = evaluateInventory({ resources, gaps, problems: [], sources: [] }, { checks, now: new Date('2026-01-01T00:00:00Z') });
  return result.findings.map((finding) => `${finding.checkId}:${finding.resource.name ?? finding.resource.id}:${finding.status}`).sort();
}

describe('apigateway: custom domain names and stage web ACLs', () => {
  it('reads REST custom domain names across pages in the CloudFormation shape', async () => {
    const client = mock(apigw.APIGatewayClient);
    client.on(apigw.GetRestApisCommand).resolves({ items: [] });
    client.on(apigw.GetDomainNamesCommand, { position: undefined }).resolves({
      items: [
        { domainName: 'legacy.example.com', securityPolicy: 'TLS_1_0', certificateArn: 'arn:aws:acm:us-east-1:1:certificate/a', endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' }, tags: { team: 'web' } },
        { domainName: 'api.example.com', securityPolicy: 'TLS_1_2', regionalCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/b', endpointConfiguration: { types: ['REGIONAL'] }, mutualTlsAuthentication: { truststoreUri: 's3://trust/ca.pem', truststoreVersion: '3' } },
      ],
      position: 'page-2',
    });
    client.on(apigw.GetDomainNamesCommand, { position: 'page-2' }).resolves({
      items: [
        {
          domainName: 'internal.example.com',
          domainNameId: 'abc123',
          domainNameArn: `arn:aws:apigateway:${R}:${ACCOUNT}:/domainnames/internal.example.com+abc123`,
          securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
          endpointConfiguration: { types: ['PRIVATE'] },
        },
      ],
    });
    const run = await runCollector(collectorFor('apigateway'));
    expect(run.violations).toEqual([]);
    expect(run.gaps).toEqual([]);
    const domains = run.byType('AWS::ApiGateway::DomainName');
    expect(domains.map((domain) => domain.id)).toEqual([
      `arn:aws:apigateway:${R}::/domainnames/legacy.example.com`,
      `arn:aws:apigateway:${R}::/domainnames/api.example.com`,
      `arn:aws:apigateway:${R}:${ACCOUNT}:/domainnames/internal.example.com+abc123`,
    ]);
    expect(domains[0]?.properties).toEqual({
      DomainName: 'legacy.example.com',
      SecurityPolicy: 'TLS_1_0',
      EndpointConfiguration: { Types: ['EDGE'], IpAddressType: 'ipv4' },
      CertificateArn: 'arn:aws:acm:us-east-1:1:certificate/a',
      Tags: [{ Key: 'team', Value: 'web' }],
    });
    expect(domains[1]?.properties).toMatchObject({ SecurityPolicy: 'TLS_1_2', RegionalCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/b', MutualTlsAuthentication: { TruststoreUri: 's3://trust/ca.pem', TruststoreVersion: '3' } });
    expect(statuses(domains, [domainTls12])).toEqual([
      'apigateway-domain-tls12:api.example.com:pass',
      'apigateway-domain-tls12:internal.example.com:pass',
      'apigateway-domain-tls12:legacy.example.com:fail',
    ]);
  });

  it('a denied domain listing is a gap for domain names only', async () => {
    const client = mock(apigw.APIGatewayClient);
    client.on(apigw.GetRestApisCommand).resolves({ items: [{ id: 'a1', name: 'orders' }] });
    client.on(apigw.GetStagesCommand).resolves({ item: [] });
    client.on(apigw.GetDomainNamesCommand).rejects(awsError('AccessDeniedException', 'not allowed', 403));
    const run = await runCollector(collectorFor('apigateway'));
    expect(run.byType('AWS::ApiGateway::RestApi')).toHaveLength(1);
    expect(run.byType('AWS::ApiGateway::DomainName')).toEqual([]);
    expect(run.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::ApiGateway::DomainName'], call: 'apigateway:GET', service: 'apigateway' })]);
  });

  it("turns a stage's own web ACL into the association the WAF check looks for", async () => {
    const acl = `arn:aws:wafv2:${R}:${ACCOUNT}:regional/webacl/edge-rules/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`;
    const client = mock(apigw.APIGatewayClient);
    client.on(apigw.GetRestApisCommand).resolves({ items: [{ id: 'a1', name: 'orders' }] });
    client.on(apigw.GetStagesCommand).resolves({ item: [{ stageName: 'prod', webAclArn: acl }, { stageName: 'dev' }] });
    client.on(apigw.GetDomainNamesCommand).resolves({ items: [] });
    const run = await runCollector(collectorFor('apigateway'));
    expect(run.violations).toEqual([]);
    const stageArn = `arn:aws:apigateway:${R}::/restapis/a1/stages/prod`;
    expect(run.byType('AWS::ApiGateway::Stage').find((stage) => stage.id === stageArn)?.properties['WebAclArn']).toBe(acl);
    expect(run.byType('AWS::WAFv2::WebACLAssociation').map((association) => association.properties)).toEqual([{ ResourceArn: stageArn, WebACLArn: acl }]);
    expect(statuses(run.resources, [stageWaf])).toEqual(['apigateway-stage-waf-attached:orders/dev:fail', 'apigateway-stage-waf-attached:orders/prod:pass']);

    // Without the association type wanted, stages are read as before and no association is made up.
    const stagesOnly = await runCollector(collectorFor('apigateway'), { wanted: ['AWS::ApiGateway::Stage'] });
    expect(stagesOnly.byType('AWS::WAFv2::WebACLAssociation')).toEqual([]);
    expect(stagesOnly.calls.map((call) => call.command).sort()).toEqual(['GetRestApisCommand', 'GetStagesCommand']);
  });
});

describe('backup collector', () => {
  const planArn = (id: string): string => `arn:aws:backup:${R}:${ACCOUNT}:backup-plan:${id}`;
  const fileSystemArn = `arn:aws:elasticfilesystem:${R}:${ACCOUNT}:file-system/fs-0a1b2c3d`;
  const fileSystem = (id: string, arn: string): Resource => ({ id: arn, arn, name: id, type: 'AWS::EFS::FileSystem', scope: `aws://${ACCOUNT}`, origin: { kind: 'aws' }, account: ACCOUNT, region: R, properties: { FileSystemId: id } });

  it('reads the selections of every plan, across pages, in the CloudFormation shape', async () => {
    const client = mock(backupSdk.BackupClient);
    client.on(backupSdk.ListBackupPlansCommand, { NextToken: undefined }).resolves({ BackupPlansList: [{ BackupPlanId: 'p1', BackupPlanArn: planArn('p1'), BackupPlanName: 'daily' }], NextToken: 'plans-2' });
    client.on(backupSdk.ListBackupPlansCommand, { NextToken: 'plans-2' }).resolves({ BackupPlansList: [{ BackupPlanId: 'p2', BackupPlanArn: planArn('p2'), BackupPlanName: 'weekly' }] });
    client.on(backupSdk.ListBackupSelectionsCommand, { BackupPlanId: 'p1', NextToken: undefined }).resolves({ BackupSelectionsList: [{ SelectionId: 's1', SelectionName: 'file-systems', BackupPlanId: 'p1' }], NextToken: 'sel-2' });
    client.on(backupSdk.ListBackupSelectionsCommand, { BackupPlanId: 'p1', NextToken: 'sel-2' }).resolves({ BackupSelectionsList: [{ SelectionId: 's2', SelectionName: 'tagged', BackupPlanId: 'p1' }] });
    client.on(backupSdk.ListBackupSelectionsCommand, { BackupPlanId: 'p2' }).resolves({ BackupSelectionsList: [{ SelectionId: 's3', SelectionName: 'gone', BackupPlanId: 'p2' }] });
    client.on(backupSdk.GetBackupSelectionCommand, { BackupPlanId: 'p1', SelectionId: 's1' }).resolves({
      BackupPlanId: 'p1',
      SelectionId: 's1',
      BackupSelection: { SelectionName: 'file-systems', IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup`, Resources: [fileSystemArn], NotResources: [], ListOfTags: [], Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'yes' }] } },
    });
    client.on(backupSdk.GetBackupSelectionCommand, { BackupPlanId: 'p1', SelectionId: 's2' }).resolves({
      BackupPlanId: 'p1',
      SelectionId: 's2',
      BackupSelection: { SelectionName: 'tagged', IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup`, ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] },
    });
    client.on(backupSdk.GetBackupSelectionCommand, { BackupPlanId: 'p2', SelectionId: 's3' }).rejects(awsError('ResourceNotFoundException', 'no such selection', 404));
    const run = await runCollector(collectorFor('backup'));
    expect(run.violations).toEqual([]);
    expect(run.gaps).toEqual([]);
    const selections = run.byType('AWS::Backup::BackupSelection');
    expect(selections.map((selection) => [selection.id, selection.name])).toEqual([
      [`${planArn('p1')}/selection/s1`, 'file-systems'],
      [`${planArn('p1')}/selection/s2`, 'tagged'],
    ]);
    expect(selections[0]?.properties).toEqual({
      BackupPlanId: 'p1',
      BackupSelection: {
        SelectionName: 'file-systems',
        IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup`,
        Resources: [fileSystemArn],
        NotResources: [],
        ListOfTags: [],
        Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'yes' }] },
      },
    });
    expect(selections[1]?.properties['BackupSelection']).toMatchObject({ ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] });
    const other = `arn:aws:elasticfilesystem:${R}:${ACCOUNT}:file-system/fs-99`;
    expect(statuses([...selections, fileSystem('fs-0a1b2c3d', fileSystemArn), fileSystem('fs-99', other)], [efsBackup])).toEqual([
      'efs-file-system-backup-policy:fs-0a1b2c3d:pass',
      'efs-file-system-backup-policy:fs-99:fail',
    ]);
  });

  it('a selection that cannot be read is an Unknown, and a denied plan listing a gap', async () => {
    const client = mock(backupSdk.BackupClient);
    client.on(backupSdk.ListBackupPlansCommand).resolves({ BackupPlansList: [{ BackupPlanId: 'p1', BackupPlanArn: planArn('p1') }] });
    client.on(backupSdk.ListBackupSelectionsCommand).resolves({ BackupSelectionsList: [{ SelectionId: 's1', SelectionName: 'file-systems' }] });
    client.on(backupSdk.GetBackupSelectionCommand).rejects(awsError('AccessDeniedException', 'not allowed', 403));
    const run = await runCollector(collectorFor('backup'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::Backup::BackupSelection')[0]?.properties['BackupSelection']).toBeInstanceOf(Unknown);
    expect(run.gaps).toEqual([expect.objectContaining({ call: 'backup:GetBackupSelection', resourceId: `${planArn('p1')}/selection/s1` })]);

    client.reset();
    client.on(backupSdk.ListBackupPlansCommand).rejects(awsError('AccessDeniedException', 'not allowed', 403));
    const denied = await runCollector(collectorFor('backup'));
    expect(denied.resources).toEqual([]);
    expect(denied.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::Backup::BackupSelection'], call: 'backup:ListBackupPlans', service: 'backup' })]);
  });
});

describe('elb collector: listener rules', () => {
  const lb = (name: string, type: 'application' | 'network'): elbSdk.LoadBalancer => ({ LoadBalancerArn: `arn:aws:elasticloadbalancing:${R}:${ACCOUNT}:loadbalancer/${type === 'application' ? 'app' : 'net'}/${name}/1`, LoadBalancerName: name, Type: type, Scheme: 'internet-facing' });
  const listenerArn = (name: string, port: number): string => `arn:aws:elasticloadbalancing:${R}:${ACCOUNT}:listener/app/${name}/1/${port}`;
  const ruleArn = (name: string, id: string): string => `arn:aws:elasticloadbalancing:${R}:${ACCOUNT}:listener-rule/app/${name}/1/80/${id}`;
  const redirect: elbSdk.Action = { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };

  it('reads the rules of ALB listeners across pages, without the default rule, and the HTTP check judges them', async () => {
    const client = mock(elbSdk.ElasticLoadBalancingV2Client);
    client.on(elbSdk.DescribeLoadBalancersCommand).resolves({ LoadBalancers: [lb('shop', 'application'), lb('tcp', 'network')] });
    client.on(elbSdk.DescribeLoadBalancerAttributesCommand).resolves({ Attributes: [] });
    client.on(elbSdk.DescribeListenersCommand, { LoadBalancerArn: lb('shop', 'application').LoadBalancerArn }).resolves({
      Listeners: [
        { ListenerArn: listenerArn('shop', 80), Port: 80, Protocol: 'HTTP', DefaultActions: [redirect] },
        { ListenerArn: listenerArn('shop', 8080), Port: 8080, Protocol: 'HTTP', DefaultActions: [redirect] },
      ],
    });
    client.on(elbSdk.DescribeListenersCommand, { LoadBalancerArn: lb('tcp', 'network').LoadBalancerArn }).resolves({ Listeners: [{ ListenerArn: `arn:aws:elasticloadbalancing:${R}:${ACCOUNT}:listener/net/tcp/1/443`, Port: 443, Protocol: 'TCP', DefaultActions: [] }] });
    client.on(elbSdk.DescribeRulesCommand, { ListenerArn: listenerArn('shop', 80), Marker: undefined }).resolves({
      Rules: [
        { RuleArn: ruleArn('shop', 'legacy'), Priority: '10', IsDefault: false, Conditions: [{ Field: 'path-pattern', Values: ['/legacy/*'], PathPatternConfig: { Values: ['/legacy/*'] } }], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/legacy/1', Order: 1 }] },
      ],
      NextMarker: 'rules-2',
    });
    client.on(elbSdk.DescribeRulesCommand, { ListenerArn: listenerArn('shop', 80), Marker: 'rules-2' }).resolves({
      Rules: [{ RuleArn: ruleArn('shop', 'default'), Priority: 'default', IsDefault: true, Conditions: [], Actions: [redirect] }],
    });
    client.on(elbSdk.DescribeRulesCommand, { ListenerArn: listenerArn('shop', 8080) }).resolves({
      Rules: [
        { RuleArn: ruleArn('shop', 'health'), Priority: '5', IsDefault: false, Conditions: [{ Field: 'path-pattern', Values: ['/health'] }], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody: 'ok' } }] },
        { RuleArn: ruleArn('shop', 'old-site'), Priority: '6', IsDefault: false, Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['old.example.com'] } }], Actions: [redirect] },
      ],
    });
    const run = await runCollector(collectorFor('elb'));
    expect(run.violations).toEqual([]);
    expect(run.gaps).toEqual([]);
    // Network Load Balancers have no rules to read.
    expect(run.calls.filter((call) => call.command === 'DescribeRulesCommand')).toHaveLength(3);
    const rules = run.byType('AWS::ElasticLoadBalancingV2::ListenerRule');
    expect(rules.map((rule) => rule.id).sort()).toEqual([ruleArn('shop', 'health'), ruleArn('shop', 'legacy'), ruleArn('shop', 'old-site')]);
    expect(rules.find((rule) => rule.id === ruleArn('shop', 'legacy'))?.properties).toEqual({
      ListenerArn: listenerArn('shop', 80),
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', Values: ['/legacy/*'], PathPatternConfig: { Values: ['/legacy/*'] } }],
      Actions: [{ Type: 'forward', Order: 1, TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/legacy/1' }],
    });
    // The response body is free text and is not kept.
    expect(rules.find((rule) => rule.id === ruleArn('shop', 'health'))?.properties['Actions']).toEqual([{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain' } }]);
    expect(statuses(run.resources, [httpRedirects])).toEqual([
      'elb-http-listener-redirects-https:shop:8080:pass',
      'elb-http-listener-redirects-https:shop:80:fail',
      'elb-http-listener-redirects-https:tcp:443:not-applicable',
    ]);
  });

  it('rules that cannot be read are a gap: the listener is still read, and its pass becomes unknown', async () => {
    const client = mock(elbSdk.ElasticLoadBalancingV2Client);
    client.on(elbSdk.DescribeLoadBalancersCommand).resolves({ LoadBalancers: [lb('shop', 'application')] });
    client.on(elbSdk.DescribeLoadBalancerAttributesCommand).resolves({ Attributes: [] });
    client.on(elbSdk.DescribeListenersCommand).resolves({ Listeners: [{ ListenerArn: listenerArn('shop', 80), Port: 80, Protocol: 'HTTP', DefaultActions: [redirect] }] });
    client.on(elbSdk.DescribeRulesCommand).rejects(awsError('AccessDenied', 'not allowed', 403));
    const run = await runCollector(collectorFor('elb'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::ElasticLoadBalancingV2::Listener')).toHaveLength(1);
    expect(run.byType('AWS::ElasticLoadBalancingV2::ListenerRule')).toEqual([]);
    expect(run.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::ElasticLoadBalancingV2::ListenerRule'], call: 'elasticloadbalancing:DescribeRules', region: R })]);
    expect(statuses(run.resources, [httpRedirects], run.gaps).filter((status) => status.includes('shop'))).toEqual(['elb-http-listener-redirects-https:shop:80:unknown']);
  });
});

describe('rds collector: parameter groups', () => {
  const pgArn = (name: string): string => `arn:aws:rds:${R}:${ACCOUNT}:pg:${name}`;
  const cpgArn = (name: string): string => `arn:aws:rds:${R}:${ACCOUNT}:cluster-pg:${name}`;
  const instance = (id: string, group: string, engine = 'postgres', version = '14.10'): rdsSdk.DBInstance => ({
    DBInstanceIdentifier: id,
    DBInstanceArn: `arn:aws:rds:${R}:${ACCOUNT}:db:${id}`,
    Engine: engine,
    EngineVersion: version,
    DBParameterGroups: [{ DBParameterGroupName: group, ParameterApplyStatus: 'in-sync' }],
  });

  function mockRds() {
    const client = mock(rdsSdk.RDSClient);
    client.on(rdsSdk.DescribeDBSnapshotsCommand).resolves({ DBSnapshots: [] });
    client.on(rdsSdk.DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [] });
    client.on(rdsSdk.DescribeDBInstancesCommand).resolves({
      DBInstances: [instance('orders', 'orders-pg'), instance('billing', 'billing-pg', 'mysql', '8.0.35'), instance('legacy', 'default.postgres13', 'postgres', '13.14'), instance('reports', 'reports-pg')],
    });
    client.on(rdsSdk.DescribeDBClustersCommand).resolves({
      DBClusters: [{ DBClusterIdentifier: 'ledger', DBClusterArn: `arn:aws:rds:${R}:${ACCOUNT}:cluster:ledger`, Engine: 'aurora-mysql', EngineVersion: '8.0.mysql_aurora.3.05.2', DBClusterParameterGroup: 'ledger-cpg' }],
    });
    client.on(rdsSdk.DescribeDBParameterGroupsCommand, { Marker: undefined }).resolves({
      DBParameterGroups: [
        { DBParameterGroupName: 'orders-pg', DBParameterGroupFamily: 'postgres14', Description: 'orders', DBParameterGroupArn: pgArn('orders-pg') },
        { DBParameterGroupName: 'default.postgres13', DBParameterGroupFamily: 'postgres13', Description: 'Default parameter group for postgres13', DBParameterGroupArn: pgArn('default.postgres13') },
      ],
      Marker: 'groups-2',
    });
    client.on(rdsSdk.DescribeDBParameterGroupsCommand, { Marker: 'groups-2' }).resolves({
      DBParameterGroups: [
        { DBParameterGroupName: 'billing-pg', DBParameterGroupFamily: 'mysql8.0', DBParameterGroupArn: pgArn('billing-pg') },
        { DBParameterGroupName: 'reports-pg', DBParameterGroupFamily: 'postgres14', DBParameterGroupArn: pgArn('reports-pg') },
        { DBParameterGroupName: 'graph-pg', DBParameterGroupFamily: 'neptune1.3', DBParameterGroupArn: pgArn('graph-pg') },
      ],
    });
    client.on(rdsSdk.DescribeDBParametersCommand, { DBParameterGroupName: 'orders-pg', Marker: undefined }).resolves({ Parameters: [{ ParameterName: 'log_connections', ParameterValue: '1', Source: 'user' }], Marker: 'params-2' });
    client.on(rdsSdk.DescribeDBParametersCommand, { DBParameterGroupName: 'orders-pg', Marker: 'params-2' }).resolves({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'user' }] });
    client.on(rdsSdk.DescribeDBParametersCommand, { DBParameterGroupName: 'billing-pg' }).resolves({ Parameters: [{ ParameterName: 'require_secure_transport', ParameterValue: 'OFF', Source: 'user' }] });
    client.on(rdsSdk.DescribeDBParametersCommand, { DBParameterGroupName: 'reports-pg' }).rejects(awsError('AccessDenied', 'not allowed', 403));
    client.on(rdsSdk.DescribeDBClusterParameterGroupsCommand).resolves({
      DBClusterParameterGroups: [
        { DBClusterParameterGroupName: 'ledger-cpg', DBParameterGroupFamily: 'aurora-mysql8.0', DBClusterParameterGroupArn: cpgArn('ledger-cpg') },
        { DBClusterParameterGroupName: 'docs-cpg', DBParameterGroupFamily: 'docdb5.0', DBClusterParameterGroupArn: cpgArn('docs-cpg') },
      ],
    });
    client.on(rdsSdk.DescribeDBClusterParametersCommand, { DBClusterParameterGroupName: 'ledger-cpg' }).resolves({ Parameters: [{ ParameterName: 'require_secure_transport', ParameterValue: 'ON', Source: 'user' }] });
    return client;
  }

  it('reads DB and cluster parameter groups with the parameters the customer set, named as instances and clusters name them', async () => {
    const client = mockRds();
    const run = await runCollector(collectorFor('rds'));
    expect(run.violations).toEqual([]);
    // Only modified parameters are read, and default groups (which cannot be modified) are not asked about.
    for (const call of client.commandCalls(rdsSdk.DescribeDBParametersCommand)) expect(call.args[0].input.Source).toBe('user');
    for (const call of client.commandCalls(rdsSdk.DescribeDBClusterParametersCommand)) expect(call.args[0].input.Source).toBe('user');
    expect(client.commandCalls(rdsSdk.DescribeDBParametersCommand).map((call) => call.args[0].input.DBParameterGroupName).sort()).toEqual(['billing-pg', 'orders-pg', 'orders-pg', 'reports-pg']);
    const groups = run.byType('AWS::RDS::DBParameterGroup');
    expect(groups.map((group) => [group.id, group.name]).sort()).toEqual(['billing-pg', 'default.postgres13', 'orders-pg', 'reports-pg'].map((name) => [pgArn(name), name]));
    expect(groups.find((group) => group.name === 'orders-pg')?.properties).toEqual({ DBParameterGroupName: 'orders-pg', Family: 'postgres14', Description: 'orders', Parameters: { log_connections: '1', 'rds.force_ssl': '1' } });
    expect(groups.find((group) => group.name === 'default.postgres13')?.properties['Parameters']).toEqual({});
    expect(groups.find((group) => group.name === 'reports-pg')?.properties['Parameters']).toBeInstanceOf(Unknown);
    expect(run.gaps).toEqual([expect.objectContaining({ call: 'rds:DescribeDBParameters', resourceId: pgArn('reports-pg') })]);
    expect(run.byType('AWS::RDS::DBClusterParameterGroup').map((group) => group.properties)).toEqual([
      { DBClusterParameterGroupName: 'ledger-cpg', Family: 'aurora-mysql8.0', Parameters: { require_secure_transport: 'ON' } },
    ]);
    expect(run.byType('AWS::RDS::DBInstance').find((db) => db.name === 'orders')?.properties['DBParameterGroupName']).toBe('orders-pg');
    expect(statuses(run.resources, [rdsTls])).toEqual([
      'rds-tls-enforced:billing:fail',
      'rds-tls-enforced:ledger:pass',
      'rds-tls-enforced:legacy:fail',
      'rds-tls-enforced:orders:pass',
      'rds-tls-enforced:reports:unknown',
    ]);
  });

  it('a denied group listing is a gap for that type only', async () => {
    const client = mockRds();
    client.on(rdsSdk.DescribeDBParameterGroupsCommand).rejects(awsError('AccessDenied', 'not allowed', 403));
    const run = await runCollector(collectorFor('rds'));
    expect(run.byType('AWS::RDS::DBParameterGroup')).toEqual([]);
    expect(run.byType('AWS::RDS::DBClusterParameterGroup')).toHaveLength(1);
    expect(run.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::RDS::DBParameterGroup'], call: 'rds:DescribeDBParameterGroups' })]);
  });
});

describe('redshift collector: parameter groups', () => {
  it('reads every parameter of each group, across pages, and the require_ssl check judges the live value', async () => {
    const client = mock(rs.RedshiftClient);
    client.on(rs.DescribeClustersCommand).resolves({
      Clusters: [
        { ClusterIdentifier: 'secure', Encrypted: true, ClusterParameterGroups: [{ ParameterGroupName: 'tls-required' }] },
        { ClusterIdentifier: 'open', Encrypted: true, ClusterParameterGroups: [{ ParameterGroupName: 'tls-optional' }] },
        { ClusterIdentifier: 'hidden', Encrypted: true, ClusterParameterGroups: [{ ParameterGroupName: 'locked' }] },
      ],
    });
    client.on(rs.DescribeLoggingStatusCommand).resolves({ LoggingEnabled: false });
    client.on(rs.DescribeClusterParameterGroupsCommand, { Marker: undefined }).resolves({ ParameterGroups: [{ ParameterGroupName: 'tls-required', ParameterGroupFamily: 'redshift-1.0', Description: 'tls', Tags: [{ Key: 'team', Value: 'bi' }] }], Marker: 'groups-2' });
    client.on(rs.DescribeClusterParameterGroupsCommand, { Marker: 'groups-2' }).resolves({ ParameterGroups: [{ ParameterGroupName: 'tls-optional', ParameterGroupFamily: 'redshift-1.0' }, { ParameterGroupName: 'locked', ParameterGroupFamily: 'redshift-1.0' }] });
    client.on(rs.DescribeClusterParametersCommand, { ParameterGroupName: 'tls-required', Marker: undefined }).resolves({ Parameters: [{ ParameterName: 'enable_user_activity_logging', ParameterValue: 'true', Source: 'user' }], Marker: 'p2' });
    client.on(rs.DescribeClusterParametersCommand, { ParameterGroupName: 'tls-required', Marker: 'p2' }).resolves({ Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'true', Source: 'user' }] });
    client.on(rs.DescribeClusterParametersCommand, { ParameterGroupName: 'tls-optional' }).resolves({ Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'false', Source: 'engine-default' }] });
    client.on(rs.DescribeClusterParametersCommand, { ParameterGroupName: 'locked' }).rejects(awsError('AccessDenied', 'not allowed', 403));
    const run = await runCollector(collectorFor('redshift'));
    expect(run.violations).toEqual([]);
    const groups = run.byType('AWS::Redshift::ClusterParameterGroup');
    const group = (name: string): Resource | undefined => groups.find((candidate) => candidate.name === name);
    expect(groups.map((candidate) => [candidate.id, candidate.name]).sort()).toEqual(['locked', 'tls-optional', 'tls-required'].map((name) => [`arn:aws:redshift:${R}:${ACCOUNT}:parametergroup:${name}`, name]));
    expect(group('tls-required')?.properties).toEqual({
      ParameterGroupName: 'tls-required',
      ParameterGroupFamily: 'redshift-1.0',
      Description: 'tls',
      Parameters: [{ ParameterName: 'enable_user_activity_logging', ParameterValue: 'true' }, { ParameterName: 'require_ssl', ParameterValue: 'true' }],
      Tags: [{ Key: 'team', Value: 'bi' }],
    });
    expect(group('locked')?.properties['Parameters']).toBeInstanceOf(Unknown);
    expect(statuses(run.resources, [redshiftSsl])).toEqual(['redshift-require-ssl:hidden:unknown', 'redshift-require-ssl:open:fail', 'redshift-require-ssl:secure:pass']);
  });
});

describe('s3 collector: tags and MFA delete', () => {
  function mockS3() {
    const client = mock(s3Sdk.S3Client);
    client.on(s3Sdk.ListBucketsCommand).resolves({ Buckets: [{ Name: 'ledger', BucketRegion: R }, { Name: 'scratch', BucketRegion: R }, { Name: 'vault', BucketRegion: R }] });
    client.on(s3Sdk.GetBucketEncryptionCommand).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError', 'none', 404));
    client.on(s3Sdk.GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'none', 404));
    client.on(s3Sdk.GetBucketLoggingCommand).resolves({});
    client.on(s3Sdk.GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 'none', 404));
    client.on(s3Sdk.GetBucketAclCommand).resolves({ Grants: [] });
    client.on(s3Sdk.GetBucketOwnershipControlsCommand).rejects(awsError('OwnershipControlsNotFoundError', 'none', 404));
    client.on(s3Sdk.GetBucketVersioningCommand, { Bucket: 'ledger' }).resolves({ Status: 'Enabled', MFADelete: 'Enabled' });
    client.on(s3Sdk.GetBucketVersioningCommand, { Bucket: 'scratch' }).resolves({ Status: 'Enabled', MFADelete: 'Disabled' });
    client.on(s3Sdk.GetBucketVersioningCommand, { Bucket: 'vault' }).rejects(awsError('AccessDenied', 'Access Denied', 403));
    client.on(s3Sdk.GetBucketTaggingCommand, { Bucket: 'ledger' }).resolves({ TagSet: [{ Key: 'data-classification', Value: 'confidential' }, { Key: 'team', Value: 'finance' }] });
    client.on(s3Sdk.GetBucketTaggingCommand, { Bucket: 'scratch' }).rejects(awsError('NoSuchTagSet', 'The TagSet does not exist', 404));
    client.on(s3Sdk.GetBucketTaggingCommand, { Bucket: 'vault' }).rejects(awsError('AccessDenied', 'Access Denied', 403));
    return client;
  }

  it('reads bucket tags and MFA delete; NoSuchTagSet is no tags, a denied call an Unknown', async () => {
    mockS3();
    const run = await runCollector(collectorFor('s3'), { wanted: ['AWS::S3::Bucket'] });
    expect(run.violations).toEqual([]);
    const bucket = (name: string): Resource | undefined => run.byType('AWS::S3::Bucket').find((candidate) => candidate.name === name);
    expect(bucket('ledger')?.properties['Tags']).toEqual([{ Key: 'data-classification', Value: 'confidential' }, { Key: 'team', Value: 'finance' }]);
    expect(bucket('ledger')?.properties['VersioningConfiguration']).toEqual({ Status: 'Enabled', MfaDelete: 'Enabled' });
    expect(bucket('scratch')?.properties['Tags']).toBeUndefined();
    expect(bucket('scratch')?.properties['VersioningConfiguration']).toEqual({ Status: 'Enabled', MfaDelete: 'Disabled' });
    expect(bucket('vault')?.properties['Tags']).toBeInstanceOf(Unknown);
    expect(bucket('vault')?.properties['VersioningConfiguration']).toBeInstanceOf(Unknown);
    expect(run.gaps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ call: 's3:GetBucketTagging', resourceId: 'arn:aws:s3:::vault' }),
        expect.objectContaining({ call: 's3:GetBucketVersioning', resourceId: 'arn:aws:s3:::vault' }),
      ]),
    );
    expect(statuses(run.resources, [classificationTag, mfaDelete])).toEqual([
      's3-bucket-data-classification-tag:ledger:pass',
      's3-bucket-data-classification-tag:scratch:fail',
      's3-bucket-data-classification-tag:vault:unknown',
      's3-bucket-mfa-delete:ledger:pass',
      's3-bucket-mfa-delete:scratch:fail',
      's3-bucket-mfa-delete:vault:unknown',
    ]);
  });
});

describe('elasticache collector: transit encryption mode', () => {
  it('maps TransitEncryptionMode, so that "preferred" fails the in-transit check', async () => {
    const client = mock(ec.ElastiCacheClient);
    client.on(ec.DescribeReplicationGroupsCommand).resolves({
      ReplicationGroups: [
        { ReplicationGroupId: 'sessions', ARN: `arn:aws:elasticache:${R}:${ACCOUNT}:replicationgroup:sessions`, TransitEncryptionEnabled: true, TransitEncryptionMode: 'preferred' },
        { ReplicationGroupId: 'carts', ARN: `arn:aws:elasticache:${R}:${ACCOUNT}:replicationgroup:carts`, TransitEncryptionEnabled: true, TransitEncryptionMode: 'required' },
        { ReplicationGroupId: 'legacy', ARN: `arn:aws:elasticache:${R}:${ACCOUNT}:replicationgroup:legacy`, TransitEncryptionEnabled: true },
      ],
    });
    client.on(ec.DescribeCacheClustersCommand).resolves({ CacheClusters: [] });
    const run = await runCollector(collectorFor('elasticache'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::ElastiCache::ReplicationGroup').map((group) => group.properties['TransitEncryptionMode'])).toEqual(['preferred', 'required', undefined]);
    expect(statuses(run.resources, [inTransit])).toEqual([
      'elasticache-replication-group-encryption-in-transit:carts:pass',
      'elasticache-replication-group-encryption-in-transit:legacy:pass',
      'elasticache-replication-group-encryption-in-transit:sessions:fail',
    ]);
  });
});

describe('dynamodb collector: resource policies', () => {
  it('reads each table policy; none is no policy, a denied read an Unknown', async () => {
    const client = mock(ddb.DynamoDBClient);
    client.on(ddb.ListTablesCommand).resolves({ TableNames: ['open', 'private', 'plain', 'hidden'] });
    client.on(ddb.DescribeTableCommand).callsFake((input: { TableName: string }) => ({ Table: { TableName: input.TableName, TableArn: `arn:aws:dynamodb:${R}:${ACCOUNT}:table/${input.TableName}`, SSEDescription: { Status: 'ENABLED', SSEType: 'KMS' } } }));
    client.on(ddb.DescribeContinuousBackupsCommand).resolves({ ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' } } });
    const tableArn = (name: string): string => `arn:aws:dynamodb:${R}:${ACCOUNT}:table/${name}`;
    const policy = (principal: unknown, condition?: unknown): string =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'dynamodb:GetItem', Resource: '*', ...(condition ? { Condition: condition } : {}) }] });
    client.on(ddb.GetResourcePolicyCommand, { ResourceArn: tableArn('open') }).resolves({ Policy: policy('*'), RevisionId: '1' });
    client.on(ddb.GetResourcePolicyCommand, { ResourceArn: tableArn('private') }).resolves({ Policy: policy({ AWS: `arn:aws:iam::${ACCOUNT}:role/app` }), RevisionId: '1' });
    client.on(ddb.GetResourcePolicyCommand, { ResourceArn: tableArn('plain') }).rejects(awsError('PolicyNotFoundException', 'no policy', 400));
    client.on(ddb.GetResourcePolicyCommand, { ResourceArn: tableArn('hidden') }).rejects(awsError('AccessDeniedException', 'not allowed', 400));
    const run = await runCollector(collectorFor('dynamodb'));
    expect(run.violations).toEqual([]);
    const table = (name: string): Resource | undefined => run.byType('AWS::DynamoDB::Table').find((candidate) => candidate.name === name);
    expect(table('open')?.properties['ResourcePolicy']).toMatchObject({ PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: '*' }] } });
    expect(table('plain')?.properties['ResourcePolicy']).toBeUndefined();
    expect(table('hidden')?.properties['ResourcePolicy']).toBeInstanceOf(Unknown);
    expect(run.gaps).toEqual([expect.objectContaining({ call: 'dynamodb:GetResourcePolicy', resourceId: tableArn('hidden') })]);
    expect(statuses(run.resources, [tablePolicy])).toEqual([
      'dynamodb-table-policy-not-public:hidden:unknown',
      'dynamodb-table-policy-not-public:open:fail',
      'dynamodb-table-policy-not-public:plain:pass',
      'dynamodb-table-policy-not-public:private:pass',
    ]);
  });
});
