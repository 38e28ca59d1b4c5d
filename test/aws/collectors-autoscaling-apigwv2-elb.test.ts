import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import * as asg from '@aws-sdk/client-auto-scaling';
import * as apigw2 from '@aws-sdk/client-apigatewayv2';
import * as elbClassicSdk from '@aws-sdk/client-elastic-load-balancing';
import { requiredActions } from '../../src/inventory/sources/aws/policy.js';
import { redactInventory } from '../../src/inventory/redact.js';
import { Redacted, Unknown } from '../../src/inventory/values.js';
import type { Resource } from '../../src/inventory/resource.js';
import type { Check } from '../../src/checks/types.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import launchConfigImdsv2 from '../../src/checks/autoscaling/autoscaling-launch-config-imdsv2.js';
import launchConfigEbsEncrypted from '../../src/checks/autoscaling/autoscaling-launch-config-ebs-encrypted.js';
import launchConfigUserData from '../../src/checks/autoscaling/autoscaling-launch-config-user-data-no-secrets.js';
import stageAccessLogging from '../../src/checks/apigateway/apigateway-stage-access-logging.js';
import elbAccessLogging from '../../src/checks/elb/elb-access-logging.js';
import { ACCOUNT, awsError, collectorFor, runCollector, useClientMocks } from './support/harness.js';

const mock = useClientMocks();
const R = 'us-east-1';
const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** `name:status` of every finding the checks give on the collected resources, sorted. */
function statuses(resources: Resource[], checks: Check[]): string[] {
  const result = evaluateInventory({ resources, gaps: [], problems: [], sources: [] }, { checks, now: new Date('2026-01-01T00:00:00Z') });
  return result.findings.map((finding) => `${finding.checkId}:${finding.resource.name ?? finding.resource.id}:${finding.status}`).sort();
}

