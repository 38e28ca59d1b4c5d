import { describe, expect, it } from 'vitest';
import * as iamSdk from '@aws-sdk/client-iam';
import * as s3Sdk from '@aws-sdk/client-s3';
import * as s3ControlSdk from '@aws-sdk/client-s3-control';
import * as ec2Sdk from '@aws-sdk/client-ec2';
import * as kmsSdk from '@aws-sdk/client-kms';
import iam from '../../src/inventory/sources/aws/collectors/iam.js';
import s3 from '../../src/inventory/sources/aws/collectors/s3.js';
import ec2 from '../../src/inventory/sources/aws/collectors/ec2.js';
import ebs from '../../src/inventory/sources/aws/collectors/ebs.js';
import vpc from '../../src/inventory/sources/aws/collectors/vpc.js';
import kms from '../../src/inventory/sources/aws/collectors/kms.js';
import { redactInventory } from '../../src/inventory/redact.js';
import { Redacted, Unknown } from '../../src/inventory/values.js';
import { ACCOUNT, awsError, runCollector, useClientMocks } from './support/harness.js';

const CREDENTIAL_REPORT = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  `<root_account>,arn:aws:iam::${ACCOUNT}:root,2019-03-04T10:11:12+00:00,not_supported,2024-05-01T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `alice,arn:aws:iam::${ACCOUNT}:user/alice,2020-01-02T03:04:05+00:00,true,2024-06-01T00:00:00+00:00,2023-01-01T00:00:00+00:00,N/A,false,true,2021-02-03T00:00:00+00:00,2024-06-02T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

const doc = (value: unknown): string => encodeURIComponent(JSON.stringify(value));
const mock = useClientMocks();

