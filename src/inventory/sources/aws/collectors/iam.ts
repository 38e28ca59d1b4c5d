import type { IAMClient } from '@aws-sdk/client-iam';
import { Unknown } from '../../../values.js';
import type { PropRecord, PropValue } from '../../../values.js';
import { defineCollector, type CollectorContext } from '../collector.js';
import { rootAccountFrom, parseCsv, ROOT_USER, userReportFrom, type CredentialReportRow } from '../credential-report.js';
import { AwsCallError } from '../errors.js';
import { policyDocument, props, tagsList } from '../props.js';

const USER = 'AWS::IAM::User';
const ROLE = 'AWS::IAM::Role';
const GROUP = 'AWS::IAM::Group';
const POLICY = 'AWS::IAM::ManagedPolicy';
const ROOT = 'Demarc::IAM::RootAccount';
const PASSWORD_POLICY = 'Demarc::IAM::PasswordPolicy';
const SERVER_CERTIFICATE = 'Demarc::IAM::ServerCertificate';

/** How long to wait for AWS to build the credential report (it usually takes seconds). */
const REPORT_POLLS = 15;
const REPORT_POLL_MS = 2_000;

interface InlinePolicy {
  PolicyName?: string;
  PolicyDocument?: string;
}
interface AttachedPolicy {
  PolicyArn?: string;
}

const inlinePolicies = (list: readonly InlinePolicy[] | undefined): PropValue | undefined =>
  list && list.length > 0 ? list.map((policy) => ({ PolicyName: policy.PolicyName ?? '', PolicyDocument: policyDocument(policy.PolicyDocument) ?? null })) : undefined;
const managedArns = (list: readonly AttachedPolicy[] | undefined): string[] | undefined =>
  list && list.length > 0 ? list.flatMap((policy) => (policy.PolicyArn ? [policy.PolicyArn] : [])) : undefined;

export default defineCollector({
  service: 'iam',
  global: true,
  resourceTypes: [USER, ROLE, GROUP, POLICY, ROOT, PASSWORD_POLICY, SERVER_CERTIFICATE],
  calls: [
    'iam:GetAccountAuthorizationDetails',
    'iam:GenerateCredentialReport',
    'iam:GetCredentialReport',
    'iam:GetAccountPasswordPolicy',
    'iam:ListVirtualMFADevices',
    'iam:ListServerCertificates',
  ],
  async collect(ctx) {
    const { IAMClient } = await import('@aws-sdk/client-iam');
    const iam = ctx.client(IAMClient);
    const needsReport = ctx.wants(USER) || ctx.wants(ROOT);
    const report = needsReport ? await credentialReport(ctx, iam) : undefined;
    if (ctx.wants(USER) || ctx.wants(ROLE) || ctx.wants(GROUP) || ctx.wants(POLICY)) await authorizationDetails(ctx, iam, report);
    if (ctx.wants(ROOT) && report && !(report instanceof AwsCallError)) await rootAccount(ctx, iam, report);
    if (ctx.wants(PASSWORD_POLICY)) await passwordPolicy(ctx, iam);
    if (ctx.wants(SERVER_CERTIFICATE)) await serverCertificates(ctx, iam);
  },
});

type Iam = IAMClient;

async function credentialReport(ctx: CollectorContext, iam: Iam): Promise<Map<string, CredentialReportRow> | AwsCallError> {
  const { GenerateCredentialReportCommand, GetCredentialReportCommand } = await import('@aws-sdk/client-iam');
  try {
    for (let poll = 0; poll < REPORT_POLLS; poll += 1) {
      const state = await ctx.call(iam, 'iam:GenerateCredentialReport', new GenerateCredentialReportCommand({}));
      if (state.State === 'COMPLETE') break;
      await new Promise((resolve) => setTimeout(resolve, REPORT_POLL_MS));
    }
    const report = await ctx.call(iam, 'iam:GetCredentialReport', new GetCredentialReportCommand({}));
    const text = report.Content ? new TextDecoder().decode(report.Content) : '';
    return new Map(parseCsv(text).map((row) => [row['user'] ?? '', row]));
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    ctx.gap([ROOT], error, 'iam:GetCredentialReport');
    return error;
  }
}

