import { block, one, tags, type MappingTable, type ParentLink } from './dsl.js';
import { writtenSecret } from './written-secret.js';
import { policyDocument } from './shared.js';

// IAM Identity Center permission sets, Directory Service directories and Amplify apps and branches.

const permissionSet: ParentLink = { types: ['aws_ssoadmin_permission_set'], attribute: 'permission_set_arn', keys: ['arn'], mode: 'append' };

const DIRECTORY_TYPES: Readonly<Record<string, string>> = {
  MicrosoftAD: 'AWS::DirectoryService::MicrosoftAD',
  SimpleAD: 'AWS::DirectoryService::SimpleAD',
  // AD Connector has no CloudFormation type: it proxies to the customer's own domain.
  ADConnector: 'Demarc::DirectoryService::ADConnector',
};

export const identityDirectoryAmplifyMappings: MappingTable = {
  aws_ssoadmin_permission_set: {
    cfnType: 'AWS::SSO::PermissionSet',
    name: 'name',
    fields: { name: 'Name', description: 'Description', instance_arn: 'InstanceArn', session_duration: 'SessionDuration', relay_state: 'RelayState', tags: ['Tags', tags] },
    // The provider's default, as the API's: a one-hour session.
    defaults: { session_duration: 'PT1H' },
  },
  aws_ssoadmin_managed_policy_attachment: {
    cfnType: 'AWS::SSO::PermissionSet',
    parent: permissionSet,
    fields: { managed_policy_arn: ['ManagedPolicies', one] },
  },
  aws_ssoadmin_permission_set_inline_policy: {
    cfnType: 'AWS::SSO::PermissionSet',
    parent: { ...permissionSet, mode: 'assign' },
    fields: { inline_policy: ['InlinePolicy', policyDocument] },
  },
  aws_directory_service_directory: {
    // The provider creates a Simple AD when `type` is not set.
    cfnType: 'AWS::DirectoryService::SimpleAD',
    cfnTypeOf: (attributes) => (typeof attributes['type'] === 'string' ? DIRECTORY_TYPES[attributes['type']] : undefined),
    name: 'name',
    fields: {
      name: 'Name',
      short_name: 'ShortName',
      description: 'Description',
      size: 'Size',
      edition: 'Edition',
      enable_sso: 'EnableSso',
      password: ['Password', writtenSecret],
      vpc_settings: ['VpcSettings', block({ vpc_id: 'VpcId', subnet_ids: 'SubnetIds' })],
    },
    defaults: { type: 'SimpleAD' },
  },
  aws_directory_service_log_subscription: {
    cfnType: 'AWS::DirectoryService::MicrosoftAD',
    parent: { types: ['aws_directory_service_directory'], attribute: 'directory_id', keys: ['id'], mode: 'append' },
    // Not a CloudFormation property (CloudFormation has no resource for it): the live collector fills it the same way.
    build: (attributes) => ({ LogSubscriptions: [{ LogGroupName: attributes['log_group_name'] ?? null }] }),
  },
  aws_amplify_app: {
    cfnType: 'AWS::Amplify::App',
    name: 'name',
    fields: {
      name: 'Name',
      repository: 'Repository',
      platform: 'Platform',
      iam_service_role_arn: 'IAMServiceRole',
      access_token: ['AccessToken', writtenSecret],
      oauth_token: ['OauthToken', writtenSecret],
      // `basic_auth_credentials` is base64 of "username:password": the password is in it.
      basic_auth_credentials: ['BasicAuthConfig.Password', writtenSecret],
      enable_basic_auth: 'BasicAuthConfig.EnableBasicAuth',
      auto_branch_creation_config: ['AutoBranchCreationConfig', block({ enable_basic_auth: 'BasicAuthConfig.EnableBasicAuth', basic_auth_credentials: ['BasicAuthConfig.Password', writtenSecret] })],
      tags: ['Tags', tags],
    },
  },
  aws_amplify_branch: {
    cfnType: 'AWS::Amplify::Branch',
    name: 'branch_name',
    fields: {
      app_id: 'AppId',
      branch_name: 'BranchName',
      stage: 'Stage',
      enable_basic_auth: 'BasicAuthConfig.EnableBasicAuth',
      basic_auth_credentials: ['BasicAuthConfig.Password', writtenSecret],
      tags: ['Tags', tags],
    },
  },
};