describe('iam collector', () => {
  it('reads authorization details, the credential report, the password policy and marks what AWS manages', async () => {
    const client = mock(iamSdk.IAMClient);
    client.on(iamSdk.GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    client.on(iamSdk.GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(CREDENTIAL_REPORT), ReportFormat: 'text/csv' });
    client
      .on(iamSdk.GetAccountAuthorizationDetailsCommand)
      .resolvesOnce({
        IsTruncated: true,
        Marker: 'page-2',
        UserDetailList: [{ UserName: 'alice', Arn: `arn:aws:iam::${ACCOUNT}:user/alice`, Path: '/', UserId: 'AIDA1', CreateDate: new Date('2020-01-02T03:04:05Z'), GroupList: ['admins'], AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }], UserPolicyList: [{ PolicyName: 'inline', PolicyDocument: doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }] }],
        RoleDetailList: [
          { RoleName: 'AWSServiceRoleForSupport', Path: '/aws-service-role/support.amazonaws.com/', Arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport`, AssumeRolePolicyDocument: doc({ Statement: [{ Effect: 'Allow', Principal: { Service: 'support.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) },
        ],
      })
      .resolvesOnce({
        IsTruncated: false,
        RoleDetailList: [{ RoleName: 'deploy', Path: '/', Arn: `arn:aws:iam::${ACCOUNT}:role/deploy`, AssumeRolePolicyDocument: doc({ Statement: [] }), AttachedManagedPolicies: [{ PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/deploy-policy` }] }],
        GroupDetailList: [{ GroupName: 'admins', Arn: `arn:aws:iam::${ACCOUNT}:group/admins`, Path: '/' }],
        Policies: [
          { PolicyName: 'AdministratorAccess', Arn: 'arn:aws:iam::aws:policy/AdministratorAccess', Path: '/', AttachmentCount: 1, DefaultVersionId: 'v1', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: doc({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }] },
          { PolicyName: 'ReadOnlyAccess', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', Path: '/', AttachmentCount: 0, PolicyVersionList: [] },
          { PolicyName: 'deploy-policy', Arn: `arn:aws:iam::${ACCOUNT}:policy/deploy-policy`, Path: '/', AttachmentCount: 1, PolicyVersionList: [{ VersionId: 'v2', IsDefaultVersion: true, Document: doc({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) }] },
        ],
      });
    client.on(iamSdk.GetAccountPasswordPolicyCommand).rejects(awsError('NoSuchEntityException', 'The Password Policy with domain name 111122223333 cannot be found.', 404));
    client.on(iamSdk.ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [{ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`, User: { Arn: `arn:aws:iam::${ACCOUNT}:root`, Path: '/', UserName: 'root', UserId: ACCOUNT, CreateDate: new Date('2019-03-04T10:11:12Z') } }], IsTruncated: false });
    client.on(iamSdk.ListServerCertificatesCommand).resolves({ ServerCertificateMetadataList: [{ ServerCertificateName: 'legacy', ServerCertificateId: 'ASCA1', Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/legacy`, Path: '/', Expiration: new Date('2022-01-01T00:00:00Z') }], IsTruncated: false });

    const run = await runCollector(iam);
    expect(run.violations).toEqual([]);
    expect(run.gaps).toEqual([]);
    const [alice] = run.byType('AWS::IAM::User');
    expect(alice?.properties).toMatchObject({ UserName: 'alice', Groups: ['admins'], ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'], LoginProfile: {} });
    expect(alice?.properties['Policies']).toEqual([{ PolicyName: 'inline', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }]);
    expect(alice?.properties['CredentialReport']).toEqual({
      PasswordEnabled: true,
      PasswordLastUsed: '2024-06-01T00:00:00.000Z',
      PasswordLastChanged: '2023-01-01T00:00:00.000Z',
      MfaActive: false,
      AccessKeys: [{ Active: true, LastRotated: '2021-02-03T00:00:00.000Z', LastUsedDate: '2024-06-02T00:00:00.000Z' }],
      UserCreationTime: '2020-01-02T03:04:05.000Z',
    });
    const roles = run.byType('AWS::IAM::Role');
    expect(roles.map((role) => role.name).sort()).toEqual(['AWSServiceRoleForSupport', 'deploy']);
    expect(roles.find((role) => role.name === 'AWSServiceRoleForSupport')?.managedBy?.owner).toBe('provider');
    expect(roles.find((role) => role.name === 'deploy')?.managedBy).toBeUndefined();
    const policies = run.byType('AWS::IAM::ManagedPolicy');
    expect(policies.map((policy) => policy.name).sort()).toEqual(['AdministratorAccess', 'deploy-policy']);
    expect(policies.find((policy) => policy.name === 'AdministratorAccess')).toMatchObject({ managedBy: { owner: 'provider' }, properties: { Users: ['alice'] } });
    expect(policies.find((policy) => policy.name === 'deploy-policy')?.properties).toMatchObject({ Roles: ['deploy'], PolicyDocument: { Statement: [{ Action: 's3:*' }] } });
    expect(run.byType('AWS::IAM::Group')).toHaveLength(1);
    expect(run.byType('Demarc::IAM::RootAccount')[0]?.properties).toEqual({
      MfaActive: true, AccessKey1Active: false, AccessKey2Active: false, PasswordLastUsed: '2024-05-01T08:00:00.000Z', AccessKey1LastUsedDate: null, AccessKey2LastUsedDate: null, HardwareMfa: false,
    });
    expect(run.byType('Demarc::IAM::PasswordPolicy')[0]?.properties).toEqual({ Exists: false });
    expect(run.byType('Demarc::IAM::ServerCertificate')[0]?.properties).toEqual({ ServerCertificateName: 'legacy', Expiration: '2022-01-01T00:00:00.000Z' });
  });

  it('turns a denied credential report into a gap for the root account and unknown reports on users', async () => {
    const client = mock(iamSdk.IAMClient);
    client.on(iamSdk.GenerateCredentialReportCommand).rejects(awsError('AccessDenied', 'User is not authorized to perform: iam:GenerateCredentialReport', 403));
    client.on(iamSdk.GetAccountAuthorizationDetailsCommand).resolves({ IsTruncated: false, UserDetailList: [{ UserName: 'bob', Arn: `arn:aws:iam::${ACCOUNT}:user/bob` }] });
    client.on(iamSdk.GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, ExpirePasswords: false, PasswordReusePrevention: 24 } });
    client.on(iamSdk.ListServerCertificatesCommand).resolves({ ServerCertificateMetadataList: [] });
    const run = await runCollector(iam);
    expect(run.gaps).toContainEqual(expect.objectContaining({ resourceTypes: ['Demarc::IAM::RootAccount'], call: 'iam:GetCredentialReport', reason: expect.stringContaining('access denied (AccessDenied)') }));
    expect(run.byType('Demarc::IAM::RootAccount')).toEqual([]);
    expect(run.byType('AWS::IAM::User')[0]?.properties['CredentialReport']).toBeInstanceOf(Unknown);
    expect(run.byType('Demarc::IAM::PasswordPolicy')[0]?.properties).toEqual({ Exists: true, MinimumPasswordLength: 14, RequireSymbols: true, ExpirePasswords: false, PasswordReusePrevention: 24 });
  });
});