async function rootAccount(ctx: CollectorContext, iam: Iam, report: Map<string, CredentialReportRow>): Promise<void> {
  const row = report.get(ROOT_USER);
  if (!row) {
    ctx.gap([ROOT], new Error('the credential report has no <root_account> row'), 'iam:GetCredentialReport');
    return;
  }
  const properties: PropRecord = props({ ...rootAccountFrom(row) });
  if (properties['MfaActive'] === true) {
    const { ListVirtualMFADevicesCommand } = await import('@aws-sdk/client-iam');
    try {
      let virtual = false;
      for await (const page of ctx.pages(iam, 'iam:ListVirtualMFADevices', (Marker) => new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned', Marker }), (page) => (page.IsTruncated ? page.Marker : undefined))) {
        if ((page.VirtualMFADevices ?? []).some((device) => device.User?.Arn?.endsWith(':root') || device.SerialNumber?.endsWith(':mfa/root-account-mfa-device'))) virtual = true;
      }
      properties['HardwareMfa'] = !virtual;
    } catch (error) {
      if (!(error instanceof AwsCallError)) throw error;
      properties['HardwareMfa'] = new Unknown(`iam:ListVirtualMFADevices: ${error.message}`);
    }
  }
  const arn = `arn:${ctx.partition}:iam::${ctx.account}:root`;
  ctx.emit({ type: ROOT, id: arn, arn, name: 'root', region: null, properties });
}

async function authorizationDetails(ctx: CollectorContext, iam: Iam, report: Map<string, CredentialReportRow> | AwsCallError | undefined): Promise<void> {
  const { GetAccountAuthorizationDetailsCommand } = await import('@aws-sdk/client-iam');
  const attachments = new Map<string, { Users: string[]; Roles: string[]; Groups: string[] }>();
  const attach = (arns: readonly AttachedPolicy[] | undefined, kind: 'Users' | 'Roles' | 'Groups', name: string): void => {
    for (const policy of arns ?? []) {
      if (!policy.PolicyArn) continue;
      const entry = attachments.get(policy.PolicyArn) ?? { Users: [], Roles: [], Groups: [] };
      entry[kind].push(name);
      attachments.set(policy.PolicyArn, entry);
    }
  };
  const policies: Array<{ arn: string; name: string; path: string; document: string | undefined; count: number }> = [];
  try {
    for await (const page of ctx.pages(
      iam,
      'iam:GetAccountAuthorizationDetails',
      (Marker) => new GetAccountAuthorizationDetailsCommand({ Marker, Filter: ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] }),
      (page) => (page.IsTruncated ? page.Marker : undefined),
    )) {
      for (const user of page.UserDetailList ?? []) {
        if (!user.Arn || !user.UserName) continue;
        attach(user.AttachedManagedPolicies, 'Users', user.UserName);
        if (!ctx.wants(USER)) continue;
        const row = report instanceof Map ? report.get(user.UserName) : undefined;
        const credentialReport = report instanceof AwsCallError || report === undefined ? new Unknown(`iam:GetCredentialReport: ${report?.message ?? 'not read'}`) : row ? { ...userReportFrom(row) } : new Unknown('the user is newer than the credential report');
        ctx.emit({
          type: USER,
          id: user.Arn,
          arn: user.Arn,
          name: user.UserName,
          properties: props({
            UserName: user.UserName,
            Path: user.Path,
            Groups: user.GroupList && user.GroupList.length > 0 ? user.GroupList : undefined,
            ManagedPolicyArns: managedArns(user.AttachedManagedPolicies),
            Policies: inlinePolicies(user.UserPolicyList),
            PermissionsBoundary: user.PermissionsBoundary?.PermissionsBoundaryArn,
            LoginProfile: row && row['password_enabled'] === 'true' ? {} : undefined,
            Tags: tagsList(user.Tags),
            CredentialReport: credentialReport,
          }),
        });
      }
      for (const role of page.RoleDetailList ?? []) {
        if (!role.Arn || !role.RoleName) continue;
        attach(role.AttachedManagedPolicies, 'Roles', role.RoleName);
        if (!ctx.wants(ROLE)) continue;
        const serviceLinked = role.Path?.startsWith('/aws-service-role/') === true;
        ctx.emit({
          type: ROLE,
          id: role.Arn,
          arn: role.Arn,
          name: role.RoleName,
          ...(serviceLinked ? { managedBy: { owner: 'provider' as const, reason: 'service-linked role: AWS defines its permissions and trust policy, the customer cannot change them' } } : {}),
          properties: props({
            RoleName: role.RoleName,
            Path: role.Path,
            AssumeRolePolicyDocument: policyDocument(role.AssumeRolePolicyDocument),
            ManagedPolicyArns: managedArns(role.AttachedManagedPolicies),
            Policies: inlinePolicies(role.RolePolicyList),
            PermissionsBoundary: role.PermissionsBoundary?.PermissionsBoundaryArn,
            RoleLastUsed: role.RoleLastUsed?.LastUsedDate,
            Tags: tagsList(role.Tags),
          }),
        });
      }
      for (const group of page.GroupDetailList ?? []) {
        if (!group.Arn || !group.GroupName) continue;
        attach(group.AttachedManagedPolicies, 'Groups', group.GroupName);
        if (!ctx.wants(GROUP)) continue;
        ctx.emit({
          type: GROUP,
          id: group.Arn,
          arn: group.Arn,
          name: group.GroupName,
          properties: props({ GroupName: group.GroupName, Path: group.Path, ManagedPolicyArns: managedArns(group.AttachedManagedPolicies), Policies: inlinePolicies(group.GroupPolicyList) }),
        });
      }
      for (const policy of page.Policies ?? []) {
        if (!policy.Arn || !policy.PolicyName) continue;
        const version = (policy.PolicyVersionList ?? []).find((candidate) => candidate.IsDefaultVersion);
        policies.push({ arn: policy.Arn, name: policy.PolicyName, path: policy.Path ?? '/', document: version?.Document, count: policy.AttachmentCount ?? 0 });
      }
    }
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    ctx.gap([USER, ROLE, GROUP, POLICY].filter((type) => ctx.wants(type)), error, 'iam:GetAccountAuthorizationDetails');
    return;
  }
  if (!ctx.wants(POLICY)) return;
  for (const policy of policies) {
    const awsManaged = policy.arn.startsWith(`arn:${ctx.partition}:iam::aws:policy/`);
    // AWS publishes over a thousand managed policies; only those in use matter to this account.
    if (awsManaged && policy.count === 0) continue;
    const attached = attachments.get(policy.arn);
    ctx.emit({
      type: POLICY,
      id: policy.arn,
      arn: policy.arn,
      name: policy.name,
      ...(awsManaged ? { managedBy: { owner: 'provider' as const, reason: 'AWS managed policy: AWS writes and updates it, the customer only chooses where to attach it' } } : {}),
      properties: props({
        ManagedPolicyName: policy.name,
        Path: policy.path,
        PolicyDocument: policyDocument(policy.document),
        Users: attached && attached.Users.length > 0 ? attached.Users : undefined,
        Roles: attached && attached.Roles.length > 0 ? attached.Roles : undefined,
        Groups: attached && attached.Groups.length > 0 ? attached.Groups : undefined,
      }),
    });
  }
}

