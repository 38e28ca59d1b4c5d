import { asList, blocks, isRecord, nonEmpty, one, secret, tags, type Convert, type MappingTable, type ParentLink, type TypeMapping } from './dsl.js';
import { policyDocument } from './shared.js';

/** `inline_policy` blocks of a role, without the empty placeholder the provider writes into state. */
const inlinePolicies: Convert = (value, attributes) => {
  const mapped = blocks({ name: 'PolicyName', policy: ['PolicyDocument', policyDocument] })(value, attributes);
  if (!Array.isArray(mapped)) return mapped;
  return nonEmpty(mapped.filter((entry) => isRecord(entry) && typeof entry['PolicyName'] === 'string' && entry['PolicyName'] !== ''), attributes);
};

const link = (types: string[], attribute: string, mode: ParentLink['mode']): ParentLink => ({ types, attribute, keys: ['name', 'id', 'arn', 'unique_id'], mode });

const inlinePolicy = (types: string[], attribute: string, standaloneKey: string): TypeMapping => ({
  cfnType: 'AWS::IAM::Policy',
  parent: link(types, attribute, 'append'),
  build: (attributes) => ({ Policies: [{ PolicyName: attributes['name'] ?? null, PolicyDocument: policyDocument(attributes['policy'] ?? null, attributes) ?? null }] }),
  standalone: {
    cfnType: 'AWS::IAM::Policy',
    name: 'name',
    fields: { name: 'PolicyName', policy: ['PolicyDocument', policyDocument], [attribute]: [standaloneKey, asList] },
  },
});

const attachment = (types: string[], attribute: string, standaloneKey: string): TypeMapping => ({
  cfnType: 'AWS::IAM::ManagedPolicy',
  parent: link(types, attribute, 'append'),
  fields: { policy_arn: ['ManagedPolicyArns', one] },
  // On a principal outside the scan: the attachment itself, judged for what it attaches (AdministratorAccess ...).
  standalone: { cfnType: 'Demarc::IAM::PolicyAttachment', fields: { policy_arn: ['ManagedPolicyArns', one], [attribute]: [standaloneKey, asList] } },
});

const role: TypeMapping = {
  cfnType: 'AWS::IAM::Role',
  name: 'name',
  fields: {
    name: 'RoleName',
    path: 'Path',
    description: 'Description',
    assume_role_policy: ['AssumeRolePolicyDocument', policyDocument],
    permissions_boundary: 'PermissionsBoundary',
    max_session_duration: 'MaxSessionDuration',
    managed_policy_arns: ['ManagedPolicyArns', nonEmpty],
    inline_policy: ['Policies', inlinePolicies],
    tags: ['Tags', tags],
  },
  computed: ['inline_policy', 'managed_policy_arns'],
};