describe('autoscaling collector', () => {
  const leakyScript = '#!/bin/bash\nexport DB_PASSWORD=Pr0d-db-pw-7f3a91\n/opt/app/start\n';
  const plainScript = '#!/bin/bash\nyum -y update\n/opt/app/start\n';

  it('launch configurations across pages and groups, in the CloudFormation shape, user data judged and dropped', async () => {
    const client = mock(asg.AutoScalingClient);
    client.on(asg.DescribeLaunchConfigurationsCommand, { NextToken: undefined }).resolves({
      LaunchConfigurations: [{
        LaunchConfigurationName: 'legacy-web',
        LaunchConfigurationARN: `arn:aws:autoscaling:${R}:${ACCOUNT}:launchConfiguration:0b7c1a52-1a2b-4c3d-9e8f-001122334455:launchConfigurationName/legacy-web`,
        ImageId: 'ami-0abcdef1234567890',
        KeyName: '',
        SecurityGroups: ['sg-0123456789abcdef0'],
        ClassicLinkVPCSecurityGroups: [],
        UserData: base64(leakyScript),
        InstanceType: 't3.micro',
        KernelId: '',
        RamdiskId: '',
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp3', DeleteOnTermination: true, Encrypted: false } },
          { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
        ],
        InstanceMonitoring: { Enabled: true },
        CreatedTime: new Date('2024-03-01T10:00:00Z'),
        EbsOptimized: false,
        MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
      }],
      NextToken: 'bGVnYWN5LXdlYg==',
    });
    client.on(asg.DescribeLaunchConfigurationsCommand, { NextToken: 'bGVnYWN5LXdlYg==' }).resolves({
      LaunchConfigurations: [{
        LaunchConfigurationName: 'hardened-web',
        LaunchConfigurationARN: `arn:aws:autoscaling:${R}:${ACCOUNT}:launchConfiguration:5f6e7d8c-0000-4c3d-9e8f-001122334455:launchConfigurationName/hardened-web`,
        ImageId: 'ami-0abcdef1234567890',
        SecurityGroups: [],
        UserData: base64(plainScript),
        InstanceType: 'm5.large',
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, VolumeType: 'gp3', DeleteOnTermination: true, Encrypted: true } }],
        InstanceMonitoring: { Enabled: false },
        CreatedTime: new Date('2025-06-01T10:00:00Z'),
        EbsOptimized: true,
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' },
      }],
    });
    client.on(asg.DescribeAutoScalingGroupsCommand, { NextToken: undefined }).resolves({
      AutoScalingGroups: [{
        AutoScalingGroupName: 'web',
        AutoScalingGroupARN: `arn:aws:autoscaling:${R}:${ACCOUNT}:autoScalingGroup:11111111-2222-3333-4444-555555555555:autoScalingGroupName/web`,
        LaunchConfigurationName: 'legacy-web',
        MinSize: 1,
        MaxSize: 4,
        DesiredCapacity: 2,
        DefaultCooldown: 300,
        AvailabilityZones: ['us-east-1a', 'us-east-1b'],
        LoadBalancerNames: [],
        TargetGroupARNs: [],
        HealthCheckType: 'EC2',
        HealthCheckGracePeriod: 300,
        Instances: [],
        CreatedTime: new Date('2024-03-01T10:05:00Z'),
        SuspendedProcesses: [],
        VPCZoneIdentifier: 'subnet-0aaa1111,subnet-0bbb2222',
        EnabledMetrics: [],
        Tags: [{ ResourceId: 'web', ResourceType: 'auto-scaling-group', Key: 'team', Value: 'payments', PropagateAtLaunch: true }],
        TerminationPolicies: ['Default'],
        NewInstancesProtectedFromScaleIn: false,
        ServiceLinkedRoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
      }],
      NextToken: 'd2Vi',
    });
    client.on(asg.DescribeAutoScalingGroupsCommand, { NextToken: 'd2Vi' }).resolves({
      AutoScalingGroups: [{
        AutoScalingGroupName: 'api',
        AutoScalingGroupARN: `arn:aws:autoscaling:${R}:${ACCOUNT}:autoScalingGroup:66666666-2222-3333-4444-555555555555:autoScalingGroupName/api`,
        LaunchTemplate: { LaunchTemplateId: 'lt-0123456789abcdef0', LaunchTemplateName: 'api', Version: '$Default' },
        MinSize: 0,
        MaxSize: 2,
        DesiredCapacity: 0,
        DefaultCooldown: 300,
        AvailabilityZones: ['us-east-1a'],
        HealthCheckType: 'ELB',
        CreatedTime: new Date('2025-01-01T00:00:00Z'),
        VPCZoneIdentifier: 'subnet-0aaa1111',
      }],
    });
    const run = await runCollector(collectorFor('autoscaling'));
    expect(run.violations).toEqual([]);
    expect(run.gaps).toEqual([]);
    expect(run.calls.map((call) => call.command)).toEqual(['DescribeLaunchConfigurationsCommand', 'DescribeLaunchConfigurationsCommand', 'DescribeAutoScalingGroupsCommand', 'DescribeAutoScalingGroupsCommand']);
    const configurations = run.byType('AWS::AutoScaling::LaunchConfiguration');
    expect(configurations.map((resource) => resource.name)).toEqual(['legacy-web', 'hardened-web']);
    expect(configurations[0]?.properties).toMatchObject({
      LaunchConfigurationName: 'legacy-web',
      InstanceMonitoring: true,
      MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: false, VolumeSize: 8, VolumeType: 'gp3' } }, { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' }],
      UserData: new Redacted(true),
    });
    expect(configurations[0]?.properties['KeyName']).toBeUndefined();
    expect(configurations[0]?.properties['UserData']).toBeInstanceOf(Redacted);
    expect(configurations[1]?.properties['UserData']).toEqual(new Redacted(false));
    const groups = run.byType('AWS::AutoScaling::AutoScalingGroup');
    expect(groups[0]?.properties).toMatchObject({ LaunchConfigurationName: 'legacy-web', MinSize: '1', MaxSize: '4', DesiredCapacity: '2', VPCZoneIdentifier: ['subnet-0aaa1111', 'subnet-0bbb2222'], Tags: [{ Key: 'team', Value: 'payments', PropagateAtLaunch: true }] });
    expect(groups[1]?.properties).toMatchObject({ LaunchTemplate: { LaunchTemplateId: 'lt-0123456789abcdef0', LaunchTemplateName: 'api', Version: '$Default' } });
    expect(groups[1]?.properties['LaunchConfigurationName']).toBeUndefined();
    const serialized = JSON.stringify(redactInventory({ resources: run.resources, gaps: [], problems: [], sources: [] }));
    expect(serialized).not.toContain('Pr0d-db-pw');
    expect(serialized).not.toContain(base64(leakyScript).slice(0, 24));
    expect(serialized).not.toContain('yum -y update');

    expect(statuses(configurations, [launchConfigImdsv2, launchConfigEbsEncrypted, launchConfigUserData])).toEqual([
      'autoscaling-launch-config-ebs-encrypted:hardened-web:pass',
      'autoscaling-launch-config-ebs-encrypted:legacy-web:fail',
      'autoscaling-launch-config-imdsv2:hardened-web:pass',
      'autoscaling-launch-config-imdsv2:legacy-web:fail',
      'autoscaling-launch-config-user-data-no-secrets:hardened-web:pass',
      'autoscaling-launch-config-user-data-no-secrets:legacy-web:fail',
    ]);
  });

  it('an account without launch configurations or groups: nothing, and no gap', async () => {
    const client = mock(asg.AutoScalingClient);
    client.on(asg.DescribeLaunchConfigurationsCommand).resolves({ LaunchConfigurations: [] });
    client.on(asg.DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [] });
    const run = await runCollector(collectorFor('autoscaling'));
    expect(run.violations).toEqual([]);
    expect(run.resources).toEqual([]);
    expect(run.gaps).toEqual([]);
  });

  it('access denied on one listing is a gap for that type only; the checks then have nothing to pass', async () => {
    const client = mock(asg.AutoScalingClient);
    client.on(asg.DescribeLaunchConfigurationsCommand).rejects(awsError('AccessDenied', `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: autoscaling:DescribeLaunchConfigurations`, 403));
    client.on(asg.DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [] });
    const run = await runCollector(collectorFor('autoscaling'));
    expect(run.violations).toEqual([]);
    expect(run.resources).toEqual([]);
    expect(run.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'], call: 'autoscaling:DescribeLaunchConfigurations', service: 'autoscaling', reason: expect.stringContaining('access denied (AccessDenied)') })]);
  });

  it('only the wanted type is listed', async () => {
    const client = mock(asg.AutoScalingClient);
    client.on(asg.DescribeLaunchConfigurationsCommand).resolves({ LaunchConfigurations: [] });
    const run = await runCollector(collectorFor('autoscaling'), { wanted: ['AWS::AutoScaling::LaunchConfiguration'] });
    expect(run.calls.map((call) => call.action)).toEqual(['autoscaling:DescribeLaunchConfigurations']);
  });
});