async function passwordPolicy(ctx: CollectorContext, iam: Iam): Promise<void> {
  const { GetAccountPasswordPolicyCommand } = await import('@aws-sdk/client-iam');
  const id = `arn:${ctx.partition}:iam::${ctx.account}:account-password-policy`;
  try {
    const { PasswordPolicy: policy } = await ctx.call(iam, 'iam:GetAccountPasswordPolicy', new GetAccountPasswordPolicyCommand({}));
    ctx.emit({ type: PASSWORD_POLICY, id, name: 'password-policy', region: null, properties: props({ Exists: true, ...policy }) });
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    if (error.is('NoSuchEntity', 'NoSuchEntityException')) ctx.emit({ type: PASSWORD_POLICY, id, name: 'password-policy', region: null, properties: { Exists: false } });
    else ctx.gap([PASSWORD_POLICY], error, 'iam:GetAccountPasswordPolicy');
  }
}

async function serverCertificates(ctx: CollectorContext, iam: Iam): Promise<void> {
  const { ListServerCertificatesCommand } = await import('@aws-sdk/client-iam');
  try {
    for await (const page of ctx.pages(iam, 'iam:ListServerCertificates', (Marker) => new ListServerCertificatesCommand({ Marker }), (page) => (page.IsTruncated ? page.Marker : undefined))) {
      for (const certificate of page.ServerCertificateMetadataList ?? []) {
        ctx.emit({
          type: SERVER_CERTIFICATE,
          id: certificate.Arn ?? certificate.ServerCertificateId ?? certificate.ServerCertificateName ?? '',
          arn: certificate.Arn,
          name: certificate.ServerCertificateName,
          properties: props({ ServerCertificateName: certificate.ServerCertificateName, Expiration: certificate.Expiration }),
        });
      }
    }
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    ctx.gap([SERVER_CERTIFICATE], error, 'iam:ListServerCertificates');
  }
}
