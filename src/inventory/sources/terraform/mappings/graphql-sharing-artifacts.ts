import { block, blocks, type MappingTable } from './dsl.js';
import { policyDocument } from './shared.js';

/** AppSync GraphQL APIs and their caches, RAM resource shares, CodeArtifact domains and repositories with their policies. */
export const graphqlSharingArtifactsMappings: MappingTable = {
  aws_appsync_graphql_api: {
    cfnType: 'AWS::AppSync::GraphQLApi',
    name: 'name',
    fields: {
      name: 'Name',
      authentication_type: 'AuthenticationType',
      additional_authentication_provider: ['AdditionalAuthenticationProviders', blocks({ authentication_type: 'AuthenticationType' })],
      log_config: ['LogConfig', block({ field_log_level: 'FieldLogLevel', cloudwatch_logs_role_arn: 'CloudWatchLogsRoleArn', exclude_verbose_content: 'ExcludeVerboseContent' })],
      xray_enabled: 'XrayEnabled',
      visibility: 'Visibility',
      api_type: 'ApiType',
    },
  },
  aws_appsync_api_cache: {
    cfnType: 'AWS::AppSync::ApiCache',
    fields: {
      api_id: 'ApiId',
      api_caching_behavior: 'ApiCachingBehavior',
      type: 'Type',
      ttl: 'Ttl',
      at_rest_encryption_enabled: 'AtRestEncryptionEnabled',
      transit_encryption_enabled: 'TransitEncryptionEnabled',
    },
  },
  // The provider defaults allow_external_principals to false, where the API and CloudFormation default to true.
  aws_ram_resource_share: {
    cfnType: 'AWS::RAM::ResourceShare',
    name: 'name',
    fields: { name: 'Name', allow_external_principals: 'AllowExternalPrincipals' },
    defaults: { allow_external_principals: false },
  },
  aws_codeartifact_domain: {
    cfnType: 'AWS::CodeArtifact::Domain',
    name: 'domain',
    fields: { domain: 'DomainName', encryption_key: 'EncryptionKey' },
  },
  aws_codeartifact_domain_permissions_policy: {
    cfnType: 'AWS::CodeArtifact::Domain',
    parent: { types: ['aws_codeartifact_domain'], attribute: 'domain', keys: ['domain'], mode: 'assign' },
    fields: { policy_document: ['PermissionsPolicyDocument', policyDocument] },
  },
  aws_codeartifact_repository: {
    cfnType: 'AWS::CodeArtifact::Repository',
    name: 'repository',
    fields: { repository: 'RepositoryName', domain: 'DomainName', domain_owner: 'DomainOwner' },
  },
  aws_codeartifact_repository_permissions_policy: {
    cfnType: 'AWS::CodeArtifact::Repository',
    parent: { types: ['aws_codeartifact_repository'], attribute: 'repository', keys: ['repository'], mode: 'assign' },
    fields: { policy_document: ['PermissionsPolicyDocument', policyDocument] },
  },
};