describe('apigatewayv2 collector', () => {
  const apiArn = (id: string) => `arn:aws:apigateway:${R}::/apis/${id}`;

  it('HTTP and WebSocket APIs across pages, their stages and custom domains', async () => {
    const client = mock(apigw2.ApiGatewayV2Client);
    client.on(apigw2.GetApisCommand, { NextToken: undefined }).resolves({
      Items: [{ ApiId: 'a1b2c3d4e5', Name: 'orders-http', ProtocolType: 'HTTP', ApiEndpoint: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com', RouteSelectionExpression: '$request.method $request.path', ApiKeySelectionExpression: '$request.header.x-api-key', CreatedDate: new Date('2024-01-01T00:00:00Z'), DisableExecuteApiEndpoint: false, Tags: { team: 'orders' } }],
      NextToken: 'eyJsYXN0IjoiYTFiMmMzZDRlNSJ9',
    });
    client.on(apigw2.GetApisCommand, { NextToken: 'eyJsYXN0IjoiYTFiMmMzZDRlNSJ9' }).resolves({
      Items: [{ ApiId: 'f6g7h8i9j0', Name: 'chat-ws', ProtocolType: 'WEBSOCKET', ApiEndpoint: 'wss://f6g7h8i9j0.execute-api.us-east-1.amazonaws.com', RouteSelectionExpression: '$request.body.action', CreatedDate: new Date('2024-02-01T00:00:00Z'), Tags: {} }],
    });
    client.on(apigw2.GetStagesCommand, { ApiId: 'a1b2c3d4e5', NextToken: undefined }).resolves({
      Items: [{ StageName: '$default', AutoDeploy: true, DeploymentId: 'dep123', CreatedDate: new Date('2024-01-01T00:00:00Z'), LastUpdatedDate: new Date('2024-01-02T00:00:00Z'), DefaultRouteSettings: { DetailedMetricsEnabled: false }, RouteSettings: {}, StageVariables: { dbPassword: 'hunter2-do-not-keep' }, Tags: {} }],
      NextToken: 'c3RhZ2Vz',
    });
    client.on(apigw2.GetStagesCommand, { ApiId: 'a1b2c3d4e5', NextToken: 'c3RhZ2Vz' }).resolves({
      Items: [{ StageName: 'prod', AutoDeploy: false, DeploymentId: 'dep124', AccessLogSettings: { DestinationArn: `arn:aws:logs:${R}:${ACCOUNT}:log-group:orders-access`, Format: '$context.requestId $context.status' }, DefaultRouteSettings: { DetailedMetricsEnabled: true, ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 } }],
    });
    client.on(apigw2.GetStagesCommand, { ApiId: 'f6g7h8i9j0' }).resolves({
      Items: [{ StageName: 'live', DeploymentId: 'dep9', DefaultRouteSettings: { DataTraceEnabled: true, LoggingLevel: 'INFO' }, AccessLogSettings: { DestinationArn: `arn:aws:logs:${R}:${ACCOUNT}:log-group:chat-access`, Format: '$context.requestId' } }],
    });
    client.on(apigw2.GetDomainNamesCommand, { NextToken: undefined }).resolves({
      Items: [{
        DomainName: 'api.example.com',
        DomainNameArn: `arn:aws:apigateway:${R}::/domainnames/api.example.com`,
        ApiMappingSelectionExpression: '$request.basepath',
        DomainNameConfigurations: [{ ApiGatewayDomainName: 'd-abcdef1234.execute-api.us-east-1.amazonaws.com', CertificateArn: `arn:aws:acm:${R}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`, DomainNameStatus: 'AVAILABLE', EndpointType: 'REGIONAL', HostedZoneId: 'Z1UJRXOUMOOFQ8', SecurityPolicy: 'TLS_1_2' }],
        Tags: {},
      }],
      NextToken: 'ZG9tYWlu',
    });
    client.on(apigw2.GetDomainNamesCommand, { NextToken: 'ZG9tYWlu' }).resolves({
      Items: [{ DomainName: 'old.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_0', CertificateArn: `arn:aws:acm:${R}:${ACCOUNT}:certificate/abc` }], MutualTlsAuthentication: { TruststoreUri: 's3://truststores/old.pem', TruststoreVersion: '1' } }],
    });
    const run = await runCollector(collectorFor('apigatewayv2'));
    expect(run.violations).toEqual([]);
    expect(run.gaps).toEqual([]);
    expect(run.byType('AWS::ApiGatewayV2::Api').map((resource) => [resource.id, resource.properties])).toEqual([
      [apiArn('a1b2c3d4e5'), { Name: 'orders-http', ProtocolType: 'HTTP', DisableExecuteApiEndpoint: false, RouteSelectionExpression: '$request.method $request.path', ApiKeySelectionExpression: '$request.header.x-api-key', Tags: { team: 'orders' } }],
      [apiArn('f6g7h8i9j0'), { Name: 'chat-ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }],
    ]);
    const stages = run.byType('AWS::ApiGatewayV2::Stage');
    expect(stages.map((stage) => stage.name).sort()).toEqual(['chat-ws/live', 'orders-http/$default', 'orders-http/prod']);
    const prod = stages.find((stage) => stage.name === 'orders-http/prod');
    expect(prod?.id).toBe(`${apiArn('a1b2c3d4e5')}/stages/prod`);
    expect(prod?.properties).toMatchObject({ ApiId: 'a1b2c3d4e5', StageName: 'prod', AccessLogSettings: { DestinationArn: `arn:aws:logs:${R}:${ACCOUNT}:log-group:orders-access`, Format: '$context.requestId $context.status' }, DefaultRouteSettings: { DetailedMetricsEnabled: true, ThrottlingBurstLimit: 100 } });
    expect(JSON.stringify(run.resources)).not.toContain('hunter2');
    const domains = run.byType('AWS::ApiGatewayV2::DomainName');
    expect(domains.map((domain) => [domain.id, domain.properties['DomainNameConfigurations']])).toEqual([
      [`arn:aws:apigateway:${R}::/domainnames/api.example.com`, [{ CertificateArn: `arn:aws:acm:${R}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }]],
      [`arn:aws:apigateway:${R}::/domainnames/old.example.com`, [{ CertificateArn: `arn:aws:acm:${R}:${ACCOUNT}:certificate/abc`, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_0' }]],
    ]);
    expect(domains[1]?.properties['MutualTlsAuthentication']).toEqual({ TruststoreUri: 's3://truststores/old.pem', TruststoreVersion: '1' });

    expect(statuses(stages, [stageAccessLogging])).toEqual([
      'apigateway-stage-access-logging:chat-ws/live:pass',
      'apigateway-stage-access-logging:orders-http/$default:fail',
      'apigateway-stage-access-logging:orders-http/prod:pass',
    ]);
  });

  it('no APIs and no domains: nothing, and no gap', async () => {
    const client = mock(apigw2.ApiGatewayV2Client);
    client.on(apigw2.GetApisCommand).resolves({ Items: [] });
    client.on(apigw2.GetDomainNamesCommand).resolves({ Items: [] });
    const run = await runCollector(collectorFor('apigatewayv2'));
    expect(run.violations).toEqual([]);
    expect(run.resources).toEqual([]);
    expect(run.gaps).toEqual([]);
    expect(run.calls.map((call) => call.command).sort()).toEqual(['GetApisCommand', 'GetDomainNamesCommand']);
  });

  it('access denied on the domain names is a gap for domains only; APIs and stages are still collected', async () => {
    const client = mock(apigw2.ApiGatewayV2Client);
    client.on(apigw2.GetApisCommand).resolves({ Items: [{ ApiId: 'a1b2c3d4e5', Name: 'orders-http', ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path' }] });
    client.on(apigw2.GetStagesCommand).resolves({ Items: [{ StageName: '$default' }] });
    client.on(apigw2.GetDomainNamesCommand).rejects(awsError('AccessDeniedException', `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: apigateway:GET on resource: arn:aws:apigateway:${R}::/domainnames`, 403));
    const run = await runCollector(collectorFor('apigatewayv2'));
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::ApiGatewayV2::Stage')).toHaveLength(1);
    expect(run.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::ApiGatewayV2::DomainName'], call: 'apigateway:GET', service: 'apigatewayv2', reason: expect.stringContaining('access denied') })]);
  });

  it('access denied on a stage listing is a gap for APIs and stages (the listing they share)', async () => {
    const client = mock(apigw2.ApiGatewayV2Client);
    client.on(apigw2.GetApisCommand).resolves({ Items: [{ ApiId: 'a1b2c3d4e5', Name: 'orders-http', ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path' }] });
    client.on(apigw2.GetStagesCommand).rejects(awsError('AccessDeniedException', 'not authorized', 403));
    const run = await runCollector(collectorFor('apigatewayv2'), { wanted: ['AWS::ApiGatewayV2::Stage'] });
    expect(run.byType('AWS::ApiGatewayV2::Stage')).toEqual([]);
    expect(run.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::ApiGatewayV2::Stage'], call: 'apigateway:GET' })]);
  });
});

describe('classic load balancer collector', () => {
  const description = (name: string): elbClassicSdk.LoadBalancerDescription => ({
    LoadBalancerName: name,
    DNSName: `${name}-1234567890.${R}.elb.amazonaws.com`,
    CanonicalHostedZoneName: `${name}-1234567890.${R}.elb.amazonaws.com`,
    CanonicalHostedZoneNameID: 'Z35SXDOTRQ7X7K',
    ListenerDescriptions: [
      { Listener: { Protocol: 'HTTPS', LoadBalancerPort: 443, InstanceProtocol: 'HTTP', InstancePort: 80, SSLCertificateId: `arn:aws:acm:${R}:${ACCOUNT}:certificate/abc` }, PolicyNames: ['ELBSecurityPolicy-2016-08'] },
      { Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }, PolicyNames: [] },
    ],
    Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: ['ELBSecurityPolicy-2016-08'] },
    BackendServerDescriptions: [],
    AvailabilityZones: ['us-east-1a', 'us-east-1b'],
    Subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'],
    VPCId: 'vpc-0123456789abcdef0',
    Instances: [{ InstanceId: 'i-0123456789abcdef0' }],
    HealthCheck: { Target: 'HTTP:80/health', Interval: 30, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 10 },
    SourceSecurityGroup: { OwnerAlias: ACCOUNT, GroupName: 'web-elb' },
    SecurityGroups: ['sg-0123456789abcdef0'],
    CreatedTime: new Date('2019-05-01T00:00:00Z'),
    Scheme: 'internet-facing',
  });

  it('load balancers across pages with their access logging policy; a denied attribute read is unknown, never a pass', async () => {
    const client = mock(elbClassicSdk.ElasticLoadBalancingClient);
    client.on(elbClassicSdk.DescribeLoadBalancersCommand, { Marker: undefined }).resolves({ LoadBalancerDescriptions: [description('logged'), description('silent')], NextMarker: 'c2lsZW50' });
    client.on(elbClassicSdk.DescribeLoadBalancersCommand, { Marker: 'c2lsZW50' }).resolves({ LoadBalancerDescriptions: [description('locked')] });
    client.on(elbClassicSdk.DescribeLoadBalancerAttributesCommand, { LoadBalancerName: 'logged' }).resolves({
      LoadBalancerAttributes: { CrossZoneLoadBalancing: { Enabled: true }, AccessLog: { Enabled: true, S3BucketName: 'elb-logs', EmitInterval: 5, S3BucketPrefix: 'classic' }, ConnectionDraining: { Enabled: true, Timeout: 300 }, ConnectionSettings: { IdleTimeout: 60 }, AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'monitor' }] },
    });
    client.on(elbClassicSdk.DescribeLoadBalancerAttributesCommand, { LoadBalancerName: 'silent' }).resolves({
      LoadBalancerAttributes: { CrossZoneLoadBalancing: { Enabled: false }, AccessLog: { Enabled: false }, ConnectionDraining: { Enabled: false, Timeout: 300 }, ConnectionSettings: { IdleTimeout: 60 } },
    });
    client.on(elbClassicSdk.DescribeLoadBalancerPoliciesCommand).resolves({
      PolicyDescriptions: [{ PolicyName: 'ELBSecurityPolicy-2016-08', PolicyTypeName: 'SSLNegotiationPolicyType', PolicyAttributeDescriptions: [{ AttributeName: 'Reference-Security-Policy', AttributeValue: 'ELBSecurityPolicy-2016-08' }] }],
    });
    client.on(elbClassicSdk.DescribeLoadBalancerAttributesCommand, { LoadBalancerName: 'locked' }).rejects(awsError('AccessDenied', `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: elasticloadbalancing:DescribeLoadBalancerAttributes`, 403));
    const run = await runCollector(collectorFor('elb-classic'));
    expect(run.violations).toEqual([]);
    const balancers = run.byType('AWS::ElasticLoadBalancing::LoadBalancer');
    expect(balancers.map((balancer) => balancer.id)).toEqual(['logged', 'silent', 'locked'].map((name) => `arn:aws:elasticloadbalancing:${R}:${ACCOUNT}:loadbalancer/${name}`));
    expect(balancers[0]?.properties).toMatchObject({
      LoadBalancerName: 'logged',
      Scheme: 'internet-facing',
      Subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'],
      Instances: ['i-0123456789abcdef0'],
      Listeners: [{ LoadBalancerPort: '443', InstancePort: '80', Protocol: 'HTTPS', InstanceProtocol: 'HTTP', SSLCertificateId: `arn:aws:acm:${R}:${ACCOUNT}:certificate/abc`, PolicyNames: ['ELBSecurityPolicy-2016-08'] }, { LoadBalancerPort: '80', Protocol: 'HTTP' }],
      AccessLoggingPolicy: { Enabled: true, S3BucketName: 'elb-logs', S3BucketPrefix: 'classic', EmitInterval: 5 },
      ConnectionDrainingPolicy: { Enabled: true, Timeout: 300 },
      CrossZone: true,
      DesyncMitigationMode: 'monitor',
      Policies: [{ PolicyName: 'ELBSecurityPolicy-2016-08', PolicyType: 'SSLNegotiationPolicyType', Attributes: [{ Name: 'Reference-Security-Policy', Value: 'ELBSecurityPolicy-2016-08' }] }],
      HealthCheck: { Target: 'HTTP:80/health', Interval: '30' },
    });
    // An answer without the desync attribute says nothing about the mode: unknown, never the default.
    expect(balancers[1]?.properties['DesyncMitigationMode']).toBeInstanceOf(Unknown);
    expect(balancers[1]?.properties['AccessLoggingPolicy']).toEqual({ Enabled: false });
    expect(balancers[2]?.properties['AccessLoggingPolicy']).toBeInstanceOf(Unknown);
    // A failed detail call is a narrow gap for that one resource.
    expect(run.gaps).toEqual([expect.objectContaining({ call: 'elasticloadbalancing:DescribeLoadBalancerAttributes', resourceId: `arn:aws:elasticloadbalancing:${R}:${ACCOUNT}:loadbalancer/locked` })]);

    expect(statuses(balancers, [elbAccessLogging])).toEqual(['elb-access-logging:locked:unknown', 'elb-access-logging:logged:pass', 'elb-access-logging:silent:fail']);
  });

  it('no classic load balancers: nothing, and no gap', async () => {
    mock(elbClassicSdk.ElasticLoadBalancingClient).on(elbClassicSdk.DescribeLoadBalancersCommand).resolves({ LoadBalancerDescriptions: [] });
    const run = await runCollector(collectorFor('elb-classic'));
    expect(run.violations).toEqual([]);
    expect(run.resources).toEqual([]);
    expect(run.gaps).toEqual([]);
  });

  it('access denied on the listing is a gap for the type', async () => {
    mock(elbClassicSdk.ElasticLoadBalancingClient).on(elbClassicSdk.DescribeLoadBalancersCommand).rejects(awsError('AccessDenied', 'not authorized to perform: elasticloadbalancing:DescribeLoadBalancers', 403));
    const run = await runCollector(collectorFor('elb-classic'));
    expect(run.resources).toEqual([]);
    expect(run.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'], call: 'elasticloadbalancing:DescribeLoadBalancers', service: 'elb-classic' })]);
  });
});

describe('the policy covers the new collectors', () => {
  it('includes the Auto Scaling, API Gateway and Classic ELB reads', () => {
    const actions = requiredActions();
    for (const action of ['autoscaling:DescribeLaunchConfigurations', 'autoscaling:DescribeAutoScalingGroups', 'apigateway:GET', 'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes']) expect(actions).toContain(action);
  });
});