describe('s3 collector', () => {
  it('reads each bucket in its own region, with NoSuch* answers as absent settings and failures as Unknown', async () => {
    const client = mock(s3Sdk.S3Client);
    client.on(s3Sdk.ListBucketsCommand, { ContinuationToken: undefined }).resolves({ Buckets: [{ Name: 'alpha', BucketRegion: 'eu-west-1', CreationDate: new Date('2023-01-01T00:00:00Z') }], ContinuationToken: 'next-page' });
    client.on(s3Sdk.ListBucketsCommand, { ContinuationToken: 'next-page' }).resolves({ Buckets: [{ Name: 'beta' }] });
    client.on(s3Sdk.GetBucketLocationCommand).resolves({});
    client.on(s3Sdk.GetBucketEncryptionCommand, { Bucket: 'alpha' }).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] } });
    client.on(s3Sdk.GetBucketEncryptionCommand, { Bucket: 'beta' }).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found', 404));
    client.on(s3Sdk.GetBucketVersioningCommand, { Bucket: 'alpha' }).resolves({ Status: 'Suspended' });
    client.on(s3Sdk.GetBucketVersioningCommand, { Bucket: 'beta' }).resolves({});
    client.on(s3Sdk.GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404));
    client.on(s3Sdk.GetBucketLoggingCommand).resolves({ LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'alpha/' } });
    client.on(s3Sdk.GetBucketPolicyCommand, { Bucket: 'alpha' }).resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::alpha/*' }] }) });
    client.on(s3Sdk.GetBucketPolicyCommand, { Bucket: 'beta' }).rejects(awsError('AccessDenied', 'Access Denied', 403));
    client.on(s3Sdk.GetBucketAclCommand).resolves({ Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] });
    client.on(s3Sdk.GetBucketOwnershipControlsCommand).rejects(awsError('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404));
    const control = mock(s3ControlSdk.S3ControlClient);
    control.on(s3ControlSdk.GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false } });

    const run = await runCollector(s3);
    expect(run.violations).toEqual([]);
    const alpha = run.byType('AWS::S3::Bucket').find((bucket) => bucket.name === 'alpha');
    const beta = run.byType('AWS::S3::Bucket').find((bucket) => bucket.name === 'beta');
    expect(alpha).toMatchObject({ id: 'arn:aws:s3:::alpha', region: 'eu-west-1', account: ACCOUNT });
    expect(alpha?.properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] },
      VersioningConfiguration: { Status: 'Suspended' },
      LoggingConfiguration: { DestinationBucketName: 'logs', LogFilePrefix: 'alpha/' },
      AccessControl: 'PublicRead',
    });
    expect(alpha?.properties['PublicAccessBlockConfiguration']).toBeUndefined();
    expect(beta?.region).toBe('us-east-1');
    expect(beta?.properties['BucketEncryption']).toBeUndefined();
    expect(beta?.properties['VersioningConfiguration']).toBeUndefined();
    const policies = run.byType('AWS::S3::BucketPolicy');
    expect(policies.find((policy) => policy.name === 'alpha')?.properties).toMatchObject({ Bucket: 'alpha', PolicyDocument: { Statement: [{ Principal: '*' }] } });
    // A policy that could not be read is a policy of unknown content: checks on it say unknown, never pass.
    expect(policies.find((policy) => policy.name === 'beta')?.properties['PolicyDocument']).toBeInstanceOf(Unknown);
    expect(run.gaps).toContainEqual(expect.objectContaining({ call: 's3:GetBucketPolicy', resourceId: 'arn:aws:s3:::beta' }));
    expect(run.byType('Demarc::S3::AccountPublicAccessBlock')[0]?.properties).toEqual({ Exists: true, BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false });
  });

  it('records a gap when the bucket listing is denied', async () => {
    const client = mock(s3Sdk.S3Client);
    client.on(s3Sdk.ListBucketsCommand).rejects(awsError('AccessDenied', 'Access Denied', 403));
    const control = mock(s3ControlSdk.S3ControlClient);
    control.on(s3ControlSdk.GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'none', 404));
    const run = await runCollector(s3);
    expect(run.gaps).toEqual([expect.objectContaining({ resourceTypes: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'], call: 's3:ListAllMyBuckets', account: ACCOUNT })]);
    expect(run.byType('Demarc::S3::AccountPublicAccessBlock')[0]?.properties).toEqual({ Exists: false });
  });
});

describe('ec2, ebs and vpc collectors', () => {
  it('reads instances across pages, judges user data without keeping it, and skips terminated ones', async () => {
    const client = mock(ec2Sdk.EC2Client);
    client.on(ec2Sdk.DescribeInstancesCommand, { NextToken: undefined }).resolves({
      Reservations: [{ Instances: [{ InstanceId: 'i-0abc', State: { Name: 'running' }, ImageId: 'ami-1', InstanceType: 't3.micro', SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web' }], MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' }, PublicIpAddress: '203.0.113.7', Monitoring: { State: 'disabled' }, Tags: [{ Key: 'Name', Value: 'web-1' }] }] }],
      NextToken: 'tok',
    });
    client.on(ec2Sdk.DescribeInstancesCommand, { NextToken: 'tok' }).resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-0dead', State: { Name: 'terminated' } }] }] });
    const secretScript = Buffer.from('#!/bin/sh\nexport DB_PASSWORD=hunter2hunter2\n').toString('base64');
    client.on(ec2Sdk.DescribeInstanceAttributeCommand).resolves({ InstanceId: 'i-0abc', UserData: { Value: secretScript } });
    client.on(ec2Sdk.DescribeImagesCommand).resolves({ Images: [{ ImageId: 'ami-1', Public: true, Name: 'golden' }] });
    client.on(ec2Sdk.DescribeLaunchTemplateVersionsCommand).resolves({ LaunchTemplateVersions: [{ LaunchTemplateId: 'lt-1', LaunchTemplateName: 'web', LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } } }] });
    client.on(ec2Sdk.DescribeTransitGatewaysCommand).resolves({
      TransitGateways: [
        { TransitGatewayId: 'tgw-1', TransitGatewayArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:transit-gateway/tgw-1`, State: 'available', Options: { AutoAcceptSharedAttachments: 'enable' } },
        { TransitGatewayId: 'tgw-2', State: 'deleted', Options: { AutoAcceptSharedAttachments: 'enable' } },
      ],
    });
    client.on(ec2Sdk.DescribeAddressesCommand).resolves({
      Addresses: [
        { AllocationId: 'eipalloc-1', PublicIp: '203.0.113.9', Domain: 'vpc', AssociationId: 'eipassoc-1', InstanceId: 'i-0abc' },
        { AllocationId: 'eipalloc-2', PublicIp: '203.0.113.10', Domain: 'vpc' },
      ],
    });
    const run = await runCollector(ec2);
    // A deleted transit gateway is still listed for a while; it is not a resource any more.
    expect(run.byType('AWS::EC2::TransitGateway').map((gateway) => [gateway.name, gateway.properties['AutoAcceptSharedAttachments']])).toEqual([['tgw-1', 'enable']]);
    expect(run.byType('AWS::EC2::EIP').map((address) => [address.name, address.properties['AssociationId']])).toEqual([['203.0.113.9', 'eipassoc-1'], ['203.0.113.10', undefined]]);
    expect(run.violations).toEqual([]);
    const instances = run.byType('AWS::EC2::Instance');
    expect(instances).toHaveLength(1);
    expect(instances[0]).toMatchObject({ id: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc`, name: 'web-1', region: 'us-east-1' });
    expect(instances[0]?.properties).toMatchObject({ SecurityGroupIds: ['sg-1'], MetadataOptions: { HttpTokens: 'optional' }, Monitoring: false });
    const userData = instances[0]?.properties['UserData'];
    expect(userData).toEqual(new Redacted(true));
    // A plain `{secretLike}` record would read as data to the checks: the verdict must stay a Redacted.
    expect(userData).toBeInstanceOf(Redacted);
    expect(JSON.stringify(redactInventory({ resources: instances, gaps: [], problems: [], sources: [] }))).not.toContain('hunter2');
    expect(run.byType('Demarc::EC2::Image')[0]?.properties).toMatchObject({ ImageId: 'ami-1', Public: true });
    expect(run.byType('AWS::EC2::LaunchTemplate')[0]?.properties).toMatchObject({ LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } } });
  });

  it('reads volumes, snapshots (public ones from one listing) and the default encryption', async () => {
    const client = mock(ec2Sdk.EC2Client);
    client.on(ec2Sdk.DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: 'vol-1', Encrypted: false, Size: 8, VolumeType: 'gp3', AvailabilityZone: 'us-east-1a' }] });
    client.on(ec2Sdk.DescribeSnapshotsCommand).callsFake((input: ec2Sdk.DescribeSnapshotsCommandInput) =>
      input.RestorableByUserIds?.includes('all')
        ? { Snapshots: [{ SnapshotId: 'snap-public' }] }
        : { Snapshots: [{ SnapshotId: 'snap-public', Encrypted: false }, { SnapshotId: 'snap-private', Encrypted: true }] },
    );
    client.on(ec2Sdk.GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
    client.on(ec2Sdk.GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });
    const run = await runCollector(ebs, { region: 'eu-central-1' });
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::EC2::Volume')[0]?.properties).toMatchObject({ Encrypted: false, Size: 8 });
    const snapshots = Object.fromEntries(run.byType('Demarc::EC2::Snapshot').map((snapshot) => [snapshot.name, snapshot.properties['Public']]));
    expect(snapshots).toEqual({ 'snap-public': true, 'snap-private': false });
    expect(run.byType('Demarc::EC2::EbsEncryptionDefault')[0]).toMatchObject({ region: 'eu-central-1', properties: { EbsEncryptionByDefault: true, KmsKeyId: 'alias/aws/ebs' } });
  });

  it('writes one CloudFormation rule per security group source and reads network ACL entries and flow logs', async () => {
    const client = mock(ec2Sdk.EC2Client);
    client.on(ec2Sdk.DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', IsDefault: false }] });
    client.on(ec2Sdk.DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', MapPublicIpOnLaunch: true }] });
    client.on(ec2Sdk.DescribeSecurityGroupsCommand).resolves({
      SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web', Description: 'web', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }], UserIdGroupPairs: [{ GroupId: 'sg-2' }] }], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }],
    });
    client.on(ec2Sdk.DescribeNetworkAclsCommand).resolves({ NetworkAcls: [{ NetworkAclId: 'acl-1', VpcId: 'vpc-1', Entries: [{ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' }] }] });
    client.on(ec2Sdk.DescribeFlowLogsCommand).resolves({ FlowLogs: [{ FlowLogId: 'fl-1', ResourceId: 'vpc-1', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' }] });
    client.on(ec2Sdk.DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });
    const run = await runCollector(vpc);
    expect(run.violations).toEqual([]);
    expect(run.byType('AWS::EC2::SecurityGroup')[0]?.properties['SecurityGroupIngress']).toEqual([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv6: '::/0' },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, SourceSecurityGroupId: 'sg-2' },
    ]);
    expect(run.byType('AWS::EC2::NetworkAclEntry')[0]?.properties).toEqual({ NetworkAclId: 'acl-1', RuleNumber: 100, Protocol: -1, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' });
    expect(run.byType('AWS::EC2::FlowLog')[0]?.properties).toMatchObject({ ResourceId: 'vpc-1', ResourceType: 'VPC', TrafficType: 'ALL' });
    expect(run.byType('AWS::EC2::Subnet')[0]?.properties).toMatchObject({ MapPublicIpOnLaunch: true });
  });
});

describe('kms collector', () => {
  it('reads rotation and policy of customer keys only, and marks AWS managed keys', async () => {
    const customer = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111`;
    const managed = `arn:aws:kms:us-east-1:${ACCOUNT}:key/2222`;
    const client = mock(kmsSdk.KMSClient);
    client.on(kmsSdk.ListKeysCommand).resolves({ Keys: [{ KeyId: '1111', KeyArn: customer }, { KeyId: '2222', KeyArn: managed }], Truncated: false });
    client.on(kmsSdk.DescribeKeyCommand, { KeyId: customer }).resolves({ KeyMetadata: { KeyId: '1111', Arn: customer, KeyManager: 'CUSTOMER', KeyState: 'Enabled', Enabled: true, KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' } });
    client.on(kmsSdk.DescribeKeyCommand, { KeyId: managed }).resolves({ KeyMetadata: { KeyId: '2222', Arn: managed, KeyManager: 'AWS', KeyState: 'Enabled', Enabled: true, KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' } });
    client.on(kmsSdk.GetKeyRotationStatusCommand).rejects(awsError('AccessDeniedException', 'not authorized', 400));
    client.on(kmsSdk.GetKeyPolicyCommand).resolves({ Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }] }) });
    client.on(kmsSdk.ListAliasesCommand).resolves({ Aliases: [{ AliasName: 'alias/app', AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`, TargetKeyId: '1111' }] });
    const run = await runCollector(kms);
    expect(run.violations).toEqual([]);
    const keys = run.byType('AWS::KMS::Key');
    const customerKey = keys.find((key) => key.id === customer);
    expect(customerKey?.properties['EnableKeyRotation']).toBeInstanceOf(Unknown);
    expect(customerKey?.properties['KeyPolicy']).toMatchObject({ Statement: [{ Principal: { AWS: '*' } }] });
    expect(keys.find((key) => key.id === managed)).toMatchObject({ managedBy: { owner: 'provider' }, properties: { EnableKeyRotation: true } });
    expect(run.calls.filter((call) => call.action === 'kms:GetKeyRotationStatus')).toHaveLength(1);
    expect(run.byType('AWS::KMS::Alias')).toHaveLength(1);
  });
});