export const iamMappings: MappingTable = {
  aws_iam_role: role,
  aws_iam_role_policy: inlinePolicy(['aws_iam_role'], 'role', 'Roles'),
  aws_iam_role_policy_attachment: attachment(['aws_iam_role'], 'role', 'Roles'),
  aws_iam_user: {
    cfnType: 'AWS::IAM::User',
    name: 'name',
    fields: { name: 'UserName', path: 'Path', permissions_boundary: 'PermissionsBoundary', tags: ['Tags', tags] },
  },
  aws_iam_user_policy: inlinePolicy(['aws_iam_user'], 'user', 'Users'),
  aws_iam_user_policy_attachment: attachment(['aws_iam_user'], 'user', 'Users'),
  aws_iam_user_login_profile: {
    cfnType: 'AWS::IAM::User',
    parent: link(['aws_iam_user'], 'user', 'assign'),
    build: (attributes) => ({
      LoginProfile: { Password: secret(attributes['password'] ?? 'set by Terraform', attributes) ?? null, PasswordResetRequired: attributes['password_reset_required'] ?? false },
    }),
  },
  aws_iam_user_group_membership: {
    cfnType: 'AWS::IAM::User',
    parent: link(['aws_iam_user'], 'user', 'append'),
    fields: { groups: ['Groups', asList] },
  },
  aws_iam_group_membership: {
    cfnType: 'AWS::IAM::UserToGroupAddition',
    parent: link(['aws_iam_user'], 'users', 'append'),
    fields: { group: ['Groups', asList] },
    standalone: { cfnType: 'AWS::IAM::UserToGroupAddition', fields: { group: 'GroupName', users: 'Users' } },
  },
  aws_iam_group: {
    cfnType: 'AWS::IAM::Group',
    name: 'name',
    fields: { name: 'GroupName', path: 'Path' },
  },
  aws_iam_group_policy: inlinePolicy(['aws_iam_group'], 'group', 'Groups'),
  aws_iam_group_policy_attachment: attachment(['aws_iam_group'], 'group', 'Groups'),
  aws_iam_policy_attachment: {
    cfnType: 'AWS::IAM::ManagedPolicy',
    parent: [link(['aws_iam_user'], 'users', 'append'), link(['aws_iam_role'], 'roles', 'append'), link(['aws_iam_group'], 'groups', 'append')],
    fields: { policy_arn: ['ManagedPolicyArns', one] },
    standalone: { cfnType: 'Demarc::IAM::PolicyAttachment', fields: { policy_arn: ['ManagedPolicyArns', one], users: ['Users', nonEmpty], roles: ['Roles', nonEmpty], groups: ['Groups', nonEmpty] } },
  },
  aws_iam_policy: {
    cfnType: 'AWS::IAM::ManagedPolicy',
    name: 'name',
    fields: { name: 'ManagedPolicyName', path: 'Path', description: 'Description', policy: ['PolicyDocument', policyDocument] },
  },
  aws_iam_instance_profile: {
    cfnType: 'AWS::IAM::InstanceProfile',
    name: 'name',
    fields: { name: 'InstanceProfileName', path: 'Path', role: ['Roles', asList] },
  },
  aws_iam_access_key: {
    cfnType: 'AWS::IAM::AccessKey',
    fields: { user: 'UserName', status: 'Status' },
  },
  aws_iam_account_password_policy: {
    cfnType: 'Demarc::IAM::PasswordPolicy',
    fields: {
      minimum_password_length: 'MinimumPasswordLength',
      require_symbols: 'RequireSymbols',
      require_numbers: 'RequireNumbers',
      require_uppercase_characters: 'RequireUppercaseCharacters',
      require_lowercase_characters: 'RequireLowercaseCharacters',
      allow_users_to_change_password: 'AllowUsersToChangePassword',
      max_password_age: 'MaxPasswordAge',
      password_reuse_prevention: 'PasswordReusePrevention',
      hard_expiry: 'HardExpiry',
      expire_passwords: 'ExpirePasswords',
    },
    build: (attributes) => ({ Exists: true, ...(typeof attributes['max_password_age'] === 'number' && attributes['expire_passwords'] === undefined ? { ExpirePasswords: attributes['max_password_age'] > 0 } : {}) }),
  },
  aws_iam_saml_provider: { cfnType: 'AWS::IAM::SAMLProvider', name: 'name', fields: { name: 'Name' } },
  aws_iam_openid_connect_provider: { cfnType: 'AWS::IAM::OIDCProvider', fields: { url: 'Url', client_id_list: 'ClientIdList', thumbprint_list: 'ThumbprintList' } },
  aws_iam_server_certificate: { cfnType: 'AWS::IAM::ServerCertificate', name: 'name', fields: { name: 'ServerCertificateName', path: 'Path' } },
  aws_accessanalyzer_analyzer: { cfnType: 'AWS::AccessAnalyzer::Analyzer', name: 'analyzer_name', fields: { analyzer_name: 'AnalyzerName', type: 'Type', tags: ['Tags', tags] } },
  aws_organizations_policy: { cfnType: 'AWS::Organizations::Policy', name: 'name', fields: { name: 'Name', type: 'Type', content: ['Content', policyDocument], description: 'Description' } },
  aws_organizations_organizational_unit: { cfnType: 'AWS::Organizations::OrganizationalUnit', name: 'name', fields: { name: 'Name', parent_id: 'ParentId' } },
  aws_organizations_account: { cfnType: 'AWS::Organizations::Account', name: 'name', fields: { name: 'AccountName', email: 'Email', parent_id: ['ParentIds', asList] } },
  aws_iam_virtual_mfa_device: { cfnType: 'AWS::IAM::VirtualMFADevice', fields: { virtual_mfa_device_name: 'VirtualMfaDeviceName', path: 'Path' } },
  aws_iam_service_linked_role: { cfnType: 'AWS::IAM::ServiceLinkedRole', fields: { aws_service_name: 'AWSServiceName', description: 'Description' } },
};

